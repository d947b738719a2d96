#include <catch2/catch.hpp>

#include <random>

#include "render/search/search_index.hpp"

using namespace carnet;
using namespace carnet::render::search;

namespace {
std::string fmt_hex(unsigned char c) {
  static const char digits[] = "0123456789abcdef";
  return {digits[c >> 4], digits[c & 15]};
}

std::map<std::string, std::string> by_path(const std::vector<base::OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.bytes;
  return out;
}
}  // namespace

TEST_CASE("search index: html_text drops tags and decodes entities", "[search]") {
  CHECK(html_text("<p>Un <em>bon</em> plan &amp; des <a href=\"x\">liens</a></p><p>Suite</p>") ==
        "Un bon plan & des liens Suite");
  CHECK(html_text("<!-- carnet:block 1 --><p>a&#39;b &lt;c&gt;</p>") == "a'b <c>");
  CHECK(html_text("a &unknown; b") == "a &unknown; b");
  // Inline elements join the pieces of a word; any other tag separates.
  CHECK(html_text("x<code>y</code>z<strong>s</strong>t<br>w<p>v</p>") == "xyzst w v");
  CHECK(html_text("<a href=\"#\">li</a>en<b>x") == "lien x");
}

TEST_CASE("search index: a small index, byte for byte", "[search]") {
  std::vector<Document> docs = {
      {"plans/x/#a-1", "1.1 Écoles ouvertes", "Plan", "Financer les écoles."},
      {"a-propos/", "À propos", "", "La table du quartier."}};
  auto files = by_path(index_files(docs, "fr"));
  REQUIRE(files.count("search/fr/index.json"));
  CHECK(files["search/fr/index.json"] ==
        "{\"v\":2,\"lang\":\"fr\",\"docs\":2,\"chunk\":20,\"shards\":"
        "[\"du\",\"ec\",\"fi\",\"la\",\"le\",\"ou\",\"pl\",\"pr\",\"qu\",\"ta\"],\"common\":[]}\n");
  // "écoles" in the title (5) and the text (1): document 0, weight 6, as
  // the base64 of their varint bytes (00 06); shards are named by the hex
  // of their prefix.
  CHECK(files["search/fr/t2/6563.json"] == "{\"ecol\":\"AAY=\"}");
  CHECK(files["search/fr/t2/6c61.json"] == "{\"la\":\"AQE=\"}");
  CHECK(files["search/fr/d/0.json"] ==
        "[[\"plans/x/#a-1\",\"1.1 Écoles ouvertes\",\"Plan\",\"Financer les écoles.\"],\n"
        "[\"a-propos/\",\"À propos\",\"\",\"La table du quartier.\"]]\n");
  // The same documents give the same bytes.
  CHECK(by_path(index_files(docs, "fr")) == files);
}

TEST_CASE("search index: postings are varints, past one byte too", "[search]") {
  std::vector<Document> docs(301, Document{"p/", "", "", "texte"});
  docs[0].text = "texte rare";
  docs[300].title = "Rare";
  auto files = by_path(index_files(docs, "fr"));
  // Documents 0 (weight 1) and 300 (in the title: 5), the second as the
  // difference 300 = 0xAC 0x02 (seven bits a byte, low bits first):
  // 00 01 AC 02 05.
  CHECK(files["search/fr/t2/7261.json"] == "{\"rar\":\"AAGsAgU=\"}");
}

TEST_CASE("search index: a large shard splits by a longer prefix", "[search]") {
  std::vector<Document> docs;
  for (int i = 0; i < 3000; ++i)
    docs.push_back({"p" + std::to_string(i) + "/", "Page", "",
                    "marin" + std::to_string(i) + " matin" + std::to_string(i)});
  auto files = by_path(index_files(docs, "fr"));
  const std::string& manifest = files["search/fr/index.json"];
  CHECK(manifest.find("\"ma\"") == std::string::npos);
  CHECK(manifest.find("\"mari") != std::string::npos);
  CHECK(manifest.find("\"mati") != std::string::npos);
  // A term is in the shard of the longest listed prefix of it, as the
  // browser looks for it.
  std::string shard;
  for (size_t n = 1; n <= 8; ++n)
    if (manifest.find("\"" + std::string("matin123").substr(0, n) + "\"") != std::string::npos)
      shard = std::string("matin123").substr(0, n);
  REQUIRE(shard.size() > 2);
  std::string hex;
  for (unsigned char c : shard) hex += fmt_hex(c);
  CHECK(files["search/fr/t2/" + hex + ".json"].find("\"matin123\":\"") != std::string::npos);
  for (const auto& [path, bytes] : files) {
    INFO(path);
    CHECK(bytes.size() < 64 * 1024);
  }
  // "Page", in every document, is common: listed, not indexed.
  CHECK(manifest.ends_with(",\"common\":[\"pag\"]}\n"));
  CHECK(files.count("search/fr/d/149.json"));
  CHECK_FALSE(files.count("search/fr/d/150.json"));
}

