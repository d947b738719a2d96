#include <fmt/format.h>
#include <glib.h>
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/byte_words.hpp"
#include "base/date.hpp"
#include "base/diagnostics.hpp"
#include "base/json_string.hpp"
#include "base/language.hpp"
#include "base/rel_path.hpp"
#include "base/slug.hpp"
#include "base/text.hpp"
#include "base/url.hpp"
#include "base/utf8.hpp"

using namespace carnet::base;

TEST_CASE("dates are checked against the calendar", "[base]") {
  std::string why;
  CHECK(parse_date("2022-12-31") == Date{2022, 12, 31});
  CHECK(parse_date("2023-03") == Date{2023, 3, 0});
  CHECK(parse_date("2021") == Date{2021, 0, 0});
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2022-02-30", &why));
  CHECK(why == "February 2022 has no day 30");
  CHECK_FALSE(parse_date("2022-13", &why));
  CHECK(why == "month 13 does not exist");
  CHECK_FALSE(parse_date("31/12/2022", &why));
  CHECK(parse_full_date("2019-06-15T10:00:00-04:00") == Date{2019, 6, 15});
  CHECK_FALSE(parse_full_date("2019-06"));
}

TEST_CASE("the calendar knows leap years and empty days", "[base]") {
  std::string why;
  CHECK(parse_date("2000-02-29"));
  CHECK_FALSE(parse_date("1900-02-29", &why));
  CHECK(why == "February 1900 has no day 29");
  CHECK_FALSE(parse_date("2023-04-31", &why));
  CHECK(why == "April 2023 has no day 31");
  CHECK_FALSE(parse_date("2023-04-00", &why));
  CHECK(why == "April 2023 has no day 0");
  CHECK_FALSE(parse_date("2023-00", &why));
  CHECK(why == "month 0 does not exist");
  CHECK(month_name(8, "fr") == "août");
  CHECK(month_name(8, "en") == "August");
  CHECK(month_name(13, "en") == "");
}

TEST_CASE("dates are written the way each language writes them", "[base]") {
  CHECK(Date{2022, 12, 31}.format_long("fr") == "31 décembre 2022");
  CHECK(Date{2023, 3, 1}.format_long("fr") == "1er mars 2023");
  CHECK(Date{2023, 3, 0}.format_long("fr") == "mars 2023");
  CHECK(Date{2022, 12, 31}.format_long("en") == "December 31, 2022");
  CHECK(Date{2023, 3, 0}.format_long("en") == "March 2023");
  CHECK(Date{2021, 0, 0}.format_long("en") == "2021");
  CHECK(Date{2021, 6, 28}.iso() == "2021-06-28");
  // Written by hand for years 0..9999, by fmt otherwise: the same text.
  for (int year : {0, 7, 99, 2024, 9999, 12345, -5})
    for (int month : {0, 1, 9, 12})
      for (int day : {0, 1, 31}) {
        const Date d{year, month, day};
        const std::string expected = month == 0 ? fmt::format("{:04}", year)
                                     : day == 0
                                         ? fmt::format("{:04}-{:02}", year, month)
                                         : fmt::format("{:04}-{:02}-{:02}", year, month, day);
        CHECK(d.iso() == expected);
      }
  CHECK(Date{2021, 6, 28}.rfc3339() == "2021-06-28T00:00:00Z");
}

TEST_CASE("slugs fold French accents", "[base]") {
  CHECK(slugify("Relocalisation des organismes de William-Hingston") ==
        "relocalisation-des-organismes-de-william-hingston");
  CHECK(slugify("Éducation à l'été — Œuvre") == "education-a-l-ete-oeuvre");
  CHECK(slugify("  Plan 2021/2023!  ") == "plan-2021-2023");
  // ASCII texts take a shorter way; the same slug as the long one, which a
  // single accent sends them through.
  CHECK(slugify("--Plan d'Action_2024--") == "plan-d-action-2024");
  CHECK(slugify("--Plan d'Action_2024--é") == "plan-d-action-2024-e");
  CHECK(is_clean_segment("bilan-2019"));
  CHECK_FALSE(is_clean_segment(".."));
  CHECK_FALSE(is_clean_segment("a/b"));
  CHECK_FALSE(is_clean_segment("Bilan"));
}

