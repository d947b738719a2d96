// The preview's dependency graph (cli/serve/incremental_site): after every
// edit of a seeded random sequence — page bodies, titles, slugs, dates, a
// plan action's status, a new page, a deleted page, carnet.yaml — the
// outputs the preview holds are exactly, path for path and byte for byte,
// those of a full build of the same files, and the update names exactly the
// outputs whose bytes changed.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "base/fs.hpp"
#include "cli/build_pipeline.hpp"
#include "cli/serve/incremental_site.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::base::read_file;
using carnet::base::write_file;
using carnet::cli::BuildOptions;
using carnet::cli::serve::IncrementalSite;
using carnet::cli::serve::Update;

namespace {

using Files = std::map<std::string, std::string>;

Files files_of(const carnet::cli::serve::OutputMap& files) {
  Files out;
  for (const auto& [path, f] : files)
    out[path] = f->copy_from.empty() ? f->bytes : "<copy> " + f->copy_from;
  return out;
}

Files full_build(const fs::path& site, const BuildOptions& options, bool& errors) {
  auto r = carnet::cli::build_site(site, options);
  errors = r.diags.has_errors();
  Files out;
  for (const auto& f : r.files)
    out[f.path] = f.copy_from.empty() ? f.bytes : "<copy> " + f.copy_from;
  return out;
}

std::vector<std::string> differing(const Files& a, const Files& b) {
  std::set<std::string> paths;
  for (const auto& [p, bytes] : a)
    if (!b.count(p) || b.at(p) != bytes) paths.insert(p);
  for (const auto& [p, bytes] : b)
    if (!a.count(p)) paths.insert(p);
  return {paths.begin(), paths.end()};
}

// The search index made on request equals a full build's, file for file.
void check_search_on_request(IncrementalSite& preview, const fs::path& site) {
  BuildOptions with_search;
  with_search.render.live_reload = true;
  with_search.load.base_url = "http://127.0.0.1:1313/parc-ex/";
  with_search.booklets = false;
  auto full = carnet::cli::build_site(site, with_search);
  REQUIRE_FALSE(full.diags.has_errors());
  int files = 0;
  for (const auto& f : full.files) {
    if (!f.path.starts_with("search/")) continue;
    INFO(f.path);
    auto made = preview.on_request(f.path);
    REQUIRE(made);
    CHECK(made->bytes == f.bytes);
    ++files;
  }
  CHECK(files > 0);
  CHECK_FALSE(preview.on_request("search/fr/t/none.json"));
}

BuildOptions preview_options() {
  BuildOptions o;
  o.booklets = false;
  o.search = false;
  o.render.live_reload = true;
  o.load.base_url = "http://127.0.0.1:1313/parc-ex/";
  return o;
}

// Edits of a copied site, chosen by a seeded generator (mt19937's output is
// fixed by the standard: the same sequence on every machine).
class Editor {
 public:
  Editor(fs::path root, uint32_t seed) : root_(std::move(root)), rng_(seed) {}

  size_t pick(size_t n) { return rng_() % n; }

  std::vector<std::string> pages() const {
    std::vector<std::string> out;
    for (const auto& rel : carnet::base::list_files(root_ / "content"))
      if (rel.ends_with(".md")) out.push_back("content/" + rel);
    return out;
  }

  // Replaces the front matter line starting with `key:` (or adds it).
  void set_key(const std::string& source, const std::string& key, const std::string& value) {
    std::string text = read_file(root_ / source);
    const std::string line = key + ": " + value + "\n";
    size_t at = text.find("\n" + key + ":");
    size_t end = text.find("\n---", 4);
    if (at != std::string::npos && at < end) {
      size_t eol = text.find('\n', at + 1);
      text.replace(at + 1, eol - at, line);
    } else {
      text.insert(4, line);  // after the opening "---\n"
    }
    write_file(root_ / source, text);
  }

