#include "render/search/search_index.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <unordered_map>

#include <glib.h>

#include "base/hash.hpp"
#include "base/json_string.hpp"
#include "base/parallel.hpp"
#include "render/search/terms.hpp"

namespace carnet::render::search {

namespace {

// Documents per chunk file: a result list of ten fetches a few small files.
constexpr size_t chunk_size = 20;
// A document's whole text is indexed; its start, up to this many bytes, is
// kept for the excerpt.
constexpr size_t text_limit = 240;
// On a site of at least this many documents, a term in more than half of
// them ("de", "the") is left out and listed as common: the browser skips it
// in a query rather than fetch a list of every document.
constexpr size_t common_min_docs = 1000;
// A shard past this many bytes is split by one more character of prefix.
constexpr size_t shard_limit = 24 * 1024;
// The shards' folder names their format (2: postings in base64): a page
// left open with the search script of format 1, whose shards were in t/,
// finds none of these (no result until it is reloaded) rather than reading
// them as lists of numbers.
constexpr const char* shard_folder = "t2/";
// A word of the title counts as much as this many words of the text.
constexpr int title_weight = 5;

// Cuts `s` to at most `limit` bytes, at a space, never inside a character.
std::string cut(std::string s, size_t limit) {
  if (s.size() <= limit) return s;
  size_t end = s.rfind(' ', limit);
  if (end == std::string::npos || end < limit / 2) {
    end = limit;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  }
  s.resize(end);
  return s + " …";
}

std::string hex(std::string_view s) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// The first `n` characters (code points) of a UTF-8 term.
std::string_view prefix(std::string_view term, size_t n) {
  size_t i = 0;
  for (size_t count = 0; i < term.size() && count < n; ++count) {
    ++i;
    while (i < term.size() && (static_cast<unsigned char>(term[i]) & 0xC0) == 0x80) ++i;
  }
  return term.substr(0, i);
}

size_t length(const std::string& term) {
  size_t n = 0;
  for (unsigned char c : term) n += (c & 0xC0) != 0x80;
  return n;
}

// A term's documents and weights, as the index writes them: (difference
// from the previous document, weight) pairs, each number a LEB128 varint.
// Three bytes or so a posting instead of eight: a large site's postings are
// most of what the index holds while it is built. The last document's
// weight stays open until another document comes.
class Postings {
 public:
  void add(uint32_t doc, uint32_t weight) {
    if (count_ && doc == doc_) {
      weight_ += weight;
      return;
    }
    close();
    doc_ = doc;
    weight_ = weight;
    ++count_;
  }
  size_t size() const { return count_; }
  // The bytes of every posting, the open one included.
  size_t byte_size() const {
    return bytes_.size() + (count_ ? varint_size(doc_ - written_) + varint_size(weight_) : 0);
  }
  // Appends the postings as the index writes them: their bytes in base64.
  void append_base64(std::string& out) const {
    std::string all = bytes_;
    if (count_) put_pair(all, doc_ - written_, weight_);
    std::unique_ptr<gchar, decltype(&g_free)> b64(
        g_base64_encode(reinterpret_cast<const guchar*>(all.data()), all.size()), g_free);
    out += b64.get();
  }

 private:
  void close() {
    if (!count_) return;
    put_pair(bytes_, doc_ - written_, weight_);
    written_ = doc_;
  }
  // A posting's two numbers in one append (a call each: 0.2 % of a build's
  // instructions).
  static void put_pair(std::string& to, uint32_t a, uint32_t b) {
    char buf[10];
    size_t n = 0;
    for (uint32_t v : {a, b}) {
      for (; v >= 0x80; v >>= 7) buf[n++] = static_cast<char>((v & 0x7f) | 0x80);
      buf[n++] = static_cast<char>(v);
    }
    to.append(buf, n);
  }
  static size_t varint_size(uint32_t v) {
    size_t n = 1;
    for (; v >= 0x80; v >>= 7) ++n;
    return n;
  }

