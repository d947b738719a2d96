// `carnet build`'s way of writing: build_site hands each batch of outputs to
// a sink (a write::Staging) as soon as it is made. The files staged are
// those of the in-memory build, byte for byte; a build that fails after some
// batches were staged (an error found late, a write that throws) leaves the
// output folder exactly as it was.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "cli/build_pipeline.hpp"
#include "e2e_support.hpp"
#include "write/manifest.hpp"
#include "write/publisher.hpp"

namespace fs = std::filesystem;
using carnet::base::OutputFile;
using carnet::cli::BuildOptions;
using namespace carnet::test;

namespace {

using Files = std::map<std::string, std::string>;

Files files_of(const std::vector<OutputFile>& files) {
  Files out;
  for (const auto& f : files) out[f.path] = f.copy_from.empty() ? f.bytes : "<copy> " + f.copy_from;
  return out;
}

// A copy of the basic fixture site, to plant a file in.
fs::path basic_site(const std::string& name) {
  auto site = scratch(name) / "site";
  fs::copy(source_dir / "tests/fixtures/sites/basic", site, fs::copy_options::recursive);
  return site;
}

// An output folder as a previous build left it.
fs::path previous_output(const fs::path& out) {
  const std::vector<OutputFile> previous{{"index.html", "previous build", ""},
                                         {"en/old/index.html", "previous page", ""}};
  for (const auto& f : previous) carnet::base::write_file(out / f.path, f.bytes);
  carnet::base::write_file(out / ".carnet-output", carnet::write::manifest_text(previous));
  return out;
}

}  // namespace

TEST_CASE("a build through a sink gives the files of the in-memory build", "[e2e][staging]") {
  for (const auto& site : {source_dir, source_dir / "tests/fixtures/sites/basic"}) {
    INFO(site.string());
    BuildOptions options;
    auto in_memory = carnet::cli::build_site(site, options);
    REQUIRE_FALSE(in_memory.diags.has_errors());

    std::vector<OutputFile> sunk;
    int batches = 0;
    options.sink = [&](std::vector<OutputFile>&& batch) {
      ++batches;
      for (auto& f : batch) sunk.push_back(std::move(f));
    };
    auto sinked = carnet::cli::build_site(site, options);
    REQUIRE_FALSE(sinked.diags.has_errors());
    CHECK(sinked.files.empty());
    CHECK(batches >= 3);  // search, pages, open data (and the demo's booklets)
    CHECK(sinked.file_count == sunk.size());
    CHECK(in_memory.file_count == in_memory.files.size());
    CHECK(files_of(sunk) == files_of(in_memory.files));
  }
}

TEST_CASE("write::Staging writes what publish writes", "[e2e][staging]") {
  const auto site = source_dir / "tests/fixtures/sites/basic";
  auto work = scratch("staging-same");
  auto built = carnet::cli::build_site(site, {});
  REQUIRE_FALSE(built.diags.has_errors());
  carnet::write::publish(work / "published", built.files);
  {
    carnet::write::Staging staging(work / "staged");
    BuildOptions options;
    options.sink = [&](std::vector<OutputFile>&& b) { staging.add(std::move(b)); };
    REQUIRE_FALSE(carnet::cli::build_site(site, options).diags.has_errors());
    staging.commit();
  }
  CHECK(read_tree(work / "staged") == read_tree(work / "published"));
}

TEST_CASE("an error found after batches were staged leaves the output as it was",
          "[e2e][staging]") {
  // The open data comes after the search index and the pages: both are
  // staged when its schema is found to collide with a file of static/.
  auto site = basic_site("staging-late-error");
  carnet::base::write_file(site / "static/data/plan.schema.json", "{}");
  auto out = previous_output(site.parent_path() / "output");
  const auto before = read_tree(out);

  auto in_memory = carnet::cli::build_site(site, {});
  REQUIRE(in_memory.diags.has_errors());
  int batches = 0;
  {
    carnet::write::Staging staging(out);
    BuildOptions options;
    options.sink = [&](std::vector<OutputFile>&& b) {
      ++batches;
      staging.add(std::move(b));
    };
    auto r = carnet::cli::build_site(site, options);
    CHECK(r.diags.sorted().size() == in_memory.diags.sorted().size());
    for (size_t i = 0; i < r.diags.sorted().size() && i < in_memory.diags.sorted().size(); ++i)
      CHECK(r.diags.sorted()[i].format() == in_memory.diags.sorted()[i].format());
    CHECK(fs::exists(out / ".carnet-staging"));
  }
  // The search index, the pages, the files of the whole site (sitemap,
  // feeds, stylesheet); never the colliding batch.
  CHECK(batches == 3);
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  CHECK(read_tree(out) == before);

  // The same through the command: exit 1, the error, nothing written.
  auto r = run_carnet({"build", site.string(), "-o", out.string()});
  CHECK(r.status == 1);
  CHECK(r.err.find("static/data/plan.schema.json: error: this file would overwrite") !=
        std::string::npos);
  CHECK(read_tree(out) == before);
}

TEST_CASE("a sink that throws half-way leaves the output as it was", "[e2e][staging]") {
  auto site = basic_site("staging-throw");
  auto out = previous_output(site.parent_path() / "output");
  const auto before = read_tree(out);
  auto fresh = site.parent_path() / "fresh-output";
  for (const auto& target : {out, fresh}) {
    int batches = 0;
    try {
      carnet::write::Staging staging(target);
      BuildOptions options;
      options.sink = [&](std::vector<OutputFile>&& b) {
        if (++batches == 2) throw carnet::base::SystemError("writing 'x': No space left on device");
        staging.add(std::move(b));
      };
      carnet::cli::build_site(site, options);
      FAIL("the sink's error should stop the build");
    } catch (const carnet::base::SystemError&) {
    }
    CHECK(batches == 2);
  }
  CHECK(read_tree(out) == before);
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  CHECK_FALSE(fs::exists(fresh));  // made by the Staging, removed with it
}
