// Plan histories read from a Git repository (load/plan_history) and
// `carnet changes`, on a site that the test commits version by version with
// libgit2: statuses, progress, due dates and notes changing, an action added
// and one removed, the plan file renamed, a tag `ag-2012`, a date reference;
// then the errors (an unknown reference, a site outside Git, a corrupt
// repository), each at its position, and builds byte for byte the same.
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "cli/changes_command.hpp"
#include "e2e_support.hpp"
#include "git_repo.hpp"
#include "load/plan_history.hpp"
#include "load/site_loader.hpp"
#include "model/tracking.hpp"

using namespace carnet;
using carnet::test::run_carnet;
namespace fs = std::filesystem;

namespace {

const char* const config = R"(title: {fr: "Table", en: "Round Table"}
base_url: "https://example.org/"
languages: [fr, en]
booklet: {formats: []}
tracking: {since: ag-2012}
)";

// The plan as it stood at each commit.
const char* const v1 = R"(title: {fr: "Plan d'action", en: "Action plan"}
levels: [{fr: Orientation, en: Direction}]
sections:
  - id: logement
    title: {fr: Logement, en: Housing}
    actions:
      - id: ateliers
        title: {fr: Ateliers, en: Workshops}
        status: planned
        due: 2012-12-31
      - id: comite
        title: {fr: Comité, en: Committee}
        status: planned
      - id: ancienne
        title: {fr: Ancienne action, en: Old action}
        status: in_progress
)";
const char* const v2 = R"(title: {fr: "Plan d'action", en: "Action plan"}
levels: [{fr: Orientation, en: Direction}]
sections:
  - id: logement
    title: {fr: Logement, en: Housing}
    actions:
      - id: ateliers
        title: {fr: Ateliers, en: Workshops}
        status: in_progress
        progress: 20%
        due: 2012-12-31
      - id: comite
        title: {fr: Comité, en: Committee}
        status: planned
      - id: ancienne
        title: {fr: Ancienne action, en: Old action}
        status: in_progress
)";
const char* const v3 = R"(title: {fr: "Plan d'action", en: "Action plan"}
levels: [{fr: Orientation, en: Direction}]
sections:
  - id: logement
    title: {fr: Logement, en: Housing}
    actions:
      - id: ateliers
        title: {fr: Ateliers, en: Workshops}
        status: done
        progress: 100%
        due: 2012-12-31
      - id: comite
        title: {fr: Comité, en: Committee}
        status: planned
        due: 2013-06
        notes:
          - {date: 2013-01-20, text: {fr: "Première rencontre.", en: "First meeting."}}
      - id: nouvelle
        title: {fr: Nouvelle action, en: New action}
        status: planned
)";
const char* const v5 = R"(title: {fr: "Plan d'action", en: "Action plan"}
levels: [{fr: Orientation, en: Direction}]
sections:
  - id: logement
    title: {fr: Logement, en: Housing}
    actions:
      - id: ateliers
        title: {fr: Ateliers, en: Workshops}
        status: done
        progress: 100%
        due: 2012-12-31
      - id: comite
        title: {fr: Comité, en: Committee}
        status: in_progress
        due: 2013-06
        notes:
          - {date: 2013-01-20, text: {fr: "Première rencontre.", en: "First meeting."}}
      - id: nouvelle
        title: {fr: Nouvelle action, en: New action}
        status: planned
)";

const std::string old_path = "content/plans/plan.plan.yaml";
const std::string new_path = "content/plans/plan-2013.plan.yaml";

// A repository whose site is its subfolder "site/", committed version by version.
fs::path make_history(const std::string& name, const std::string& carnet_yaml = config) {
  const fs::path repo_dir = test::scratch(name);
  test::GitRepo repo(repo_dir);
  repo.write("README", "not the site\n");
  repo.write("site/carnet.yaml", carnet_yaml);
  repo.write("site/content/_index.fr.md", "---\ntitle: Accueil\n---\n");
  repo.write("site/" + old_path, v1);
  repo.commit("2012-03-01", "Plan adopted");
  repo.write("site/" + old_path, v2);
  repo.commit("2012-06-10", "Workshops started");
  repo.tag("ag-2012");
  repo.write("site/content/_index.fr.md", "---\ntitle: Accueil\n---\nBonjour.\n");
  repo.commit("2012-06-20", "Home page");
  repo.write("site/" + old_path, v3);
  repo.commit("2013-02-01", "Workshops done; a new action; the old one dropped");
  repo.rename("site/" + old_path, "site/" + new_path);
  repo.commit("2013-05-01", "Plan file renamed");
  repo.write("site/" + new_path, v5);
  repo.commit("2013-09-15", "Committee started");
  return repo_dir / "site";
}