TEST_CASE("slugs fold every Latin accent and keep other scripts' letters", "[base]") {
  CHECK(slugify("Straße Ÿvonne Łódź ØRESUND") == "strasse-yvonne-lodz-oresund");
  CHECK(slugify("Cafe\xcc\x81 noir") == "cafe-noir");  // é written as e + U+0301
  CHECK(slugify("تقارير 2021") == "تقارير-2021");
  CHECK(slugify("Ελληνικά") == "ελληνικά");  // Greek keeps its accents
  CHECK(slugify("हिन्दी में") == "हिन्दी-में");    // and Hindi its vowel signs
  CHECK(slugify("1ᵉʳ trimestre, ﬁn ２０２４") == "1er-trimestre-fin-2024");
  CHECK(slugify("!!! ¡¡ —") == "");
  CHECK(slugify("r\xe9union") == "r-union");  // not UTF-8: the bad byte separates
}

TEST_CASE("slugs of ASCII and Latin texts are those of the general rules", "[base]") {
  // slugify takes a shorter way for texts of ASCII and U+00A0..U+017F; it
  // must give what slugify_general gives, for every character on its own,
  // between letters, at either end, and in random texts mixing in what
  // sends a text the general way (marks, other scripts, bad bytes, NUL).
  auto utf8 = [](gunichar c) {
    char buf[6];
    return std::string(buf, static_cast<size_t>(g_unichar_to_utf8(c, buf)));
  };
  for (gunichar c = 1; c < 0x250; ++c) {
    const std::string ch = utf8(c);
    for (const std::string& text : {ch, "a" + ch + "b", "- " + ch + "é", ch + "1 ", ch + ch})
      REQUIRE(slugify(text) == detail::slugify_general(text));
  }
  std::vector<std::string> pieces;
  for (gunichar c = 0x20; c < 0x7F; ++c) pieces.push_back(utf8(c));
  for (gunichar c = 0xA0; c < 0x180; ++c) pieces.push_back(utf8(c));
  for (const char* odd : {"\xcc\x81", "\xc2\x85", "\xce\xb1", "\xe2\x80\x94", "\xe1\xb5\x89",
                          "\xef\xac\x81", "\xe9", "\xc3", "\xc5", "\x01", "\t"})
    pieces.emplace_back(odd);
  pieces.emplace_back(1, '\0');
  std::mt19937 rng(17);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    // Most texts stay on the short way; one in four takes an odd piece.
    const size_t kinds = round % 4 == 0 ? pieces.size() : pieces.size() - 12;
    for (int k = 0; k < n; ++k) text += pieces[rng() % kinds];
    INFO(text);
    REQUIRE(slugify(text) == detail::slugify_general(text));
  }
}

TEST_CASE("languages are named in one table", "[base]") {
  CHECK(language_name("fr", "en") == "French");
  CHECK(language_name("fr", "fr") == "Français");
  CHECK(language_name("en", "en") == "English");
  CHECK(language_name("en", "fr") == "Anglais");
  CHECK(language_name("es", "de") == "Spanish");
  CHECK(language_name("xx", "en") == "xx");
}

TEST_CASE("site-relative paths split into folder and file", "[base]") {
  CHECK(parent_dir("plans/x.plan.yaml") == "plans");
  CHECK(parent_dir("a/b/c.md") == "a/b");
  CHECK(parent_dir("x.md") == "");
  CHECK(file_name("a/b/c.md") == "c.md");
  CHECK(file_name("c.md") == "c.md");
}

TEST_CASE("relative URLs work under a sub-path and at the root", "[base]") {
  CHECK(relative_url("", "rapports/bilan/") == "rapports/bilan/");
  CHECK(relative_url("rapports/bilan/", "") == "../../");
  CHECK(relative_url("en/reports/x/", "en/about/") == "../../about/");
  CHECK(relative_url("en/reports/x/", "css/style.css") == "../../../css/style.css");
  CHECK(relative_url("a/b/", "a/b/") == "./");
  CHECK(relative_url("404.html", "css/style.css") == "css/style.css");
  CHECK(base_path_of("https://org.github.io/repo") == "/repo/");
  CHECK(base_path_of("https://example.org") == "/");
  CHECK(base_path_of("https://example.org/a/b/") == "/a/b/");
  CHECK(normalized_base_url("https://org.github.io/repo") == "https://org.github.io/repo/");
}

