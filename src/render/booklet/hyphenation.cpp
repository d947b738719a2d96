#include "render/booklet/hyphenation.hpp"

#include <glib.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "base/language.hpp"
#include "wrap/hyphen.hpp"

namespace carnet::render::booklet {

namespace {

constexpr int min_fragment = 3;  // letters kept on each side of a break
constexpr int min_word = 6;      // shorter words are never broken

std::string dict_file(const std::string& lang) {
  if (base::is_french(lang)) return "hyph_fr.dic";
  if (lang == "en" || lang.rfind("en-", 0) == 0) return "hyph_en_US.dic";
  return "hyph_" + lang + ".dic";
}

bool is_letter(gunichar c) { return g_unichar_isalpha(c) || g_unichar_ismark(c); }

// The small words that join the parts of a name: "Table de quartier",
// "Commission des services", "Board of Trade".
bool is_particle(std::string_view w) {
  static const std::string_view particles[] = {"de", "du", "des", "d",   "la",  "le", "les", "l",
                                               "et", "of", "the", "and", "for", "à",  "au",  "aux"};
  for (auto p : particles)
    if (w == p) return true;
  return false;
}

// Spaces, hyphens and apostrophes keep a name going; other punctuation ends it.
bool inside_name(gunichar c) {
  return g_unichar_isspace(c) || c == 0x00A0 || c == 0x202F || c == '-' || c == 0x2011 ||
         c == '\'' || c == 0x2019;
}

}  // namespace

std::string hyphen_dir() {
  const char* env = std::getenv("CARNET_HYPHEN_DIR");
  return env && *env ? env : "/usr/share/hyphen";
}

const Hyphenator& Hyphenator::for_language(const std::string& lang) {
  static std::mutex mutex;
  static std::map<std::string, wrap::HyphenDictPtr> dicts;
  static std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators;
  std::lock_guard lock(mutex);
  auto found = hyphenators.find(lang);
  if (found != hyphenators.end()) return *found->second;
  std::string path = hyphen_dir() + "/" + dict_file(lang);
  HyphenDict* dict = nullptr;
  // A language without patterns is typeset without hyphenation; a pattern
  // file that exists but cannot be read is a broken installation.
  if (std::filesystem::exists(path)) {
    dicts[lang] = wrap::load_hyphen_dict(path);
    dict = dicts[lang].get();
  }
  auto& h = hyphenators[lang];
  h.reset(new Hyphenator(dict));
  return *h;
}

std::vector<size_t> Hyphenator::break_points(std::string_view text) const {
  std::vector<size_t> out;
  for (const auto& w : words(text)) out.insert(out.end(), w.breaks.begin(), w.breaks.end());
  return out;
}

std::vector<Hyphenator::Word> Hyphenator::words(std::string_view text) const {
  std::vector<Word> out;
  if (!dict_) return out;
  auto* dict = static_cast<HyphenDict*>(const_cast<void*>(dict_));
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* p = begin;
  // A name starts at a capitalised word and goes on through particles to
  // the word after them: "Table de quartier" is one name, whose last word is
  // no more to be cut than its first.
  bool in_name = false, after_particle = false;
  while (p < end) {
    // A word: a run of letters. Apostrophes end it ("l'organisation" breaks
    // as "organisation"), so do hyphens (already break points) and digits.
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) return out;
    if (!is_letter(c)) {
      if (!inside_name(c)) in_name = after_particle = false;
      p = g_utf8_next_char(p);
      continue;
    }
    const char* word = p;
    int letters = 0, capitals = 0;
    bool digits_next = false;
    while (p < end) {
      gunichar d = g_utf8_get_char_validated(p, end - p);
      if (d == static_cast<gunichar>(-1) || d == static_cast<gunichar>(-2) || !is_letter(d)) {
        digits_next = d != static_cast<gunichar>(-1) && d != static_cast<gunichar>(-2) &&
                      g_unichar_isdigit(d);
        break;
      }
      if (g_unichar_isupper(d) || g_unichar_istitle(d)) capitals++;
      letters++;
      p = g_utf8_next_char(p);
    }
    // Acronyms (CSSDM) and words glued to digits are not words to break;
    // nor are names: capitalised words ("William-Hingston", "Commission")
    // and the rest of a name after its particles ("Table de quartier").
    std::string_view w(word, p - word);
    bool name_word = capitals > 0 || (in_name && after_particle);
    if (capitals > 0) {
      in_name = true;
      after_particle = false;
    } else if (in_name && is_particle(w)) {
      after_particle = true;
    } else {
      in_name = after_particle = false;
    }
    if (letters < min_word || name_word || digits_next) continue;
    if (word > begin) {
      gunichar before = g_utf8_get_char(g_utf8_prev_char(word));
      if (g_unichar_isdigit(before)) continue;
    }
    // The patterns are lowercase. Lowercasing keeps byte lengths for Latin
    // letters; a word where it does not is left alone.
    std::unique_ptr<gchar, decltype(&g_free)> lower(g_utf8_strdown(w.data(), w.size()), g_free);
    std::string lw(lower.get());
    if (lw.size() != w.size()) continue;
    std::vector<char> hyphens(lw.size() + 5, 0);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int failed = hnj_hyphen_hyphenate3(dict, lw.data(), static_cast<int>(lw.size()), hyphens.data(),
                                       nullptr, &rep, &pos, &cut, min_fragment, min_fragment,
                                       min_fragment, min_fragment);
    if (rep) {
      // Non-standard breaks (which change letters) do not occur in French or
      // English patterns; such a word is left unbroken.
      for (size_t i = 0; i < lw.size(); ++i) std::free(rep[i]);
      std::free(rep);
      std::free(pos);
      std::free(cut);
      continue;
    }
    if (failed) continue;
    // In UTF-8 mode libhyphen indexes `hyphens` by character, not byte
    // ("fré|quen|ta|tion": 2 is the index of "é"); we want byte offsets.
    Word found;
    found.start = static_cast<size_t>(word - begin);
    found.end = static_cast<size_t>(p - begin);
    int index = 0;
    for (const char* q = word; q < p; q = g_utf8_next_char(q), ++index) {
      size_t after = static_cast<size_t>(g_utf8_next_char(q) - word);
      if ((hyphens[index] & 1) && index + 1 >= min_fragment && letters - index - 1 >= min_fragment)
        found.breaks.push_back(found.start + after);
    }
    if (!found.breaks.empty()) out.push_back(std::move(found));
  }
  return out;
}

std::string Hyphenator::soft_hyphenate(std::string_view text) const {
  auto points = break_points(text);
  std::string out;
  out.reserve(text.size() + points.size() * 2);
  size_t last = 0;
  for (size_t at : points) {
    out.append(text.substr(last, at - last));
    out += "\u00AD";
    last = at;
  }
  out.append(text.substr(last));
  return out;
}

}  // namespace carnet::render::booklet