model::Site load_at(const fs::path& site, base::Diagnostics& d, const std::string& since = "") {
  load::LoadOptions o;
  o.since = since;
  return load::load_site(site, o, d);
}

std::string changes_line(const model::StatusChange& c) {
  return c.date.iso() + " " + (c.from ? model::status_name(*c.from) : "-") + " > " +
         model::status_name(c.to);
}

std::vector<std::string> history_of(const model::Plan& plan, const std::string& id) {
  std::vector<std::string> out;
  auto it = plan.history->status_history.find(id);
  if (it != plan.history->status_history.end())
    for (const auto& c : it->second) out.push_back(changes_line(c));
  return out;
}

std::vector<std::string> errors(const base::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format());
  return out;
}

std::string joined(const base::Diagnostics& d) {
  std::string out;
  for (const auto& x : errors(d)) out += x + "\n";
  return out;
}

}  // namespace

TEST_CASE("history: last change, the plan at a tag, renames followed, status history",
          "[history][e2e]") {
  const fs::path site_dir = make_history("history-tag");
  base::Diagnostics d;
  auto site = load_at(site_dir, d);
  INFO(joined(d));
  REQUIRE(errors(d).empty());
  REQUIRE(site.plans.size() == 1);
  const auto& plan = site.plans[0];
  CHECK(plan.source == new_path);
  REQUIRE(plan.history);
  const auto& h = *plan.history;
  CHECK(h.last_change == base::Date{2013, 9, 15});
  CHECK(model::as_of(plan) == base::Date{2013, 9, 15});
  CHECK(h.since == "ag-2012");
  CHECK(h.since_date == base::Date{2012, 6, 10});
  CHECK(h.since_commit.size() == 7);
  CHECK(h.existed_then);  // as content/plans/plan.plan.yaml
  REQUIRE(h.before);
  CHECK(h.before->sections.at(0).actions.at(0).status == model::Status::in_progress);
  CHECK(h.before->sections.at(0).actions.size() == 3);
  // From the reference on: what changed after it, an action new since with no `from`.
  CHECK(history_of(plan, "ateliers") == std::vector<std::string>{"2013-02-01 in_progress > done"});
  CHECK(history_of(plan, "nouvelle") == std::vector<std::string>{"2013-02-01 - > planned"});
  CHECK(history_of(plan, "comite") == std::vector<std::string>{"2013-09-15 planned > in_progress"});
  CHECK(history_of(plan, "ancienne").empty());
}

TEST_CASE("history: without a reference, from the file's first commit", "[history][e2e]") {
  const fs::path site_dir = make_history("history-all", R"(title: "Table"
base_url: "https://example.org/"
languages: [fr, en]
booklet: {formats: []}
)");
  base::Diagnostics d;
  auto site = load_at(site_dir, d);
  INFO(joined(d));
  REQUIRE(errors(d).empty());
  const auto& plan = site.plans.at(0);
  REQUIRE(plan.history);
  CHECK(plan.history->since.empty());
  CHECK(!plan.history->before);
  CHECK(!plan.history->since_date);
  CHECK(plan.history->last_change == base::Date{2013, 9, 15});
  CHECK(history_of(plan, "ateliers") == std::vector<std::string>{"2012-03-01 - > planned",
                                                                 "2012-06-10 planned > in_progress",
                                                                 "2013-02-01 in_progress > done"});
  CHECK(history_of(plan, "ancienne") == std::vector<std::string>{"2012-03-01 - > in_progress"});
  CHECK(history_of(plan, "comite") ==
        std::vector<std::string>{"2012-03-01 - > planned", "2013-09-15 planned > in_progress"});
}