  std::string bytes_;     // the closed postings
  uint32_t written_ = 0;  // the last closed document
  uint32_t doc_ = 0, weight_ = 0;
  uint32_t count_ = 0;
};
using Terms = std::vector<std::pair<std::string_view, const Postings*>>;  // sorted by term

// XXH3: most lookups are of short words, where it is several times faster
// than std::hash's.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return base::hash64(s); }
};

// Spelling → term id, looked up once for every word of every page
// (millions at 10,000 pages): open addressing over one array, the spellings
// in one buffer, so that a lookup is a hash and, nearly always, one slot
// (std::unordered_map took a division and a node per lookup: 3.6 % of a
// build's samples).
class SpellingTable {
 public:
  const uint32_t* find(std::string_view s, uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.length == vacant) return nullptr;
      if (slot.hash == h && slot.length == s.size() && same(text_.data() + slot.offset, s))
        return &slot.id;
    }
  }
  void insert(std::string_view s, uint64_t h, uint32_t id) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place({h, static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(s.size()), id});
    text_ += s;
    ++count_;
  }

 private:
  static constexpr uint32_t vacant = UINT32_MAX;
  // Whether the `s.size()` bytes at `a` are `s`. A loop: words are a few
  // bytes, and equal nearly every time (the hashes matched), where a call
  // to memcmp was 1.5 % of a build.
  static bool same(const char* a, std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i)
      if (a[i] != s[i]) return false;
    return true;
  }
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t length = vacant;
    uint32_t id = 0;
  };
  void place(const Slot& slot) {
    for (size_t i = slot.hash & mask_;; i = (i + 1) & mask_)
      if (slots_[i].length == vacant) {
        slots_[i] = slot;
        return;
      }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (const auto& slot : old)
      if (slot.length != vacant) place(slot);
  }

  std::vector<Slot> slots_;
  std::string text_;
  size_t mask_ = 0, count_ = 0;
};

}  // namespace

// Every term of a language's documents, with its postings. A spelling of a
// word goes through the analyzer once; after that, indexing a word is one
// hash lookup.
class Vocabulary {
 public:
  explicit Vocabulary(const std::string& lang) : analyzer_(lang) {}

  void add(std::string_view text, uint32_t doc, uint32_t weight) {
    for_each_word(text, [&](std::string_view raw) {
      uint32_t t = id(raw);
      if (t == none) return;
      postings_[t].add(doc, weight);
    });
  }

  // The terms in byte order, and those left out as common.
  std::pair<Terms, std::vector<std::string_view>> sorted(size_t docs) const {
    Terms out;
    std::vector<std::string_view> common;
    for (size_t i = 0; i < terms_.size(); ++i) {
      if (docs >= common_min_docs && postings_[i].size() * 2 > docs)
        common.push_back(terms_[i]);
      else
        out.emplace_back(terms_[i], &postings_[i]);
    }
    std::sort(out.begin(), out.end());
    std::sort(common.begin(), common.end());
    return {std::move(out), std::move(common)};
  }

 private:
  static constexpr uint32_t none = UINT32_MAX;

  uint32_t id(std::string_view raw) {
    const uint64_t h = base::hash64(raw);
    if (const uint32_t* found = ids_.find(raw, h)) return *found;
    uint32_t t = none;
    auto w = words(raw);  // NFC and lowercase: one word
    if (w.size() == 1 && length(w[0]) > 1) {
      std::string term = analyzer_.term(w[0]);
      if (auto it = term_ids_.find(term); it != term_ids_.end()) {
        t = it->second;
      } else {
        t = static_cast<uint32_t>(terms_.size());
        terms_.push_back(std::move(term));
        postings_.emplace_back();
        term_ids_.emplace(terms_.back(), t);
      }
    }
    ids_.insert(raw, h, t);
    return t;
  }

  Analyzer analyzer_;
  SpellingTable ids_;
  // Each term once: the map's keys view the deque's strings, which stay put.
  std::unordered_map<std::string_view, uint32_t, ViewHash> term_ids_;
  std::deque<std::string> terms_;
  std::vector<Postings> postings_;  // by term id
};

