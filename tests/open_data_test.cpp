// Open data (PRODUCT.md §7) from the real binary: the demo site and a
// fixture with tracking values get data/NAME.json, data/plan.schema.json and
// data/NAME.LANG.csv; every JSON validates against the schema
// (python3-jsonschema); `carnet import` of every CSV gives back the plan in
// that language (ids, levels, codes, statuses, titles, every field's text).
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/fs.hpp"
#include "base/slug.hpp"
#include "base/text.hpp"
#include "e2e_support.hpp"
#include "load/plan_reader.hpp"
#include "model/plan.hpp"
#include "model/site.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::test;

namespace {

struct Built {
  fs::path out;
  std::map<std::string, std::string> tree;
};

Built build(const fs::path& site, const std::string& name) {
  Built b;
  b.out = scratch(name) / "output";
  auto r = run_carnet({"build", site.string(), "-o", b.out.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  b.tree = read_tree(b.out);
  return b;
}

const Built& demo() {
  static const Built b = build(source_dir, "open-data-demo");
  return b;
}
const fs::path fixture_site = source_dir / "tests/fixtures/open-data";
const Built& fixture() {
  static const Built b = build(fixture_site, "open-data-fixture");
  return b;
}

model::Plan read(const fs::path& file, const std::string& source) {
  base::Diagnostics d;
  auto plan = load::read_plan(base::read_file(file), source, {"fr", "en"}, d);
  for (const auto& x : d.sorted()) INFO(x.format());
  REQUIRE(plan);
  return *plan;
}

// What a reader of `lang` sees of a field, as one string. Markdown loses
// its trailing line break through the CSV, and a note's line breaks become
// spaces (one note per line of the cell): docs/decisions.md, "Open data".
std::string shown(const model::FieldSpec& spec, const model::FieldValue* v,
                  const std::string& lang) {
  if (!v) return "";
  auto t = [&](const model::LocalizedText& x) {
    return std::string(base::trim(x.get(lang, "fr")));
  };
  std::string s;
  switch (spec.kind) {
    case model::FieldKind::identifier:
    case model::FieldKind::title:
    case model::FieldKind::status:
      break;
    case model::FieldKind::markdown:
    case model::FieldKind::texts:
    case model::FieldKind::organisations:
      for (const auto& x : v->texts) s += t(x) + "|";
      break;
    case model::FieldKind::due:
      if (v->due)
        s = fmt::format("{}:{}:{}", static_cast<int>(v->due->kind),
                        v->due->kind == model::Due::Kind::date ? v->due->date.iso() : "",
                        v->due->kind == model::Due::Kind::text ? t(v->due->text) : "");
      break;
    case model::FieldKind::date:
      s = v->date ? v->date->iso() : "";
      break;
    case model::FieldKind::years:
      s = base::join(v->years, ",");
      break;
    case model::FieldKind::percent:
      s = v->percent ? std::to_string(*v->percent) : "";
      break;
    case model::FieldKind::number:
      s = v->number ? fmt::format("{}", *v->number) : "";
      break;
    case model::FieldKind::notes:
      for (const auto& n : v->notes) {
        std::string text = t(n.text);
        std::replace(text.begin(), text.end(), '\n', ' ');
        s += (n.date ? n.date->iso() : "") + ":" + text + "|";
      }
      break;
  }
  return s;
}

void same_fields(const model::Fields& a, const model::Fields& b, const std::string& lang) {
  for (const auto& spec : model::plan_fields()) {
    if (spec.structural()) continue;
    INFO("field " << spec.key);
    CHECK(shown(spec, a.find(spec.key), lang) == shown(spec, b.find(spec.key), lang));
  }
}

void same_section(const model::PlanSection& a, const model::PlanSection& b,
                  const std::string& lang) {
  INFO("level " << a.id);
  CHECK(a.id == b.id);
  CHECK(a.code == b.code);
  CHECK(a.depth == b.depth);
  CHECK(a.title.get(lang, "fr") == b.title.get(lang, "fr"));
  same_fields(a.fields, b.fields, lang);
  REQUIRE(a.actions.size() == b.actions.size());
  for (size_t i = 0; i < a.actions.size(); ++i) {
    const auto &x = a.actions[i], &y = b.actions[i];
    INFO("action " << x.id);
    CHECK(x.id == y.id);
    CHECK(x.code == y.code);
    CHECK(x.status == y.status);
    CHECK(x.title.get(lang, "fr") == y.title.get(lang, "fr"));
    same_fields(x.fields, y.fields, lang);
  }
  REQUIRE(a.sections.size() == b.sections.size());
  for (size_t i = 0; i < a.sections.size(); ++i) same_section(a.sections[i], b.sections[i], lang);
}

// Imports every CSV of `site`'s plans and compares the plan it gives with
// the plan file.
void round_trip(const fs::path& site, const Built& built, const std::string& name) {
  size_t plans = 0;
  for (const auto& entry : fs::directory_iterator(site / "content/plans")) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".plan.yaml")) continue;
    ++plans;
    const std::string plan_name = file.substr(0, file.size() - std::string(".plan.yaml").size());
    const model::Plan original = read(entry.path(), "content/plans/" + file);
    for (const std::string lang : {"fr", "en"}) {
      INFO(plan_name << " in " << lang);
      const fs::path csv = built.out / "data" / (plan_name + "." + lang + ".csv");
      REQUIRE(fs::exists(csv));
      const fs::path yaml = scratch(name) / (plan_name + "." + lang + ".plan.yaml");
      auto r = run_carnet({"import", csv.string(), "-o", yaml.string(), "--force"});
      INFO(r.err);
      REQUIRE(r.status == 0);
      const model::Plan back = read(yaml, "content/plans/" + plan_name + ".plan.yaml");
      CHECK(back.title.get(lang, "fr") == original.title.get(lang, "fr"));
      REQUIRE(back.levels.size() == original.levels.size());
      for (size_t i = 0; i < back.levels.size(); ++i)
        CHECK(back.levels[i].get(lang, "fr") == original.levels[i].get(lang, "fr"));
      CHECK(back.years == original.years);
      // Import keeps a label only for the headers it marks as renamings
      // ("Ressources"); other labels are lost (docs/decisions.md).
      for (const auto& [field, label] : original.labels) {
        bool kept = false;
        for (const auto& h : model::find_field(field)->headers)
          kept = kept ||
                 (h.keep_label && base::slugify(h.name) == base::slugify(label.get(lang, "fr")));
        if (!kept) continue;
        INFO("label " << field);
        REQUIRE(back.labels.count(field));
        CHECK(back.labels.at(field).get(lang, "fr") == label.get(lang, "fr"));
      }
      REQUIRE(back.sections.size() == original.sections.size());
      for (size_t i = 0; i < back.sections.size(); ++i)
        same_section(original.sections[i], back.sections[i], lang);
    }
  }
  CHECK(plans > 0);
}