TEST_CASE("history: a date is the last commit on or before it", "[history][e2e]") {
  const fs::path site_dir = make_history("history-date");
  base::Diagnostics d;
  auto site = load_at(site_dir, d, "2012-06-30");
  INFO(joined(d));
  REQUIRE(errors(d).empty());
  const auto& h = *site.plans.at(0).history;
  CHECK(h.since == "2012-06-30");
  CHECK(h.since_date == base::Date{2012, 6, 20});  // the home page commit: the plan as in v2
  REQUIRE(h.before);
  CHECK(h.before->sections.at(0).actions.at(0).status == model::Status::in_progress);
  // A day with a commit counts that commit.
  base::Diagnostics d2;
  auto same_day = load_at(site_dir, d2, "2013-05-01");
  INFO(joined(d2));
  REQUIRE(errors(d2).empty());
  CHECK(same_day.plans.at(0).history->since_date == base::Date{2013, 5, 1});
  CHECK(same_day.plans.at(0).history->existed_then);
}

TEST_CASE("history: a plan renamed and rewritten is found by its action ids", "[history][e2e]") {
  const fs::path repo_dir = test::scratch("history-ids");
  test::GitRepo repo(repo_dir);
  repo.write("carnet.yaml",
             "title: T\nbase_url: \"https://example.org/\"\nlanguages: [fr, en]\n"
             "booklet: {formats: []}\ntracking: {since: ag-2012}\n");
  repo.write("content/plans/a.plan.yaml", v1);
  repo.write(
      "content/plans/other.plan.yaml",
      "title: Autre\nlevels: [Orientation]\nsections:\n  - id: s\n    title: S\n    actions:\n"
      "      - {id: x, title: X}\n");
  repo.commit("2012-03-01", "first");
  repo.tag("ag-2012");
  repo.remove("content/plans/a.plan.yaml");
  // Every line different: Git sees a deletion and an addition.
  repo.write(
      "content/plans/b.plan.yaml",
      "{title: Plan, levels: [Orientation], sections: [{id: logement, title: Logement, actions: ["
      "{id: ateliers, title: Ateliers, status: done}, {id: comite, title: Comité}, "
      "{id: ancienne, title: Ancienne, status: cancelled}]}]}\n");
  repo.commit("2012-09-01", "rewritten");
  base::Diagnostics d;
  auto site = load_at(repo_dir, d);
  INFO(joined(d));
  REQUIRE(errors(d).empty());
  const model::Plan* b = nullptr;
  for (const auto& p : site.plans)
    if (p.name == "b") b = &p;
  REQUIRE(b);
  CHECK(b->history->existed_then);
  REQUIRE(b->history->before);
  CHECK(b->history->before->sections.at(0).actions.size() == 3);
  CHECK(history_of(*b, "ateliers") == std::vector<std::string>{"2012-09-01 planned > done"});
}

TEST_CASE("carnet changes: the changes since the tag, in French and in English",
          "[history][e2e][changes]") {
  const fs::path site_dir = make_history("changes");
  cli::ChangesOptions o;
  o.site = site_dir.string();
  auto en = cli::changes({o.site, "", "en"});
  INFO(en.err);
  CHECK(en.exit_code == 0);
  CHECK(en.err.empty());
  CHECK(en.out ==
        "Action plan (content/plans/plan-2013.plan.yaml)\n"
        "Changes since ag-2012 (June 10, 2012)\n"
        "  Actions added\n"
        "    1.3 nouvelle  New action (Planned)\n"
        "  Actions removed\n"
        "    1.3 ancienne  Old action\n"
        "  Status changes\n"
        "    1.1 ateliers  Workshops: In progress → Done\n"
        "    1.2 comite  Committee: Planned → In progress\n"
        "  Progress changes\n"
        "    1.1 ateliers  Workshops: 20% → 100%\n"
        "  Due date changes\n"
        "    1.2 comite  Committee: — → June 2013\n"
        "  New notes\n"
        "    1.2 comite  Committee\n"
        "      January 20, 2013: First meeting.\n");
  // French puts a no-break space before a colon, a narrow one before a percent sign.
  auto fr = cli::changes({o.site, "", "fr"});
  CHECK(fr.exit_code == 0);
  CHECK(fr.out ==
        "Plan d'action (content/plans/plan-2013.plan.yaml)\n"
        "Changements depuis ag-2012 (10 juin 2012)\n"
        "  Actions ajoutées\n"
        "    1.3 nouvelle  Nouvelle action (Prévue)\n"
        "  Actions retirées\n"
        "    1.3 ancienne  Ancienne action\n"
        "  Changements d'état\n"
        "    1.1 ateliers  Ateliers\u00a0: En cours → Réalisée\n"
        "    1.2 comite  Comité\u00a0: Prévue → En cours\n"
        "  Avancement modifié\n"
        "    1.1 ateliers  Ateliers\u00a0: 20\u202f% → 100\u202f%\n"
        "  Échéances modifiées\n"
        "    1.2 comite  Comité\u00a0: — → juin 2013\n"
        "  Nouvelles notes\n"
        "    1.2 comite  Comité\n"
        "      20 janvier 2013\u00a0: Première rencontre.\n");
  // The real binary, with --since overriding carnet.yaml: nothing changed since HEAD.
  auto none = run_carnet({"changes", site_dir.string(), "--since", "HEAD", "--lang", "en"});
  CHECK(none.status == 0);
  CHECK(none.out ==
        "Action plan (content/plans/plan-2013.plan.yaml)\n"
        "Changes since HEAD (September 15, 2013)\n"
        "  No change.\n");
}