namespace {

// A term's postings are a JSON string: the base64 of their varint bytes
// (difference from the previous document, weight), read by search.js. Half
// the size of a list of decimal numbers, and copied rather than formatted.
std::string shard_json(Terms::const_iterator begin, Terms::const_iterator end) {
  std::string out = "{";
  for (auto it = begin; it != end; ++it) {
    if (out.size() > 1) out += ',';
    base::append_json_string(out, it->first);
    out += ":\"";
    it->second->append_base64(out);
    out += '"';
  }
  return out + "}";
}

// shard_json(begin, end).size(), without making it: a large group is
// measured at every level of prefix it is split by.
size_t shard_size(Terms::const_iterator begin, Terms::const_iterator end) {
  size_t n = 2;
  for (auto it = begin; it != end; ++it) {
    if (it != begin) ++n;
    // "term":"base64" (four characters for every three bytes, padded)
    n += base::json_string_size(it->first) + 3 + (it->second->byte_size() + 2) / 3 * 4;
  }
  return n;
}

// Splits the terms [begin, end), all starting with `p` (of `n` characters),
// into shards: one when it is small enough, else the terms equal to `p` and
// one group per next character.
void make_shards(Terms::const_iterator begin, Terms::const_iterator end, const std::string& p,
                 size_t n, std::vector<std::pair<std::string, std::string>>& out) {
  if (n >= 8 || shard_size(begin, end) <= shard_limit) {
    out.emplace_back(p, shard_json(begin, end));
    return;
  }
  auto it = begin;
  if (it != end && it->first == p) {
    out.emplace_back(p, shard_json(it, std::next(it)));
    ++it;
  }
  while (it != end) {
    const std::string q(prefix(it->first, n + 1));
    auto group_end = it;
    while (group_end != end && group_end->first.starts_with(q)) ++group_end;
    make_shards(it, group_end, q, n + 1, out);
    it = group_end;
  }
}

void add_heading_sections(const model::Page& page, std::vector<Document>& out) {
  // Page::html comes from markdown/ with headings as <hN id="…">: cut there.
  // A view: substr of the page's string copied each section's HTML.
  const std::string_view html = page.html;
  std::vector<size_t> cuts;
  for (size_t at = html.find("<h"); at != std::string::npos; at = html.find("<h", at + 2))
    if (at + 8 < html.size() && html[at + 2] >= '2' && html[at + 2] <= '6' &&
        html.compare(at + 3, 5, " id=\"") == 0)
      cuts.push_back(at);
  Document whole{page.url, page.title, "", ""};
  whole.text = html_text(html.substr(0, cuts.empty() ? html.size() : cuts.front()));
  if (whole.text.empty() && !page.summary.empty()) whole.text = page.summary;
  out.push_back(std::move(whole));
  for (size_t i = 0; i < cuts.size(); ++i) {
    size_t begin = cuts[i], end = i + 1 < cuts.size() ? cuts[i + 1] : html.size();
    size_t id_begin = begin + 8, id_end = html.find('"', id_begin);
    size_t close = html.find("</h", id_end);
    if (id_end == std::string::npos || close == std::string::npos || close > end) continue;
    size_t title_begin = html.find('>', id_end) + 1;
    Document d;
    d.url = page.url;
    d.url += '#';
    d.url += html.substr(id_begin, id_end - id_begin);
    d.title = html_text(html.substr(title_begin, close - title_begin));
    d.context = page.title;
    size_t body = html.find('>', close) + 1;
    d.text = html_text(html.substr(body, end - body));
    out.push_back(std::move(d));
  }
}

void add_fields_text(const model::Fields& fields, const std::string& lang,
                     const std::string& fallback, std::string& text) {
  for (const auto& [key, value] : fields.by_key) {
    for (const auto& t : value.texts) {
      const std::string& s = t.get(lang, fallback);
      if (s.empty()) continue;
      if (!text.empty()) text += " · ";
      text += s;
    }
    if (value.due && value.due->kind == model::Due::Kind::text) {
      if (!text.empty()) text += " · ";
      text += value.due->text.get(lang, fallback);
    }
    for (const auto& note : value.notes) {
      if (!text.empty()) text += " · ";
      text += note.text.get(lang, fallback);
    }
  }
}

std::string plain_fields_text(const model::Fields& fields, const std::string& lang,
                              const std::string& fallback) {
  std::string text;
  add_fields_text(fields, lang, fallback, text);
  // Fields hold Markdown: markup characters are not words, and the
  // excerpt reads better without them.
  std::erase_if(text, [](char c) { return c == '*' || c == '_' || c == '`' || c == '#'; });
  return text;
}

void add_plan_section(const model::PlanSection& section, const std::string& url,
                      const std::string& plan_title, const std::string& lang,
                      const std::string& fallback, std::vector<Document>& out) {
  // The level itself (an orientation, an objective): its description,
  // results and strategy are often what a reader remembers of the plan.
  {
    Document d;
    d.url = url + "#" + section.id;
    const std::string& title = section.title.get(lang, fallback);
    d.title = section.code.empty() ? title : section.code + " " + title;
    d.context = plan_title;
    d.text = plain_fields_text(section.fields, lang, fallback);
    out.push_back(std::move(d));
  }
  for (const auto& a : section.actions) {
    Document d;
    d.url = url + "#" + a.id;
    d.title =
        a.code.empty() ? a.title.get(lang, fallback) : a.code + " " + a.title.get(lang, fallback);
    d.context = plan_title;
    d.text = plain_fields_text(a.fields, lang, fallback);
    out.push_back(std::move(d));
  }
  for (const auto& s : section.sections) add_plan_section(s, url, plan_title, lang, fallback, out);
}

// The bytes html_text copies as they are: not a tag's or an entity's start,
// not a space.
constexpr auto plain_byte = [] {
  std::array<bool, 256> t{};
  t.fill(true);
  for (unsigned char c : {'<', '&', ' ', '\n', '\t', '\r'}) t[c] = false;
  return t;
}();

// Whether the three bytes after a '<' open or close an inline element:
// em, strong, a, code (and what shares their first letters). Compared byte
// by byte: eight starts_with per tag were a tenth of the search index's time.
bool inline_tag(std::string_view t) {
  const char a = !t.empty() ? t[0] : '\0', b = t.size() > 1 ? t[1] : '\0',
             c = t.size() > 2 ? t[2] : '\0';
  if (a == '/')
    return (b == 'e' && c == 'm') || (b == 's' && c == 't') || (b == 'a' && c == '>') ||
           (b == 'c' && c == 'o');
  return (a == 'e' && b == 'm') || (a == 's' && b == 't' && c == 'r') || (a == 'a' && b == ' ') ||
         (a == 'c' && b == 'o' && c == 'd');
}

}  // namespace