  // One random edit; returns the changed files, relative to the site.
  std::vector<std::string> edit(int step, std::string& what) {
    auto all = pages();
    const std::string page = all[pick(all.size())];
    const std::string n = std::to_string(step);
    switch (pick(12)) {
      case 0:
      case 1:
      case 2:
      case 3:
        what = "body of " + page;
        write_file(root_ / page, read_file(root_ / page) + "\nEdit " + n + ", *again*.\n");
        return {page};
      case 4:
        what = "a heading in " + page;
        write_file(root_ / page, read_file(root_ / page) + "\n## Part " + n + "\n");
        return {page};
      case 5:
        what = "title of " + page;
        set_key(page, "title", "Title " + n);
        return {page};
      case 6: {
        if (page.find("_index") != std::string::npos) return edit(step, what);
        what = "slug of " + page;
        set_key(page, "slug", "s-" + n);
        return {page};
      }
      case 7:
        what = "date of " + page;
        set_key(page, "date",
                "2021-0" + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(9)));
        return {page};
      case 8: {
        what = "a plan action's status";
        const std::string plan = "content/plans/plan.plan.yaml";
        std::string text = read_file(root_ / plan);
        static const char* statuses[] = {"planned", "in_progress", "done", "postponed",
                                         "cancelled"};
        size_t at = text.find("status: ");
        for (size_t k = pick(4); k > 0 && text.find("status: ", at + 1) != std::string::npos; --k)
          at = text.find("status: ", at + 1);
        size_t eol = text.find('\n', at);
        text.replace(at, eol - at, std::string("status: ") + statuses[pick(5)]);
        write_file(root_ / plan, text);
        return {plan};
      }
      case 9: {
        what = "a new page";
        const std::string source = "content/rapports/nouveau-" + n + ".fr.md";
        write_file(root_ / source, "---\ntitle: Nouveau " + n + "\ndate: 2022-03-0" +
                                       std::to_string(1 + pick(9)) + "\n---\nUn texte.\n");
        created_.push_back(source);
        return {source};
      }
      case 10: {
        // A page no other page links to: deleting a linked page is a build
        // error, which the error test covers.
        if (created_.empty()) return edit(step, what);
        size_t k = pick(created_.size());
        const std::string source = created_[k];
        created_.erase(created_.begin() + static_cast<long>(k));
        what = "deleted " + source;
        fs::remove(root_ / source);
        return {source};
      }
      default: {
        what = "carnet.yaml";
        std::string text = read_file(root_ / "carnet.yaml");
        size_t at = text.find("Parc-Extension Round Table");
        if (at != std::string::npos)
          text.replace(at, 26, "Parc-Extension Table " + n);
        else
          text.replace(text.find("Parc-Extension Table "), 0, "The ");
        write_file(root_ / "carnet.yaml", text);
        return {"carnet.yaml"};
      }
    }
  }

 private:
  fs::path root_;
  std::mt19937 rng_;
  std::vector<std::string> created_;
};

void copy_fixture(const fs::path& site) {
  fs::copy(carnet::test::source_dir / "tests/fixtures/sites/basic", site,
           fs::copy_options::recursive);
}

}  // namespace

TEST_CASE("preview: random edits give exactly a full build's files", "[serve][incremental]") {
  const uint32_t seed = GENERATE(1u, 2u, 3u);
  auto site = carnet::test::scratch("incremental-" + std::to_string(seed)) / "site";
  copy_fixture(site);
  IncrementalSite preview(site, preview_options());
  preview.rebuild();
  bool errors = false;
  Files before = full_build(site, preview_options(), errors);
  REQUIRE_FALSE(errors);
  REQUIRE(files_of(preview.files()) == before);

  Editor editor(site, seed);
  int body_only = 0;
  int early_shown = 0;
  for (int step = 0; step < 40; ++step) {
    std::string what;
    auto changed = editor.edit(step, what);
    INFO("seed " << seed << ", step " << step << ": " << what);
    // A save that rebuilds the site shows its own pages first: what those
    // show is already the full build's, and the end names the rest.
    Files shown_early;
    std::vector<std::string> named_early;
    Update update = preview.update(changed, [&](const Update& early) {
      CHECK_FALSE(early.full);
      const Files held = files_of(preview.files());
      for (const auto& path : early.changed) {
        REQUIRE(held.count(path) == 1);
        shown_early[path] = held.at(path);
        named_early.push_back(path);
      }
    });
    Files after = full_build(site, preview_options(), errors);
    REQUIRE_FALSE(errors);
    REQUIRE_FALSE(preview.diags().has_errors());
    const Files held = files_of(preview.files());
    CHECK(differing(held, after).empty());
    REQUIRE(held == after);
    if (!named_early.empty()) ++early_shown;
    for (const auto& [path, bytes] : shown_early) {
      INFO(path);
      REQUIRE(after.count(path) == 1);
      CHECK(after.at(path) == bytes);
    }
    // Named once: early, or at the end when it changed again.
    std::vector<std::string> named = named_early;
    for (const auto& path : update.changed)
      if (!shown_early.count(path)) named.push_back(path);
    std::sort(named.begin(), named.end());
    CHECK(named == differing(before, after));
    check_search_on_request(preview, site);
    if (!update.full) ++body_only;
    before = std::move(after);
  }
  // The sequence went through the body-only path, not only full builds,
  // and full builds showed the saved page first.
  CHECK(body_only >= 5);
  CHECK(early_shown >= 3);
}