TEST_CASE("output paths never leave the output folder", "[base]") {
  CHECK(is_safe_output_path("en/reports/index.html"));
  CHECK_FALSE(is_safe_output_path("../x"));
  CHECK_FALSE(is_safe_output_path("a/../../x"));
  CHECK_FALSE(is_safe_output_path("/etc/passwd"));
  CHECK_FALSE(is_safe_output_path("a\\..\\x"));
  CHECK_FALSE(is_safe_output_path(""));
  CHECK_FALSE(is_safe_output_path("a//index.html"));
}

TEST_CASE("relative URLs are those of segment lists, for any two paths", "[base]") {
  // relative_url compares the paths in place; this is what it replaced,
  // with the paths split into lists of segments.
  auto by_lists = [](std::string_view from, std::string_view to) {
    std::vector<std::string_view> a, b;
    auto segs = [](std::string_view p, std::vector<std::string_view>& v, bool drop_last) {
      size_t start = 0;
      while (start < p.size()) {
        auto pos = p.find('/', start);
        if (pos == std::string_view::npos) {
          if (!drop_last) v.push_back(p.substr(start));
          break;
        }
        v.push_back(p.substr(start, pos - start));
        start = pos + 1;
      }
    };
    segs(from, a, true);
    segs(to, b, false);
    size_t common = 0;
    size_t b_dirs = !to.empty() && to.back() == '/' ? b.size() : (b.empty() ? 0 : b.size() - 1);
    while (common < a.size() && common < b_dirs && a[common] == b[common]) ++common;
    std::string out;
    for (size_t i = common; i < a.size(); ++i) out += "../";
    for (size_t i = common; i < b.size(); ++i) {
      out += b[i];
      if (i + 1 < b.size() || (!to.empty() && to.back() == '/')) out += '/';
    }
    if (out.empty()) out = "./";
    return out;
  };
  const char* pieces[] = {"a", "b", "ab", "", "/", "x.css", "en/"};
  std::mt19937 rng(11);
  for (int n = 0; n < 20000; ++n) {
    std::string from, to;
    for (int i = 0, k = static_cast<int>(rng() % 6); i < k; ++i) from += pieces[rng() % 7];
    for (int i = 0, k = static_cast<int>(rng() % 6); i < k; ++i) to += pieces[rng() % 7];
    INFO(from << " -> " << to);
    CHECK(relative_url(from, to) == by_lists(from, to));
  }
}

TEST_CASE("invalid UTF-8 is found with its line and column", "[base]") {
  CHECK_FALSE(find_invalid_utf8("Réunion à Montréal"));
  std::string latin1 = "ligne 1\nr\xe9union";
  auto bad = find_invalid_utf8(latin1);
  REQUIRE(bad);
  auto lc = line_column_at(latin1, *bad);
  CHECK(lc.line == 2);
  CHECK(lc.column == 2);
  CHECK(find_invalid_utf8("\xc0\xaf"));                // overlong '/'
  CHECK(find_invalid_utf8("\xed\xa0\x80"));            // a surrogate
  CHECK(find_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // past U+10FFFF
  using namespace std::string_view_literals;
  CHECK_FALSE(find_invalid_utf8("a\0b\0"sv));  // NUL is UTF-8
  CHECK(find_invalid_utf8("a\0\xe9"sv) == 2u);
  CHECK(find_invalid_utf8("été\xe2\x82") == 5u);  // a cut sequence at the end
}

TEST_CASE("invalid UTF-8 is found where GLib finds it reading the whole text", "[base]") {
  // find_invalid_utf8 passes over ASCII runs itself and hands GLib one
  // character at a time: the same answer as GLib on the whole text (which
  // stops at a NUL byte, and is resumed after it).
  auto whole = [](std::string_view s) -> std::optional<size_t> {
    size_t from = 0;
    while (from < s.size()) {
      const gchar* end = nullptr;
      if (g_utf8_validate_len(s.data() + from, s.size() - from, &end)) return std::nullopt;
      const size_t at = static_cast<size_t>(end - s.data());
      if (s[at] != '\0') return at;
      from = at + 1;
    }
    return std::nullopt;
  };
  const std::vector<std::string> pieces = {"a",
                                           "plain ascii text ",
                                           "\0",
                                           "é",
                                           "€",
                                           "𝄞",
                                           "\xe9",
                                           "\xc0\xaf",
                                           "\xed\xa0\x80",
                                           "\xf4\x90\x80\x80",
                                           "\xe2\x82",
                                           "\x80",
                                           "\xff",
                                           "\xf0\x9d",
                                           "\n",
                                           "12345678",
                                           "\xc3",
                                           "\xdf\xbf",
                                           "\xc2"};
  std::mt19937 rng(7);
  int invalid = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int count = static_cast<int>(rng() % 12);
    for (int i = 0; i < count; ++i) s += pieces[rng() % pieces.size()];
    INFO(s.size());
    CHECK(find_invalid_utf8(s) == whole(s));
    invalid += whole(s).has_value();
  }
  CHECK(invalid > 1000);
}

