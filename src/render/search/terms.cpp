#include "render/search/terms.hpp"

#include <glib.h>
#include <libstemmer.h>

#include <memory>

namespace carnet::render::search {

namespace {
using GString_ = std::unique_ptr<gchar, decltype(&g_free)>;

bool is_word_char(gunichar c) { return g_unichar_isalnum(c) || g_unichar_ismark(c); }
}  // namespace

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  if (!g_utf8_validate_len(text.data(), text.size(), nullptr)) return out;
  GString_ nfc(g_utf8_normalize(text.data(), static_cast<gssize>(text.size()), G_NORMALIZE_NFC),
               g_free);
  if (!nfc) return out;
  // Lowercase the whole text once: a word at a time costs an allocation each.
  GString_ low(g_utf8_strdown(nfc.get(), -1), g_free);
  const char* p = low.get();
  const char* start = nullptr;
  for (;;) {
    gunichar c = g_utf8_get_char(p);
    bool word = c != 0 && is_word_char(c);
    if (word && !start) start = p;
    if (!word && start) {
      out.emplace_back(start, static_cast<size_t>(p - start));
      start = nullptr;
    }
    if (c == 0) break;
    p = g_utf8_next_char(p);
  }
  return out;
}

namespace detail {

bool word_char_at(const char* p, const char* end, const char*& next) {
  const gunichar c = g_utf8_get_char_validated(p, end - p);
  if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
    next = p + 1;
    return false;
  }
  next = g_utf8_next_char(p);
  return is_word_char(c);
}

}  // namespace detail

std::string fold(std::string_view word) {
  GString_ nfd(g_utf8_normalize(word.data(), static_cast<gssize>(word.size()), G_NORMALIZE_NFD),
               g_free);
  if (!nfd) return std::string(word);
  std::string out;
  for (const char* p = nfd.get(); *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_ismark(c)) continue;
    char buf[6];
    out.append(buf, static_cast<size_t>(g_unichar_to_utf8(g_unichar_tolower(c), buf)));
  }
  return out;
}

Analyzer::Analyzer(const std::string& lang) {
  // libstemmer knows ISO 639-1 codes ("fr"); a language it does not know is
  // not an error (its terms are only folded), so probe before wrapping.
  sb_stemmer* probe = sb_stemmer_new(lang.c_str(), "UTF_8");
  if (probe) {
    sb_stemmer_delete(probe);
    stemmer_ = std::make_unique<wrap::Stemmer>(lang);
  }
}

std::string Analyzer::term(const std::string& word) const {
  // A site has a few thousand distinct words among millions: stem each once.
  auto it = cache_.find(word);
  if (it == cache_.end())
    it = cache_.emplace(word, fold(stemmer_ ? stemmer_->stem(word) : word)).first;
  return it->second;
}

std::vector<std::string> Analyzer::terms(std::string_view text) const {
  std::vector<std::string> out;
  for (const auto& w : words(text))
    if (g_utf8_strlen(w.data(), static_cast<gssize>(w.size())) > 1) out.push_back(term(w));
  return out;
}

}  // namespace carnet::render::search
