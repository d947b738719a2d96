// Organisation pages built by the real binary (PRODUCT.md §8): on the demo
// and on a fixture whose plans spell organisations several ways, each
// organisation's page lists exactly the actions that name it as lead or
// partner — computed here from the open-data JSON, apart from the code that
// builds the pages — aliases of content/organisations.yaml merge, the index
// lists every organisation, and plan tables link to the pages. Then the
// warnings of `carnet check` about names written two ways.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::test;
using Json = nlohmann::json;

namespace {

using Refs = std::set<std::string>;  // "plan-url#action"

std::map<std::string, std::string> build(const fs::path& site, const std::string& name) {
  auto out = scratch(name) / "output";
  auto r = run_carnet({"build", site.string(), "-o", out.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  return read_tree(out);
}

// The action links of the part of an organisation page (output path `page`)
// after `from` and before `to`, as output paths: "en/plans/x/#id".
Refs action_links(const std::string& page, const std::string& html, const std::string& from,
                  const std::string& to) {
  Refs out;
  auto begin = html.find(from);
  if (begin == std::string::npos) return out;
  auto end = to.empty() ? html.size() : html.find(to, begin);
  if (end == std::string::npos) end = html.size();
  const std::string part = html.substr(begin, end - begin);
  for (size_t at = 0; (at = part.find("<li><a href=\"", at)) != std::string::npos;) {
    at += 13;
    std::string href = part.substr(at, part.find('"', at) - at);
    out.insert((fs::path(page).parent_path() / href).lexically_normal().string());
  }
  return out;
}

struct Expected {
  Refs leads, partners;
};

// From each plan's JSON: who each action names, through `slug_of` (the
// test's own table of which spelling means which organisation).
std::map<std::string, Expected> expected_from_json(
    const std::map<std::string, std::string>& out,
    const std::map<std::string, std::string>& plan_url,
    const std::map<std::string, std::string>& slug_of) {
  std::map<std::string, Expected> exp;
  for (const auto& [name, url] : plan_url) {
    const Json plan = Json::parse(out.at("data/" + name + ".json"));
    std::function<void(const Json&)> walk = [&](const Json& section) {
      for (const auto& a : section.value("actions", Json::array())) {
        const std::string ref = url + "#" + a["id"].get<std::string>();
        for (const char* role : {"leads", "partners"}) {
          if (!a["fields"].contains(role)) continue;
          for (const auto& n : a["fields"][role]) {
            const std::string written = n["fr"].get<std::string>();
            INFO(written);
            REQUIRE(slug_of.count(written));
            auto& e = exp[slug_of.at(written)];
            (std::string(role) == "leads" ? e.leads : e.partners).insert(ref);
          }
        }
      }
      for (const auto& s : section.value("sections", Json::array())) walk(s);
    };
    walk(plan);
  }
  return exp;
}

void check_pages(const std::map<std::string, std::string>& out,
                 const std::map<std::string, Expected>& exp, const std::string& lang_prefix,
                 const std::map<std::string, std::string>& plan_url) {
  for (const auto& [slug, e] : exp) {
    const std::string path = lang_prefix + "organisations/" + slug + "/index.html";
    INFO(path);
    REQUIRE(out.count(path));
    const std::string& html = out.at(path);
    Refs leads = action_links(path, html, "id=\"org-leads\"", "id=\"org-partners\"");
    Refs partners = action_links(path, html, "id=\"org-partners\"", "</article>");
    // Leads and partners hold action links and the plan and level headings;
    // keep the action links.
    auto actions_only = [&](Refs r) {
      Refs kept;
      for (const auto& x : r)
        if (x.find('#') != std::string::npos) kept.insert(x);
      return kept;
    };
    Refs want_leads, want_partners;
    for (const auto& x : e.leads) want_leads.insert(x);
    for (const auto& x : e.partners) want_partners.insert(x);
    CHECK(actions_only(leads) == want_leads);
    CHECK(actions_only(partners) == want_partners);
    // Every plan table's link to it resolves: it is in the index.
    CHECK(out.at(lang_prefix + "organisations/index.html").find("href=\"" + slug + "/\"") !=
          std::string::npos);
  }
  (void)plan_url;
}

// Every organisation link on the plan pages points to an organisation page.
void check_plan_links(const std::map<std::string, std::string>& out) {
  int links = 0;
  for (const auto& [path, html] : out) {
    if (path.find("plans/") == std::string::npos || !path.ends_with("index.html")) continue;
    for (size_t at = 0; (at = html.find("<a class=\"org\" href=\"", at)) != std::string::npos;) {
      at += 21;
      std::string href = html.substr(at, html.find('"', at) - at);
      fs::path target = fs::path(path).parent_path() / href / "index.html";
      INFO(path << " → " << href);
      CHECK(out.count(target.lexically_normal().string()));
      ++links;
    }
  }
  CHECK(links > 0);
}

}  // namespace

TEST_CASE("organisations: the fixture's pages list exactly the actions naming them",
          "[e2e][organisations]") {
  const auto out = build(source_dir / "tests/fixtures/organisations-site", "orgs-fixture");
  // Which spelling means which organisation: the registry's aliases and
  // short name merge; case and accents alone do too.
  const std::map<std::string, std::string> slug_of = {
      {"CLSC", "clsc"},
      {"c.l.s.c. parc-ex", "clsc"},
      {"clsc", "clsc"},
      {"Centre local de services communautaires", "clsc"},
      {"Arrondissement", "ville-de-montreal"},
      {"Ville de Montréal", "ville-de-montreal"},
      {"Maison d'Haïti", "maison-d-haiti"},
      {"Maison d'Haiti", "maison-d-haiti"},
      {"Écoles du quartier", "ecoles-du-quartier"},
      {"ecoles du quartier", "ecoles-du-quartier"},
      {"Zoo", "zoo"},
  };
  const auto exp_fr =
      expected_from_json(out, {{"alpha", "plans/alpha/"}, {"beta", "plans/beta/"}}, slug_of);
  CHECK(exp_fr.size() == 5);
  check_pages(out, exp_fr, "", {});
  const auto exp_en =
      expected_from_json(out, {{"alpha", "en/plans/alpha/"}, {"beta", "en/plans/beta/"}}, slug_of);
  check_pages(out, exp_en, "en/", {});
  check_plan_links(out);

  // The index lists all, sorted by name (accents aside), in both languages.
  const std::string& index = out.at("organisations/index.html");
  std::vector<size_t> at;
  for (const char* name :
       {"CLSC de Parc-Extension", "Écoles du quartier", "Maison d", "Ville de Montréal", "Zoo"})
    at.push_back(index.find(name));
  CHECK(std::is_sorted(at.begin(), at.end()));
  CHECK(at.back() != std::string::npos);
  CHECK(out.at("en/organisations/clsc/index.html").find("Parc-Extension CLSC") !=
        std::string::npos);

  // The registry's website and short name; status counts; late actions.
  const std::string& clsc = out.at("organisations/clsc/index.html");
  CHECK(clsc.find("href=\"https://example.org/clsc/\"") != std::string::npos);
  CHECK(action_links("organisations/clsc/index.html", clsc, "id=\"org-late\"", "</section>") ==
        Refs{"plans/alpha/#a1", "plans/beta/#b1"});
  CHECK(clsc.find("<span class=\"status-count\">4</span>") == std::string::npos);
  CHECK(clsc.find("<dd>4</dd>") != std::string::npos);  // a1, a2, a3, b1

  // In the sitemap, in both languages; the plans list links to the index.
  CHECK(out.at("sitemap.xml").find("organisations/zoo/") != std::string::npos);
  CHECK(out.at("sitemap.xml").find("en/organisations/zoo/") != std::string::npos);
  CHECK(out.at("plans/index.html").find("href=\"../organisations/\"") != std::string::npos);
}

TEST_CASE("organisations: plan filters select by the organisation pages' slugs, aliases as one",
          "[e2e][organisations][filters]") {
  const auto out = build(source_dir / "tests/fixtures/organisations-site", "orgs-filters");
  for (const std::string page : {"plans/alpha/index.html", "en/plans/alpha/index.html"}) {
    INFO(page);
    const std::string& html = out.at(page);
    // a1 names the registry's short name "CLSC" and the alias "Arrondissement";
    // a2 the alias "c.l.s.c. parc-ex"; a3 "clsc" as a partner: one `org=clsc`.
    CHECK(html.find("<tr id=\"a1\" class=\"status-row-in_progress\" data-status=\"in_progress\" "
                    "data-org=\"clsc ville-de-montreal maison-d-haiti\"") != std::string::npos);
    CHECK(html.find("<tr id=\"a2\" class=\"status-row-done\" data-status=\"done\" "
                    "data-org=\"clsc\"") != std::string::npos);
    CHECK(html.find("data-org=\"maison-d-haiti clsc\"") != std::string::npos);
    // The bar offers each organisation once, by its page's slug.
    for (const char* slug : {"clsc", "ville-de-montreal", "maison-d-haiti", "ecoles-du-quartier"}) {
      INFO(slug);
      const std::string option = std::string("<option value=\"") + slug + "\">";
      const auto at = html.find(option);
      CHECK(at != std::string::npos);
      CHECK(html.find(option, at + 1) == std::string::npos);
      // ... and that slug is an organisation page's.
      CHECK(out.count((page.rfind("en/", 0) == 0 ? "en/" : "") + std::string("organisations/") +
                      slug + "/index.html"));
    }
    CHECK(html.find("c-l-s-c") == std::string::npos);
    CHECK(html.find("value=\"arrondissement\"") == std::string::npos);
  }
}

TEST_CASE("organisations: the demo's pages list exactly the actions naming them",
          "[e2e][organisations][demo]") {
  const auto out = build(source_dir, "orgs-demo");
  const std::map<std::string, std::string> slug_of = {
      {"Table de quartier", "table-de-quartier"},
      {"Partenaires", "partenaires"},
      {"Coordination", "coordination"},
      {"Agent de développement", "agent-de-developpement"},
      {"GRT (groupe de ressources techniques)", "grt"},
  };
  const auto exp = expected_from_json(out,
                                      {{"plan-action-2021-2023", "plans/plan-action-2021-2023/"},
                                       {"continuum-0-24", "plans/continuum-0-24/"}},
                                      slug_of);
  check_pages(out, exp, "", {});
  check_plan_links(out);
  CHECK(out.at("organisations/grt/index.html").find("Groupe de ressources techniques (GRT)") !=
        std::string::npos);
}

TEST_CASE("organisations: check warns about one organisation written two ways",
          "[e2e][organisations]") {
  const auto site = scratch("orgs-check") / "site";
  fs::copy(source_dir / "tests/fixtures/organisations-site", site, fs::copy_options::recursive);
  base::write_file(site / "content/plans/gamma.plan.yaml", R"(title: "Gamma"
updated: 2023-06-30
levels: [Axe]
sections:
  - id: axe
    title: "Axe"
    actions:
      - id: g1
        title: "Un"
        leads: ["Ecoles-du-Quartier", "EDQ"]
        partners: ["Centre local de services communautaires", "ZOO."]
)");
  auto r = run_carnet({"check", site.string()});
  INFO(r.err);
  CHECK(r.status == 0);
  const auto lines = lines_of(r.err);
  std::vector<std::string> orgs;
  for (const auto& l : lines)
    if (l.find("organisation written two ways") != std::string::npos) orgs.push_back(l);
  CHECK(
      orgs ==
      std::vector<std::string>{
          "content/plans/gamma.plan.yaml:10:17: warning: \"Ecoles-du-Quartier\" and \"Écoles du "
          "quartier\" (content/plans/alpha.plan.yaml:34:17) look like one organisation written two "
          "ways: they differ only in case, accents, punctuation or spaces; write it one way, or "
          "say in content/organisations.yaml whether they are one (aliases) or two (an entry each)",
          "content/plans/gamma.plan.yaml:10:39: warning: \"EDQ\" and \"Ecoles-du-Quartier\" "
          "(content/plans/gamma.plan.yaml:10:17) look like one organisation written two ways: one "
          "is the acronym of the other; write it one way, or say in content/organisations.yaml "
          "whether they are one (aliases) or two (an entry each)",
          "content/plans/gamma.plan.yaml:10:39: warning: \"EDQ\" and \"Écoles du quartier\" "
          "(content/plans/alpha.plan.yaml:34:17) look like one organisation written two ways: one "
          "is the acronym of the other; write it one way, or say in content/organisations.yaml "
          "whether they are one (aliases) or two (an entry each)",
          "content/plans/gamma.plan.yaml:11:63: warning: \"ZOO.\" and \"Zoo\" "
          "(content/plans/beta.plan.yaml:16:42) look like one organisation written two ways: they "
          "differ only in case, accents, punctuation or spaces; write it one way, or say in "
          "content/organisations.yaml whether they are one (aliases) or two (an entry each)",
      });
}