std::string html_text(std::string_view html) {
  // The text is never longer than the HTML: tags and entities shrink,
  // spaces only replace what separated.
  std::string out;
  out.reserve(html.size());
  bool space = false;
  auto put = [&](std::string_view s) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s;
  };
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.compare(i, 4, "<!--") == 0 ? html.find("-->", i) : html.find('>', i);
      if (end == std::string::npos) break;
      // Block elements separate words; inline ones (<em>) do not.
      if (!inline_tag(html.substr(i + 1, 3))) space = true;
      i = end + (html[end] == '>' ? 1 : 3);
    } else if (c == '&') {
      size_t end = html.find(';', i);
      std::string_view e = end == std::string::npos ? "" : html.substr(i, end - i + 1);
      if (e == "&amp;")
        put("&");
      else if (e == "&lt;")
        put("<");
      else if (e == "&gt;")
        put(">");
      else if (e == "&quot;")
        put("\"");
      else if (e == "&#39;" || e == "&#x27;")
        put("'");
      else if (e == "&nbsp;" || e == "&#160;")
        space = true;
      else {
        put("&");
        ++i;
        continue;
      }
      i = end + 1;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      ++i;
    } else {
      // Words and the single spaces between them are copied in one piece:
      // the same text as word by word, with fewer appends.
      auto plain = [](char d) { return plain_byte[static_cast<unsigned char>(d)]; };
      size_t j = i + 1;
      for (;;) {
        while (j < html.size() && plain(html[j])) ++j;
        if (j + 1 < html.size() && html[j] == ' ' && plain(html[j + 1]))
          j += 2;
        else
          break;
      }
      put(html.substr(i, j - i));
      i = j;
    }
  }
  return out;
}

void for_each_document(const model::Site& site, const std::string& lang,
                       const std::function<void(Document&&)>& f) {
  std::vector<Document> batch;
  auto flush = [&] {
    for (auto& d : batch) f(std::move(d));
    batch.clear();
  };
  for (const auto& page : site.pages) {
    if (page.lang != lang) continue;
    add_heading_sections(page, batch);
    flush();
  }
  const std::string& fallback = site.config.default_language();
  for (const auto& plan : site.plans) {
    auto url = plan.url.find(lang);
    if (url == plan.url.end()) continue;
    Document d{url->second, plan.title.get(lang, fallback), "", ""};
    d.text = plan.summary.get(lang, fallback);
    f(std::move(d));
    for (const auto& s : plan.sections) {
      add_plan_section(s, url->second, plan.title.get(lang, fallback), lang, fallback, batch);
      flush();
    }
  }
}