TEST_CASE("carnet changes: usage errors exit 2", "[history][e2e][changes]") {
  const fs::path site_dir = make_history("changes-usage");
  auto bad_ref = run_carnet({"changes", site_dir.string(), "--since", "ag-2099"});
  CHECK(bad_ref.status == 2);
  CHECK(bad_ref.err ==
        "carnet: error: --since: \"ag-2099\" is not a tag, branch or commit of this repository, "
        "nor a date\n");
  auto bad_lang = run_carnet({"changes", site_dir.string(), "--lang", "de"});
  CHECK(bad_lang.status == 2);
  CHECK(bad_lang.err ==
        "carnet: error: --lang: \"de\" is not one of the site's languages (fr, en)\n");
  auto no_args = run_carnet({"changes", site_dir.string(), "--bogus"});
  CHECK(no_args.status == 2);
}

TEST_CASE("carnet changes: no reference anywhere is a usage error", "[history][e2e][changes]") {
  const fs::path site_dir = make_history("changes-none", R"(title: "Table"
base_url: "https://example.org/"
languages: [fr, en]
booklet: {formats: []}
)");
  auto r = run_carnet({"changes", site_dir.string()});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "carnet: error: no reference to compare with: pass --since REF (a Git tag, branch, commit "
        "or date) or set `tracking: {since: REF}` in carnet.yaml\n");
}