TEST_CASE("control characters are found wherever they fall among eight-byte steps", "[base]") {
  // find_control_chars passes over eight bytes at a time; a control, a
  // reference or a line's end at any offset must be found as a byte by
  // byte scan finds it (offsets here; lines and columns follow from them).
  const std::string pieces[] = {"abcdefgh", "é",     "\n", "\t", "\r", "\x01", "\x1f",
                                "&#1;",     "&amp;", "&",  " ",  "x",  "\x7f", "&#x0B;"};
  std::mt19937 rng(9);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int i = 0, k = static_cast<int>(rng() % 40); i < k; ++i)
      s += pieces[rng() % std::size(pieces)];
    for (const bool references : {false, true}) {
      std::vector<size_t> expected;
      for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') expected.push_back(i);
        if (references && (s.compare(i, 4, "&#1;") == 0 || s.compare(i, 6, "&#x0B;") == 0))
          expected.push_back(i);
      }
      std::vector<size_t> found;
      for (const auto& c : find_control_chars(s, references)) found.push_back(c.offset);
      INFO(references);
      CHECK(found == expected);
    }
  }
}

TEST_CASE("JSON strings: nlohmann's escapes wherever they fall, and their size known ahead",
          "[base]") {
  // append_json_string passes over eight bytes at a time; every byte below
  // 0x20, the quote and the backslash, at any offset among plain text and
  // UTF-8, must come out as written byte by byte. The search index sizes
  // its shards with json_string_size before writing them: the two agree.
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20)
            out += fmt::format("\\u{:04x}", c);
          else
            out += static_cast<char>(c);
      }
    }
    return out + "\"";
  };
  std::vector<std::string> pieces = {"abcdefgh", "é", "😀", " ", "x", "\x7f"};
  for (int c = 0; c < 0x20; ++c) pieces.emplace_back(1, static_cast<char>(c));
  pieces.emplace_back("\"");
  pieces.emplace_back("\\");
  std::mt19937 rng(19);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int i = 0, k = static_cast<int>(rng() % 30); i < k; ++i)
      s += pieces[rng() % pieces.size()];
    std::string out = "prefix";
    append_json_string(out, s);
    INFO(s);
    REQUIRE(out == "prefix" + reference(s));
    REQUIRE(json_string_size(s) == out.size() - 6);
  }
}

TEST_CASE("html_escape escapes each special character wherever it falls", "[base]") {
  // It passes over eight bytes at a time: each of & < > " ' at any offset,
  // among plain text and UTF-8, must come out as a byte by byte escape.
  auto reference = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else if (c == '"')
        out += "&quot;";
      else if (c == '\'')
        out += "&#39;";
      else
        out += c;
    }
    return out;
  };
  const std::string pieces[] = {"abcdefgh", "é", "&", "<", ">", "\"", "'", " ", "x"};
  std::mt19937 rng(13);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int i = 0, k = static_cast<int>(rng() % 30); i < k; ++i)
      s += pieces[rng() % std::size(pieces)];
    CHECK(html_escape(s) == reference(s));
  }
}

TEST_CASE("eight-byte tests find any byte, at every place of the word", "[base]") {
  namespace bytes = carnet::base::bytes;
  // Every byte value at every place among others that match nothing,
  // and among bytes one apart from it (a borrow must not hide it).
  for (int place = 0; place < 8; ++place)
    for (int value = 0; value < 256; ++value)
      for (const unsigned char filler :
           {static_cast<unsigned char>('a'), static_cast<unsigned char>(value ^ 1)}) {
        unsigned char raw[8];
        std::fill(std::begin(raw), std::end(raw), filler);
        raw[place] = static_cast<unsigned char>(value);
        const auto w = bytes::word_at(raw);
        auto any = [&](auto test) { return std::any_of(std::begin(raw), std::end(raw), test); };
        INFO(place << " " << value << " " << int(filler));
        CHECK((bytes::any_high(w) != 0) == any([](unsigned char c) { return c >= 0x80; }));
        CHECK((bytes::any_below(w, 0x20) != 0) == any([](unsigned char c) { return c < 0x20; }));
        for (const unsigned char c : {'"', '\\', '&', '<'})
          CHECK((bytes::any_equal(w, c) != 0) == any([&](unsigned char b) { return b == c; }));
      }
}