TEST_CASE("search index: documents of a page are its sections", "[search]") {
  model::Site site;
  model::Page p;
  p.lang = "fr";
  p.url = "a-propos/";
  p.title = "À propos";
  p.html =
      "<p>Intro.</p>\n<h2 id=\"mission\">Notre mission</h2>\n<p>Agir "
      "<strong>ensemble</strong>.</p>\n";
  site.pages.push_back(p);
  p.lang = "en";
  site.pages.push_back(p);
  auto docs = documents(site, "fr");
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].url == "a-propos/");
  CHECK(docs[0].text == "Intro.");
  CHECK(docs[1].url == "a-propos/#mission");
  CHECK(docs[1].title == "Notre mission");
  CHECK(docs[1].context == "À propos");
  CHECK(docs[1].text == "Agir ensemble.");
}

TEST_CASE("search index: every level and action is a document at PLAN-URL#ID", "[search]") {
  model::Site site;
  model::Plan plan;
  plan.title = model::make_text("fr", "Plan d'action");
  plan.url["fr"] = "plans/pa/";
  model::PlanSection s;
  s.id = "familles";
  s.code = "1";
  s.title = model::make_text("fr", "Soutenir les familles");
  s.fields.set("strategy")
      .texts.push_back(model::make_text("fr", "L'approche *École-famille-communauté*"));
  model::Action a;
  a.id = "halte";
  a.code = "1.2";
  a.title = model::make_text("fr", "Ouvrir une halte-garderie");
  a.fields.set("leads").texts.push_back(model::make_text("fr", "CLSC de *Parc-Ex*"));
  s.actions.push_back(a);
  plan.sections.push_back(s);
  site.plans.push_back(plan);
  auto docs = documents(site, "fr");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].url == "plans/pa/");
  CHECK(docs[1].url == "plans/pa/#familles");
  CHECK(docs[1].title == "1 Soutenir les familles");
  CHECK(docs[1].context == "Plan d'action");
  CHECK(docs[1].text == "L'approche École-famille-communauté");
  CHECK(docs[2].url == "plans/pa/#halte");
  CHECK(docs[2].title == "1.2 Ouvrir une halte-garderie");
  CHECK(docs[2].context == "Plan d'action");
  CHECK(docs[2].text == "CLSC de Parc-Ex");
  CHECK(render_search(site).size() > 0);
  site.config.search = false;
  CHECK(render_search(site).empty());
}

TEST_CASE("search index: the documents' JSON escapes what JSON must, wherever it falls",
          "[search]") {
  // Titles of random bytes: controls, quotes and backslashes among plain
  // text and UTF-8, at every offset against the eight-byte steps of the
  // escaper. Each must come out as the escape that reference gives.
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      if (c == '"')
        out += "\\\"";
      else if (c == '\\')
        out += "\\\\";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\b')
        out += "\\b";
      else if (c == '\f')
        out += "\\f";
      else if (c < 0x20)
        out += "\\u00" + fmt_hex(c);
      else
        out += static_cast<char>(c);
    }
    return out + "\"";
  };
  const std::string pieces[] = {"abcdefgh", "é", "\"", "\\", "\n", "\t", "\x01",
                                "\x1f",     " ", "x",  "\r", "\b", "\f"};
  std::mt19937 rng(3);
  for (int n = 0; n < 500; ++n) {
    std::string title;
    for (int i = 0, k = static_cast<int>(rng() % 30); i < k; ++i)
      title += pieces[rng() % std::size(pieces)];
    auto files = by_path(index_files({{"u/", title, "", ""}}, "fr"));
    const std::string expected = "[[\"u/\"," + reference(title) + ",\"\",\"\"]]\n";
    INFO(title);
    CHECK(files["search/fr/d/0.json"] == expected);
  }
}