TEST_CASE("history errors: an unknown reference is an error at its line", "[history][e2e]") {
  std::string yaml = config;
  yaml.replace(yaml.find("ag-2012"), 7, "ag-2099");
  const fs::path site_dir = make_history("err-unknown", yaml);
  const fs::path out = test::scratch("err-unknown-out") / "output";
  auto r = run_carnet({"build", site_dir.string(), "-o", out.string(), "-q"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "carnet.yaml:5:19: error: tracking.since: \"ag-2099\" is not a tag, branch or commit of "
        "this repository, nor a date\n1 error; nothing was written\n");
  CHECK(!fs::exists(out));  // nothing written
  auto changes = run_carnet({"changes", site_dir.string()});
  CHECK(changes.status == 1);
}

TEST_CASE("history errors: a date before the first commit", "[history][e2e]") {
  std::string yaml = config;
  yaml.replace(yaml.find("ag-2012"), 7, "2001-01-01");
  const fs::path site_dir = make_history("err-date", yaml);
  base::Diagnostics d;
  load_at(site_dir, d);
  CHECK(errors(d) == std::vector<std::string>{
                         "carnet.yaml:5:19: error: tracking.since: \"2001-01-01\" no commit on or "
                         "before 2001-01-01 (the first is from 2012-03-01)"});
}

TEST_CASE("history errors: a plan's own since names nothing", "[history][e2e]") {
  const fs::path repo_dir = test::scratch("err-plan-since");
  test::GitRepo repo(repo_dir);
  repo.write("carnet.yaml",
             "title: T\nbase_url: \"https://example.org/\"\nlanguages: [fr, en]\n"
             "booklet: {formats: []}\n");
  repo.write("content/plans/p.plan.yaml", std::string("since: nulle-part\n") + v1);
  repo.commit("2012-03-01", "first");
  base::Diagnostics d;
  load_at(repo_dir, d);
  CHECK(errors(d) ==
        std::vector<std::string>{"content/plans/p.plan.yaml:1:8: error: since: \"nulle-part\" is "
                                 "not a tag, branch or commit of this repository, nor a date"});
}

TEST_CASE("history errors: since on a site outside Git", "[history][e2e]") {
  const fs::path site_dir = test::scratch("err-no-git");
  base::write_file(site_dir / "carnet.yaml", config);
  fs::create_directories(site_dir / "content/plans");
  base::write_file(site_dir / "content/plans/p.plan.yaml", v1);
  base::Diagnostics d;
  auto site = load_at(site_dir, d);
  CHECK(errors(d) == std::vector<std::string>{
                         "carnet.yaml:5:19: error: tracking.since: the site is not in a Git "
                         "repository, so \"ag-2012\" cannot be looked up; remove `since` or keep "
                         "the site in Git"});
  CHECK(!site.plans.at(0).history);
  // Without since, a site outside Git is fine: no history, no date.
  base::write_file(site_dir / "carnet.yaml",
                   "title: T\nbase_url: \"https://example.org/\"\nlanguages: [fr, en]\n");
  base::Diagnostics d2;
  auto plain = load_at(site_dir, d2);
  CHECK(!d2.has_errors());
  CHECK(!plain.plans.at(0).history);
  CHECK(!model::as_of(plain.plans.at(0)));
}

TEST_CASE("history errors: a corrupt repository", "[history][e2e]") {
  const fs::path site_dir = make_history("err-corrupt");
  // Break the object of HEAD's commit.
  test::GitRepo repo(site_dir.parent_path());
  git_oid head;
  REQUIRE(git_reference_name_to_id(&head, repo.get(), "HEAD") == 0);
  const std::string hex = wrap::oid_hex(head);
  const fs::path object =
      site_dir.parent_path() / ".git/objects" / hex.substr(0, 2) / hex.substr(2);
  REQUIRE(fs::exists(object));
  // Garbage where the compressed object was. (Not a truncated object: libgit2
  // 1.5 loops forever inflating one, libgit2 issue 7342, fixed upstream in
  // pull request 7346; see docs/decisions.md.)
  fs::permissions(object, fs::perms::owner_write, fs::perm_options::add);
  base::write_file(object, "this is not a zlib stream");
  base::Diagnostics d;
  load_at(site_dir, d);
  auto e = errors(d);
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "carnet.yaml:5:19: error: tracking.since: the site's Git repository cannot be read, so "
        "\"ag-2012\" cannot be looked up: reading HEAD: failed to inflate loose object");
  // Without since, a warning: the build goes on without dates from Git.
  base::write_file(site_dir / "carnet.yaml",
                   "title: T\nbase_url: \"https://example.org/\"\nlanguages: [fr, en]\n"
                   "booklet: {formats: []}\n");
  base::Diagnostics d2;
  auto site = load_at(site_dir, d2);
  CHECK(!d2.has_errors());
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].format() ==
        "carnet.yaml: warning: the site's Git repository cannot be read (reading HEAD: failed to "
        "inflate loose object); plans get no dates or history from Git");
  CHECK(!site.plans.at(0).history);
}

TEST_CASE("history: two builds give the same bytes", "[history][e2e]") {
  const fs::path site_dir = make_history("same-bytes");
  const fs::path a = test::scratch("same-bytes-a"), b = test::scratch("same-bytes-b");
  REQUIRE(run_carnet({"build", site_dir.string(), "-o", a.string(), "-q"}).status == 0);
  REQUIRE(run_carnet({"build", site_dir.string(), "-o", b.string(), "-q"}).status == 0);
  CHECK(test::read_tree(a) == test::read_tree(b));
}