// Validates every data/*.json of `out` against data/plan.schema.json.
void validate(const fs::path& out) {
  const std::string script =
      "import json, pathlib, sys, jsonschema\n"
      "d = pathlib.Path(sys.argv[1]) / 'data'\n"
      "schema = json.loads((d / 'plan.schema.json').read_text())\n"
      "jsonschema.Draft202012Validator.check_schema(schema)\n"
      "v = jsonschema.Draft202012Validator(schema)\n"
      "n = 0\n"
      "for f in sorted(d.glob('*.json')):\n"
      "    if f.name == 'plan.schema.json': continue\n"
      "    v.validate(json.loads(f.read_text()))\n"
      "    n += 1\n"
      "print(n)\n";
  const fs::path py = scratch("open-data-py") / "validate.py";
  base::write_file(py, script);
  auto r = run_shell("python3 '" + py.string() + "' '" + out.string() + "' 2>&1");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(std::stoi(r.out.empty() ? "0" : r.out) > 0);
}

}  // namespace

TEST_CASE("open data: every plan gets its JSON, its CSV per language and the schema",
          "[e2e][open-data]") {
  const auto& tree = demo().tree;
  CHECK(tree.count("data/plan.schema.json"));
  for (const char* name : {"continuum-0-24", "plan-action-2021-2023"}) {
    INFO(name);
    CHECK(tree.count(fmt::format("data/{}.json", name)));
    CHECK(tree.count(fmt::format("data/{}.fr.csv", name)));
    CHECK(tree.count(fmt::format("data/{}.en.csv", name)));
  }
  // The paths the plan page links are the files the build writes.
  model::Plan plan;
  plan.name = "continuum-0-24";
  for (const auto& f : model::data_files(plan, "en")) CHECK(tree.count(f.path));
  // And the plan pages link them, in their language: "Données ouvertes : CSV, JSON".
  const std::string& fr = tree.at("plans/continuum-0-24/index.html");
  CHECK(fr.find("Données ouvertes") != std::string::npos);
  CHECK(fr.find(">CSV</a>, <a ") != std::string::npos);  // "CSV, JSON"
  CHECK(fr.find("href=\"../../data/continuum-0-24.fr.csv\"") != std::string::npos);
  CHECK(fr.find("href=\"../../data/continuum-0-24.json\"") != std::string::npos);
  const std::string& en = tree.at("en/plans/continuum-of-services-0-24/index.html");
  CHECK(en.find("Open data") != std::string::npos);
  CHECK(en.find("href=\"../../../data/continuum-0-24.en.csv\"") != std::string::npos);
}

