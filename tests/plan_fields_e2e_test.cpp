// Acceptance test for "one view, many writers": tests/fixtures/every-field
// holds a plan that uses every field (three numbered levels, a year grid,
// notes on levels and actions, due dates of every form, fields left out of
// `columns`). Built by the real binary, every action must show the same data
// in the web page, the PDF (read back with pdftotext), the EPUB and the ODT,
// in French and in English; the build must be reproducible and the EPUBs
// must pass epubcheck. The plan's `updated:` makes A1 late: the late word,
// the as-of line and the levels' progress reach every output too.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

namespace {

const fs::path fixture = source_dir / "tests/fixtures/every-field";

// Decodes the entities the writers use: XML's five and the site's &#39;.
std::string decode_entities(const std::string& s) {
  static const std::vector<std::pair<std::string, char>> entities = {
      {"&amp;", '&'},  {"&lt;", '<'},    {"&gt;", '>'},
      {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool decoded = false;
    for (const auto& [entity, c] : entities)
      if (s.compare(i, entity.size(), entity) == 0) {
        out += c;
        i += entity.size();
        decoded = true;
        break;
      }
    if (!decoded) out += s[i++];
  }
  return out;
}

// Markup → its text: tags dropped (as a space), entities decoded.
std::string text_of(const std::string& markup) {
  std::string out;
  bool in_tag = false;
  for (char c : markup) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') {
      in_tag = false;
      out += ' ';
    }
  }
  return decode_entities(out);
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// From `start` to the first `end` after it ("" when `start` is missing).
std::string segment(const std::string& s, const std::string& start, const std::string& end) {
  size_t from = s.find(start);
  if (from == std::string::npos) return "";
  size_t to = end.empty() ? std::string::npos : s.find(end, from + start.size());
  return s.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

struct Expected {
  std::string id, key, code;               // "action-a1", "A1", "I.A.1"
  const char* status;                      // the status's key
  std::map<std::string, std::string> due;  // by language
  size_t years;                            // how many years of the grid it runs
  int progress;
};

const std::vector<Expected> actions = {
    {"action-a1",
     "A1",
     "I.A.1",
     "in_progress",
     {{"fr", "31 décembre 2022"}, {"en", "December 31, 2022"}},
     2,
     35},
    {"action-a2", "A2", "I.A.2", "planned", {{"fr", "mars 2023"}, {"en", "March 2023"}}, 1, 45},
    {"action-a3", "A3", "I.A.3", "done", {{"fr", "2023"}, {"en", "2023"}}, 3, 55},
    {"action-b1", "B1", "I.B.1", "postponed", {{"fr", "En continu"}, {"en", "Ongoing"}}, 1, 65},
    {"action-b2",
     "B2",
     "I.B.2",
     "cancelled",
     {{"fr", "À déterminer"}, {"en", "To be determined"}},
     1,
     75},
    {"action-b3",
     "B3",
     "I.B.3",
     "in_progress",
     {{"fr", "Après les travaux du parc"}, {"en", "After the park works"}},
     2,
     85},
};

const std::map<std::string, std::map<std::string, std::string>> status_words = {
    {"fr",
     {{"planned", "Prévue"},
      {"in_progress", "En cours"},
      {"done", "Réalisée"},
      {"postponed", "Reportée"},
      {"cancelled", "Annulée"}}},
    {"en",
     {{"planned", "Planned"},
      {"in_progress", "In progress"},
      {"done", "Done"},
      {"postponed", "Postponed"},
      {"cancelled", "Cancelled"}}},
};

// Every text an action's row must show, in `lang`.
std::vector<std::string> action_texts(const Expected& a, const std::string& lang) {
  const std::string& k = a.key;
  const bool fr = lang == "fr";
  return {
      fr ? "Action " + k + " en français" : "Action " + k + " in English",
      status_words.at(lang).at(a.status),
      std::to_string(a.progress) + (fr ? " %" : "%"),
      a.due.at(lang),
      "Pilote " + k,
      "Partenaire " + k,
      "Second partenaire " + k,
      fr ? "Résultat " + k : "Result " + k,
      fr ? "Indicateur " + k : "Indicator " + k,
      fr ? "Suivi " + k : "Follow-up " + k,
      fr ? "Stratégie " + k : "Strategy " + k,
      fr ? "Détails " + k : "Details " + k,
      fr ? "Note " + k + " datée" : "Dated note " + k,
  };
}

struct Build {
  fs::path out;
  std::map<std::string, std::string> files;
};

const Build& built() {
  static const Build b = [] {
    Build out;
    out.out = scratch("plan-fields") / "out";
    auto r = run_carnet({"build", fixture.string(), "-o", out.out.string(), "-q"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    out.files = read_tree(out.out);
    return out;
  }();
  return b;
}

std::string unzip(const fs::path& file, const std::string& entries) {
  auto r = run_shell("unzip -p " + quoted(file) + " " + entries);
  REQUIRE(r.status == 0);
  return r.out;
}

// The outputs of one language, each cut into the rows of its actions.
struct Outputs {
  std::map<std::string, std::string> whole;                        // format → text
  std::map<std::string, std::map<std::string, std::string>> rows;  // format → id → markup
};

Outputs outputs(const std::string& lang) {
  const Build& b = built();
  Outputs o;
  const std::string page = lang == "fr" ? "plans/tous/index.html" : "en/plans/tous/index.html";
  REQUIRE(b.files.count(page) == 1);
  const std::string& html = b.files.at(page);
  const fs::path booklet = b.out / "booklets";
  const std::string epub = unzip(booklet / ("tous." + lang + ".epub"), "'EPUB/part-*.xhtml'");
  const std::string odt = unzip(booklet / ("tous." + lang + ".odt"), "content.xml");
  auto pdf = run_shell("pdftotext -raw " + quoted(booklet / ("tous." + lang + ".pdf")) + " -");
  REQUIRE(pdf.status == 0);
  o.whole = {
      {"html", text_of(html)}, {"epub", text_of(epub)}, {"odt", text_of(odt)}, {"pdf", pdf.out}};
  const std::string squeezed_pdf = squeeze(pdf.out);
  for (const auto& a : actions) {
    o.rows["html"][a.id] = segment(html, "id=\"" + a.id + "\"", "</tr>");
    o.rows["epub"][a.id] = segment(epub, "id=\"action-" + a.id + "\"", "</tr>");
    o.rows["odt"][a.id] = segment(odt, "text:name=\"action-" + a.id + "\"", "</table:table-row>");
    // pdftotext -raw keeps the order the PDF draws in, cell after cell: a
    // row runs from its code to its last cell, the progress column.
    const std::string progress = squeeze(action_texts(a, lang)[2]);
    o.rows["pdf"][a.id] =
        segment(squeezed_pdf, a.code + squeeze(action_texts(a, lang)[0]), progress) + progress;
  }
  return o;
}

}  // namespace

TEST_CASE("e2e: every field of every action reaches the page, the PDF, the EPUB and the ODT",
          "[booklet][e2e][fields]") {
  for (const std::string lang : {"fr", "en"}) {
    const Outputs o = outputs(lang);
    for (const auto& a : actions) {
      for (const char* format : {"html", "pdf", "epub", "odt"}) {
        INFO(lang << " " << format << " " << a.code);
        const std::string& row = o.rows.at(format).at(a.id);
        REQUIRE_FALSE(row.empty());
        const std::string text = squeeze(std::string(format) == "pdf" ? row : text_of(row));
        for (const auto& expected : action_texts(a, lang)) {
          INFO(expected);
          CHECK(text.find(squeeze(expected)) != std::string::npos);
        }
        // The code once, before the title, never twice.
        CHECK(text.find(squeeze(a.code)) != std::string::npos);
        CHECK(text.find(squeeze(a.code + a.code)) == std::string::npos);
      }
      // The year grid: one mark per year the action runs.
      CHECK(count(o.rows.at("html").at(a.id), "\u2713") == a.years);
      CHECK(count(o.rows.at("epub").at(a.id), "\u2022") == a.years);
      CHECK(count(o.rows.at("odt").at(a.id), "\u2022") == a.years);
      // In the PDF the two partners' list bullets are the same glyph.
      CHECK(count(o.rows.at("pdf").at(a.id), "\u2022") == a.years + 2);
    }
    for (const char* format : {"html", "pdf", "epub", "odt"}) {
      INFO(lang << " " << format);
      // Lower case: the PDF's kickers are set in capitals.
      std::string text = squeeze(o.whole.at(format));
      for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // The year grid's headers, the levels' codes and their fields and notes.
      for (const char* year : {"2021", "2022", "2023"}) CHECK(text.find(year) != std::string::npos);
      const bool fr = lang == "fr";
      for (const std::string& s :
           {std::string(fr ? "Objectif I.B" : "Goal I.B"),
            std::string(fr ? "Stratégie de l'orientation" : "Strategy of the direction"),
            std::string(fr ? "Résultat de l'orientation" : "Result of the direction"),
            std::string(fr ? "Indicateur de l'objectif B" : "Indicator of goal B"),
            std::string(fr ? "Suivi de l'objectif A" : "Follow-up of goal A"),
            std::string(fr ? "Note de l'orientation" : "Note of the direction")}) {
        INFO(s);
        std::string expected = squeeze(s);
        for (auto& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(text.find(expected) != std::string::npos);
      }
      CHECK(text.find("i.bi.b") == std::string::npos);
      CHECK(text.find("i.b.3i.b.3") == std::string::npos);
    }
  }
}

TEST_CASE("e2e: the as-of line, the late action and the levels' progress reach every output",
          "[booklet][e2e][fields][tracking]") {
  for (const std::string lang : {"fr", "en"}) {
    const Outputs o = outputs(lang);
    const bool fr = lang == "fr";
    const std::string late = fr ? "En retard" : "Late";
    // Goal A: A1 35 %, A2 45 %, A3 55 %; the direction: goals A (45 %) and
    // B (B1 65 %, B3 85 %, B2 cancelled: left out) → 60 %.
    const std::string as_of = fr ? "État au 15 janvier 2023" : "Status as of January 15, 2023";
    const std::string goal_a = fr ? "Avancement : 45 %" : "Progress: 45%";
    const std::string direction = fr ? "Avancement : 60 %" : "Progress: 60%";
    for (const char* format : {"html", "pdf", "epub", "odt"}) {
      INFO(lang << " " << format);
      const std::string& a1 = o.rows.at(format).at("action-a1");
      const std::string& a2 = o.rows.at(format).at("action-a2");
      const bool pdf = std::string(format) == "pdf";
      // Beside the status, in words: right after it.
      const std::string row = squeeze(pdf ? a1 : text_of(a1));
      const size_t status = row.find(squeeze(status_words.at(lang).at("in_progress")));
      REQUIRE(status != std::string::npos);
      const size_t word = row.find(squeeze(late), status);
      CHECK(word != std::string::npos);
      CHECK(word - status <= squeeze(status_words.at(lang).at("in_progress")).size() + 20);
      CHECK(squeeze(pdf ? a2 : text_of(a2)).find(squeeze(late)) == std::string::npos);
      if (std::string(format) == "html") continue;  // the web page has its own tests
      // The EPUB's cover and progress page are files of their own.
      const std::string whole =
          squeeze(o.whole.at(format) +
                  (std::string(format) == "epub"
                       ? text_of(unzip(built().out / "booklets" / ("tous." + lang + ".epub"),
                                       "EPUB/title.xhtml EPUB/progress.xhtml"))
                       : ""));
      for (const auto& s : {as_of, goal_a, direction,
                            std::string(fr ? "Actions en retard : 1" : "Late actions: 1")}) {
        INFO(s);
        CHECK(whole.find(squeeze(s)) != std::string::npos);
      }
    }
  }
}

TEST_CASE("e2e: the every-field site builds to the same bytes twice, and its EPUBs pass epubcheck",
          "[booklet][e2e][fields]") {
  const Build& first = built();
  const fs::path again = scratch("plan-fields-again") / "out";
  auto r = run_carnet({"build", fixture.string(), "-o", again.string(), "-q"});
  REQUIRE(r.status == 0);
  const auto files = read_tree(again);
  REQUIRE(files.size() == first.files.size());
  for (const auto& [path, bytes] : first.files) {
    INFO(path);
    REQUIRE(files.count(path) == 1);
    CHECK(files.at(path) == bytes);
  }
  for (const char* lang : {"fr", "en"}) {
    auto check = run_shell(
        "java -jar /usr/share/java/epubcheck.jar " +
        quoted(first.out / "booklets" / (std::string("tous.") + lang + ".epub")) + " 2>&1");
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("No errors or warnings detected") != std::string::npos);
  }
}