TEST_CASE("code points are written as UTF-8", "[base]") {
  std::string out;
  for (char32_t cp : {U'a', U'é', U'€', U'😀', char32_t(0xD800), char32_t(0x110000)})
    append_utf8(out, cp);
  CHECK(out == "aé€😀");  // a surrogate and a value past U+10FFFF write nothing
}

TEST_CASE("suggestions catch typos only", "[base]") {
  std::vector<std::string> fields = {"title", "partners", "due", "leads"};
  CHECK(closest_match("partenrs", fields) == "partners");
  CHECK(closest_match("titel", fields) == "title");
  CHECK(closest_match("budget", fields) == "");
  CHECK(closest_match("ÉCHÉANCE", {"échéance", "état"}) == "");  // only case differs: no typo
  CHECK(closest_match("ÉCHÉANCES", {"échéance", "état"}) == "échéance");
  CHECK(to_lower("À déterminer") == "à déterminer");
}

TEST_CASE("diagnostics format and sort", "[base]") {
  Diagnostics d;
  d.error({"b.md", 3, 1}, "second");
  d.error({"a.md", 10, 2}, "first");
  d.warning({"a.md", 0, 0}, "note");
  d.error({"b.md", 3, 1}, "second");
  auto s = d.sorted();
  REQUIRE(s.size() == 3);
  CHECK(s[0].format() == "a.md: warning: note");
  CHECK(s[1].format() == "a.md:10:2: error: first");
  CHECK(s[2].format() == "b.md:3:1: error: second");
  CHECK(d.error_count() == 3);
}

TEST_CASE("html escaping covers attributes", "[base]") {
  CHECK(html_escape("<a href=\"x\">L'été & co</a>") ==
        "&lt;a href=&quot;x&quot;&gt;L&#39;été &amp; co&lt;/a&gt;");
  // Escapes at either end, one after another, and none at all.
  CHECK(html_escape("&&x''") == "&amp;&amp;x&#39;&#39;");
  CHECK(html_escape("plain text") == "plain text");
  CHECK(html_escape("").empty());
  std::string out = "kept ";
  html_escape_to(out, "a<b");
  CHECK(out == "kept a&lt;b");
}

TEST_CASE("a diagnostic stays one line when a file name holds a line break", "[base][harden]") {
  Diagnostics diags;
  diags.error({"content/a\nb\x01.fr.md", 2, 3}, "unknown column \"x\ty\"");
  CHECK(diags.items().at(0).format() ==
        "content/a\\nb\\x01.fr.md:2:3: error: unknown column \"x\\ty\"");
  CHECK(escape_controls("été\r\n\x7f") == "été\\r\\n\\x7f");
}

TEST_CASE("control characters are found raw and as references, with their place",
          "[base][harden]") {
  const auto found = find_control_chars("a\x0b\né\x1f &#0; &#x9; &#X1b; &#12 &#31;", true);
  REQUIRE(found.size() == 5);
  CHECK(found[0].code == 0x0b);
  CHECK((found[0].at.line == 1 && found[0].at.column == 2));
  CHECK((found[1].code == 0x1f && found[1].at.line == 2 && found[1].at.column == 2));
  CHECK((found[2].code == 0 && found[2].reference == "&#0;"));
  CHECK((found[3].code == 0x1b && found[3].reference == "&#X1b;"));
  CHECK((found[4].code == 31 && found[4].at.column == 27));
  CHECK(find_control_chars("a\tb\r\nc &#10; &#x20;", true).empty());
  CHECK(find_control_chars("&#1;", false).empty());
  CHECK(control_char_message(found[0]) == "control character U+000B is not allowed");
}

TEST_CASE("a web address a link may point to", "[base]") {
  CHECK(is_web_address("https://parcex.org"));
  CHECK(is_web_address("http://a.ca/x?y=1"));
  CHECK_FALSE(is_web_address("https://"));
  CHECK_FALSE(is_web_address("parcex.org"));
  CHECK_FALSE(is_web_address("javascript:alert(1)"));
  CHECK_FALSE(is_web_address("https://a.ca/\"onmouseover=x"));
  CHECK_FALSE(is_web_address("https://a.ca/ b"));
}