// Every field kind, every due form, three numbered levels (the booklets'
// acceptance fixture).
const fs::path every_field_site = source_dir / "tests/fixtures/every-field";
const Built& every_field() {
  static const Built b = build(every_field_site, "open-data-every-field");
  return b;
}

TEST_CASE("open data: the JSON validates against the schema", "[e2e][open-data]") {
  validate(demo().out);
  validate(fixture().out);
  validate(every_field().out);
}

TEST_CASE("open data: the JSON is laid out as nlohmann lays out its tree", "[e2e][open-data]") {
  // plan_json writes as it walks the plan (JsonWriter); readers diff these
  // files, so the bytes are those nlohmann's dump(2) gives of the same data.
  for (const Built* b : {&demo(), &fixture(), &every_field()})
    for (const auto& [path, bytes] : b->tree) {
      if (path.rfind("data/", 0) != 0 || !path.ends_with(".json")) continue;
      INFO(path);
      const auto parsed = nlohmann::ordered_json::parse(bytes);
      CHECK(parsed.dump(2, ' ', false) + "\n" == bytes);
    }
}

TEST_CASE("open data: the JSON carries the tracking values", "[e2e][open-data]") {
  const std::string& json = fixture().tree.at("data/suivi.json");
  const std::string& schema = fixture().tree.at("data/plan.schema.json");
  CHECK(schema.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") !=
        std::string::npos);
  // Every field of the table is described, by kind (a new field needs no
  // edit in render/data/).
  for (const auto& spec : model::plan_fields())
    if (!spec.structural())
      CHECK(schema.find(fmt::format("\"{}\":", spec.key)) != std::string::npos);
  // Indentation aside: a line break and the spaces after it.
  auto flat = [](const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\n') {
        out += s[i];
        continue;
      }
      while (i + 1 < s.size() && s[i + 1] == ' ') ++i;
    }
    return out;
  };
  auto has = [&](const std::string& s) {
    INFO(s);
    CHECK(flat(json).find(flat(s)) != std::string::npos);
  };
  has("\"as_of\": \"2023-06-30\"");
  // Housing 44 (weight 2), food security 12.5: (2 × 44 + 12.5) / 3,
  // rounded to one decimal.
  has("\"progress\": 33.5");
  has("\"late\": 2,");
  has("\"cancelled\": 1");
  // A late action, one that is done, a cancelled one (left out of progress).
  has(R"("id": "inspections",
          "code": "I.A.1",)");
  has(R"("status": "cancelled",
          "as_of": "2023-06-30",
          "late": false,
          "progress": null,)");
  has(R"("status": "done",
          "as_of": "2023-01-15",
          "late": false,
          "progress": 100.0,)");
  has(R"("due": {
              "kind": "text",
              "text": {
                "en": "In the spring",
                "fr": "Au printemps"
              }
            })");
  has(R"("numbering": "upper-roman")");
  has(R"("fr": "https://example.org/essai/plans/plan-suivi/#inspections")");
}

TEST_CASE("open data: importing a CSV gives the plan back in its language", "[e2e][open-data]") {
  round_trip(source_dir, demo(), "open-data-demo-import");
  round_trip(fixture_site, fixture(), "open-data-fixture-import");
  round_trip(every_field_site, every_field(), "open-data-every-field-import");
}

TEST_CASE("open data: the same site gives the same bytes", "[e2e][open-data]") {
  const Built again = build(fixture_site, "open-data-fixture-again");
  for (const auto& [path, bytes] : fixture().tree)
    if (path.starts_with("data/")) {
      INFO(path);
      CHECK(again.tree.at(path) == bytes);
    }
}