std::vector<Document> documents(const model::Site& site, const std::string& lang) {
  std::vector<Document> out;
  for_each_document(site, lang, [&](Document&& d) { out.push_back(std::move(d)); });
  return out;
}

IndexBuilder::IndexBuilder(std::string lang)
    : lang_(std::move(lang)), vocabulary_(std::make_unique<Vocabulary>(lang_)) {}

IndexBuilder::~IndexBuilder() = default;

void IndexBuilder::add(Document d) {
  const auto doc = static_cast<uint32_t>(doc_count_++);
  vocabulary_->add(d.title, doc, title_weight);
  vocabulary_->add(d.context, doc, 1);
  vocabulary_->add(d.text, doc, 1);
  // Only the excerpt's start is written.
  open_chunk_ += open_chunk_.empty() ? "[[" : ",\n[";
  base::append_json_string(open_chunk_, d.url);
  open_chunk_ += ',';
  base::append_json_string(open_chunk_, d.title);
  open_chunk_ += ',';
  base::append_json_string(open_chunk_, d.context);
  open_chunk_ += ',';
  base::append_json_string(open_chunk_, cut(std::move(d.text), text_limit));
  open_chunk_ += ']';
  if (doc_count_ % chunk_size == 0) close_chunk();
}

void IndexBuilder::close_chunk() {
  if (open_chunk_.empty()) return;
  open_chunk_ += "]\n";
  open_chunk_.shrink_to_fit();
  chunks_.push_back(std::move(open_chunk_));
  open_chunk_.clear();
}

std::vector<base::OutputFile> IndexBuilder::files() && {
  close_chunk();
  const std::string& lang = lang_;
  auto [terms, common] = vocabulary_->sorted(doc_count_);

  const std::string root = "search/" + lang + "/";
  std::vector<base::OutputFile> out;
  std::vector<std::pair<std::string, std::string>> shards;
  for (auto it = terms.begin(); it != terms.end();) {
    std::string p(prefix(it->first, 2));
    auto end = it;
    while (end != terms.end() && end->first.starts_with(p)) ++end;
    make_shards(it, end, p, length(p), shards);
    it = end;
  }
  std::sort(shards.begin(), shards.end());

  std::string manifest = "{\"v\":2,\"lang\":";
  base::append_json_string(manifest, lang);
  manifest += ",\"docs\":" + std::to_string(doc_count_) +
              ",\"chunk\":" + std::to_string(chunk_size) + ",\"shards\":[";
  for (size_t i = 0; i < shards.size(); ++i) {
    if (i) manifest += ',';
    base::append_json_string(manifest, shards[i].first);
  }
  manifest += "],\"common\":[";
  for (size_t i = 0; i < common.size(); ++i) {
    if (i) manifest += ',';
    base::append_json_string(manifest, common[i]);
  }
  manifest += "]}\n";
  out.push_back({root + "index.json", std::move(manifest), ""});
  for (auto& [p, json] : shards)
    out.push_back({root + shard_folder + hex(p) + ".json", std::move(json), ""});

  for (size_t chunk = 0; chunk < chunks_.size(); ++chunk)
    out.push_back({root + "d/" + std::to_string(chunk) + ".json", std::move(chunks_[chunk]), ""});
  return out;
}

std::vector<base::OutputFile> index_files(const std::vector<Document>& docs,
                                          const std::string& lang) {
  IndexBuilder builder(lang);
  for (const auto& d : docs) builder.add(d);
  return std::move(builder).files();
}

std::vector<base::OutputFile> render_search(const model::Site& site) {
  if (!site.config.search) return {};
  const auto& langs = site.config.languages;
  std::vector<std::vector<base::OutputFile>> per_lang(langs.size());
  base::parallel_for(langs.size(),
                     [&](size_t i) { per_lang[i] = render_search_language(site, langs[i]); });
  std::vector<base::OutputFile> out;
  for (auto& files : per_lang)
    out.insert(out.end(), std::make_move_iterator(files.begin()),
               std::make_move_iterator(files.end()));
  return out;
}

std::vector<base::OutputFile> render_search_language(const model::Site& site,
                                                     const std::string& lang) {
  // Each document goes into the index as it is made, so that no language's
  // whole text is ever held at once.
  IndexBuilder builder(lang);
  for_each_document(site, lang, [&](Document&& d) { builder.add(std::move(d)); });
  return std::move(builder).files();
}

}  // namespace carnet::render::search
