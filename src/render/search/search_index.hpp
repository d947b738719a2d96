// The search index of the website (PRODUCT.md §8), one per site language,
// written by `carnet build` beside the pages: documents are pages, their
// sections (a heading with its id), every level of a plan (an orientation,
// an objective: PLAN-URL#ID) and every plan action (PLAN-URL#ID).
// Sharded by term prefix so that a query fetches a tiny manifest, the one or
// two shards of its terms and the chunks of the documents it shows:
//
//   search/LANG/index.json      {"v":2,"docs":N,"chunk":C,"shards":["ab","ac",…]}
//   search/LANG/t2/HEX.json     {"term":"BASE64",…}
//   search/LANG/d/K.json        [[url,title,context,text],…] documents K·C … K·C+C-1
//
// A shard holds the terms that start with its prefix (one or two characters,
// longer where a shard grew past a size), named by the prefix's UTF-8 bytes
// in hex; a term lives in the shard of the longest listed prefix of it. A
// term's postings are the base64 of LEB128 varints, in pairs (difference
// from the previous document, weight). URLs are relative to the site root,
// so the index works under any sub-path. The same site gives the same bytes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/output_file.hpp"
#include "model/site.hpp"

namespace carnet::render::search {

struct Document {
  std::string url;      // relative to the site root: "plans/x/#a-1"
  std::string title;    // "1.2.3 Ouvrir une halte-garderie"
  std::string context;  // where it is: the page or plan title, or ""
  std::string text;     // plain text, the start of the excerpt
};

// The documents of one language, in a stable order: pages (sorted by source,
// then each section), then plans (the plan page, then its actions in order),
// each handed to `f` as soon as it is made.
void for_each_document(const model::Site& site, const std::string& lang,
                       const std::function<void(Document&&)>& f);
std::vector<Document> documents(const model::Site& site, const std::string& lang);

class Vocabulary;

// One language's index, built a document at a time: a document's text is
// indexed when added, and only its excerpt kept.
class IndexBuilder {
 public:
  explicit IndexBuilder(std::string lang);
  ~IndexBuilder();
  IndexBuilder(const IndexBuilder&) = delete;
  IndexBuilder& operator=(const IndexBuilder&) = delete;
  void add(Document d);
  // The files of the index (paths under search/LANG/).
  std::vector<base::OutputFile> files() &&;

 private:
  void close_chunk();

  std::string lang_;
  std::unique_ptr<Vocabulary> vocabulary_;
  size_t doc_count_ = 0;
  // Each chunk's JSON as soon as its documents are in: a large site's
  // documents are held as the bytes written, not as four strings each.
  std::vector<std::string> chunks_;
  std::string open_chunk_;  // the documents of the chunk being filled
};

// The files of one language's index for `docs` (paths under search/LANG/).
std::vector<base::OutputFile> index_files(const std::vector<Document>& docs,
                                          const std::string& lang);

// Every language's index, or nothing when `search: false`.
std::vector<base::OutputFile> render_search(const model::Site& site);

// The index of one of the site's languages (whether or not `search` is on).
std::vector<base::OutputFile> render_search_language(const model::Site& site,
                                                     const std::string& lang);

// Plain text of HTML: tags and comments dropped, entities decoded, spaces
// collapsed. For Carnet's own rendered pages, not arbitrary HTML.
std::string html_text(std::string_view html);

}  // namespace carnet::render::search
