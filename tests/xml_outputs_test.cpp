// Every XML file Carnet writes is well-formed (issue 13, item 8): the feed,
// the sitemap, SVG, the EPUB's XHTML, OPF and NCX, the ODT's XML parts and
// the XLIFF export, for every fixture site, parsed by libxml2 itself.
#include <libxml/parser.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "wrap/libxml.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

namespace {

bool is_xml_name(const std::string& name) {
  for (const char* ext : {".xml", ".xhtml", ".opf", ".ncx", ".svg", ".xlf", ".xliff", ".rdf"})
    if (name.ends_with(ext)) return true;
  return false;
}

// libxml2's first error for `bytes`, or "" when they are well-formed XML.
std::string xml_problem(const std::string& bytes, const std::string& name) {
  carnet::wrap::XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
  REQUIRE(ctxt);
  carnet::wrap::XmlDocPtr doc(
      xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(),
                        nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc && ctxt->wellFormed) return "";
  const xmlError* e = xmlCtxtGetLastError(ctxt.get());
  return e && e->message ? e->message : "not well-formed";
}

// The XML files of `out`, inside .epub and .odt too: name → bytes.
std::map<std::string, std::string> xml_files(const fs::path& out) {
  std::map<std::string, std::string> found;
  for (const auto& [path, bytes] : read_tree(out)) {
    if (is_xml_name(path)) found[path] = bytes;
    if (!path.ends_with(".epub") && !path.ends_with(".odt")) continue;
    const auto list = run_shell("unzip -Z1 " + quoted(out / path));
    REQUIRE(list.status == 0);
    for (const auto& entry : lines_of(list.out)) {
      if (!is_xml_name(entry)) continue;
      const auto content = run_shell("unzip -p " + quoted(out / path) + " '" + entry + "'");
      REQUIRE(content.status == 0);
      found[path + "!" + entry] = content.out;
    }
  }
  return found;
}

}  // namespace

TEST_CASE("every XML file written for every fixture site is well-formed", "[e2e][harden]") {
  std::vector<fs::path> sites;
  for (const auto& e : fs::recursive_directory_iterator(source_dir / "tests/fixtures")) {
    const auto rel = e.path().lexically_relative(source_dir / "tests/fixtures").generic_string();
    if (e.path().filename() != "carnet.yaml" || rel.starts_with("invalid/") ||
        rel.starts_with("layers/") || rel.find("/expected") != std::string::npos)
      continue;
    sites.push_back(e.path().parent_path());
  }
  std::sort(sites.begin(), sites.end());
  REQUIRE(sites.size() >= 5);
  size_t checked = 0, xliff = 0;
  for (const auto& fixture : sites) {
    const auto name = fixture.lexically_relative(source_dir / "tests/fixtures").generic_string();
    INFO(name);
    // A copy outside Carnet's repository, as the fixture test builds them.
    const auto dir = scratch("xml-" + std::to_string(checked) + "-" + fixture.filename().string());
    const auto site = dir / "site";
    fs::copy(fixture, site, fs::copy_options::recursive);
    const auto out = dir / "output";
    const auto r = run_carnet({"build", site.string(), "-o", out.string(), "-q"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    for (const char* lang : {"en", "fr"}) {
      const auto file = out / (std::string("translate.") + lang + ".xlf");
      // The site's source language is refused; the other is exported.
      if (run_carnet({"translations", "export", site.string(), "--lang", lang, "-o", file.string(),
                      "--format", "xliff"})
              .status == 0)
        ++xliff;
    }
    const auto files = xml_files(out);
    for (const auto& [path, bytes] : files) {
      INFO(path);
      CHECK(xml_problem(bytes, path) == "");
      ++checked;
    }
  }
  CHECK(xliff >= 1);
  CHECK(checked >= 20);
}