TEST_CASE("preview: a body-only update re-renders the pages that show it", "[serve][incremental]") {
  auto site = carnet::test::scratch("incremental-body") / "site";
  copy_fixture(site);
  IncrementalSite preview(site, preview_options());
  preview.rebuild();

  // A section's text shows on its index page only.
  write_file(site / "content/rapports/_index.fr.md",
             read_file(site / "content/rapports/_index.fr.md") + "\nUne ligne.\n");
  Update u = preview.update({"content/rapports/_index.fr.md"});
  CHECK_FALSE(u.full);
  CHECK(u.changed == std::vector<std::string>{"rapports/index.html"});

  // The same bytes again: nothing changed, nothing reloads.
  u = preview.update({"content/rapports/_index.fr.md"});
  CHECK_FALSE(u.full);
  CHECK(u.changed.empty());

  // A title is seen by menus, lists and alternates: a full build.
  auto text = read_file(site / "content/rapports/bilan.fr.md");
  text.replace(text.find("Bilan 2019"), 10, "Bilan annuel");
  write_file(site / "content/rapports/bilan.fr.md", text);
  u = preview.update({"content/rapports/bilan.fr.md"});
  CHECK(u.full);
  CHECK(u.changed.size() > 1);
}

TEST_CASE("preview: an edit that breaks a link shows the errors, its fix the site again",
          "[serve][incremental]") {
  auto site = carnet::test::scratch("incremental-error") / "site";
  copy_fixture(site);
  IncrementalSite preview(site, preview_options());
  preview.rebuild();
  const std::string page = "content/a-propos.fr.md";
  const std::string good = read_file(site / page);

  // A broken link in a body: the body-only path hands it to a full build,
  // which reports it as `carnet build` would.
  write_file(site / page, good + "\nVoir [ceci](absent.fr.md).\n");
  Update u = preview.update({page});
  CHECK(u.full);
  CHECK(u.everything);
  CHECK(preview.diags().has_errors());
  CHECK(preview.files().empty());

  // Removing the anchor another page links to is an error too (the other
  // page's link was checked against the old anchors).
  write_file(site / page, good);
  u = preview.update({page});
  CHECK(u.everything);  // back from the error page: every open page reloads
  CHECK_FALSE(preview.diags().has_errors());
  const std::string bilan = "content/rapports/bilan.fr.md";
  auto text = read_file(site / bilan);
  text.replace(text.find("## Faits saillants"), 18, "## Autre titre");
  write_file(site / bilan, text);
  u = preview.update({bilan});
  CHECK(u.full);
  CHECK(preview.diags().has_errors());

  bool errors = false;
  full_build(site, preview_options(), errors);
  CHECK(errors);
}

TEST_CASE("preview: the text before a body line", "[serve][incremental]") {
  using carnet::cli::serve::lines_before;
  CHECK(lines_before("---\ntitle: a\n---\nbody\n", 4) == "---\ntitle: a\n---\n");
  CHECK(lines_before("body\n", 1) == "");
  CHECK(lines_before("---\nx\n", 9) == "---\nx\n");
}

TEST_CASE("preview: booklets on request are a full build's, before and after an edit",
          "[serve][incremental]") {
  auto site = carnet::test::scratch("incremental-booklets") / "site";
  fs::copy(carnet::test::source_dir / "tests/fixtures/booklet-site", site,
           fs::copy_options::recursive);
  IncrementalSite preview(site, preview_options());
  preview.rebuild();
  auto with_booklets = preview_options();
  with_booklets.booklets = true;
  auto check_booklets = [&] {
    auto full = carnet::cli::build_site(site, with_booklets);
    REQUIRE_FALSE(full.diags.has_errors());
    Files held = files_of(preview.files());
    int booklets = 0;
    for (const auto& f : full.files) {
      INFO(f.path);
      if (held.count(f.path)) {
        CHECK(held.at(f.path) == f.bytes);
        continue;
      }
      auto made = preview.on_request(f.path);
      REQUIRE(made);
      CHECK(made->bytes == f.bytes);
      CHECK(preview.on_request(f.path) == made);  // kept
      ++booklets;
    }
    CHECK(booklets > 0);
    CHECK(held.size() + booklets == full.files.size());
  };
  check_booklets();
  CHECK_FALSE(preview.on_request("index.html"));
  CHECK_FALSE(preview.on_request("booklets/none.fr.pdf"));

  const std::string plan = "content/plans/concerte.plan.yaml";
  std::string text = read_file(site / plan);
  const size_t at = text.find("status: ");
  REQUIRE(at != std::string::npos);
  text.replace(at, text.find('\n', at) - at, "status: cancelled");
  write_file(site / plan, text);
  preview.update({plan});
  check_booklets();
}