TEST_CASE("utc_day: a time in seconds to its calendar day in UTC", "[history]") {
  CHECK(load::utc_day(0) == base::Date{1970, 1, 1});
  CHECK(load::utc_day(-1) == base::Date{1969, 12, 31});
  CHECK(load::utc_day(951782400) == base::Date{2000, 2, 29});
  CHECK(load::utc_day(1339329599) == base::Date{2012, 6, 10});  // 11:59:59 UTC
  CHECK(load::utc_day(1709251199) == base::Date{2024, 2, 29});  // 23:59:59 UTC
}

TEST_CASE("history: the preview's cache parses each version once", "[history][e2e]") {
  const fs::path site_dir = make_history("history-cache");
  load::ParseCache cache;
  load::LoadOptions o;
  o.cache = &cache;
  base::Diagnostics d1, d2;
  auto first = load::load_site(site_dir, o, d1);
  REQUIRE(!d1.has_errors());
  CHECK(!cache.history.plans.empty());
  auto second = load::load_site(site_dir, o, d2);
  REQUIRE(!d2.has_errors());
  // The same parsed version, not a second parse of it.
  CHECK(first.plans.at(0).history->before == second.plans.at(0).history->before);
  CHECK(first.plans.at(0).history->status_history.size() ==
        second.plans.at(0).history->status_history.size());
}

// The acceptance of the tracking issue: what Git knows shows on the web page
// and in every booklet, in both languages.
TEST_CASE(
    "history: the page and every booklet show the as-of date, late actions, progress, "
    "the changes and each action's history",
    "[history][e2e]") {
  std::string with_booklets = config;
  with_booklets.replace(with_booklets.find("booklet: {formats: []}"), 22,
                        "booklet: {formats: [pdf, epub, odt]}");
  const fs::path site_dir = make_history("history-outputs", with_booklets);
  const fs::path out = test::scratch("history-outputs-out");
  auto built = run_carnet({"build", site_dir.string(), "-o", out.string(), "-q"});
  INFO(built.err);
  REQUIRE(built.status == 0);
  struct Expect {
    const char* lang;
    const char* page;
    std::vector<std::string> words;
  };
  const Expect expected[] = {
      {"fr",
       "plans/plan-2013/index.html",
       {"Changements depuis ag-2012", "15 septembre 2013", "En retard", "Historique des états",
        "Nouvelle action", "Réalisée", "50\u202f%"}},
      {"en",
       "en/plans/plan-2013/index.html",
       {"Changes since ag-2012", "September 15, 2013", "Late", "Status history", "New action",
        "Done", "50%"}},
  };
  for (const auto& e : expected) {
    INFO(e.lang);
    const std::string html = base::read_file(out / e.page);
    CHECK(html.find("id=\"changes\"") != std::string::npos);
    const std::string book = (out / "booklets" / "plan-2013.").string() + e.lang;
    auto pdf = test::run_shell("pdftotext -raw '" + book + ".pdf' -");
    auto epub = test::run_shell("unzip -p '" + book + ".epub' 'EPUB/*.xhtml'");
    auto odt = test::run_shell("unzip -p '" + book + ".odt' content.xml");
    // pdftotext gives no-break spaces back as plain ones.
    auto spaces = [](std::string s) {
      for (const char* nb : {"\u202f", "\u00a0"})
        for (auto at = s.find(nb); at != std::string::npos; at = s.find(nb))
          s.replace(at, std::string(nb).size(), " ");
      return s;
    };
    const std::string pdf_text = spaces(pdf.out);
    for (const auto& w : e.words) {
      INFO(w);
      CHECK(html.find(w) != std::string::npos);
      CHECK(pdf_text.find(spaces(w)) != std::string::npos);
      CHECK(epub.out.find(w) != std::string::npos);
      CHECK(odt.out.find(w) != std::string::npos);
    }
  }
}

TEST_CASE("history: a reference that names nothing does not stop translation", "[history][e2e]") {
  std::string broken = config;
  broken.replace(broken.find("ag-2012"), 7, "ag-2099");
  const fs::path site_dir = make_history("history-translate", broken);
  CHECK(run_carnet({"build", site_dir.string(), "-o", (site_dir / "out").string(), "-q"}).status ==
        1);
  const fs::path xliff = test::scratch("history-translate-out") / "en.xlf";
  auto r = run_carnet(
      {"translations", "export", "--lang", "en", "-o", xliff.string(), site_dir.string()});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(fs::exists(xliff));
}
