// What cairo 1.16 cannot write: the document language (/Lang, which screen
// readers need to pick a voice), /DisplayDocTitle, the alternative text of
// figures (/Alt), and /MarkInfo when cairo forgot it. They are added as a PDF incremental update:
// new versions of the catalog and of the figures' structure elements appended after cairo's bytes,
// with their own cross-reference section, as PDF 1.5 §3.4.5 allows. Cairo's output is left
// untouched.
#pragma once

#include <string>
#include <vector>

namespace carnet::render::booklet {

// `alts`: the alternative texts of the document's /Figure structure
// elements, in the order they were tagged.
std::string finish_pdf(std::string pdf, const std::string& lang,
                       const std::vector<std::string>& alts, const std::string& context);

// A PDF text string: UTF-16BE with a byte order mark, as a hex string.
std::string pdf_text_string(const std::string& utf8);

}  // namespace carnet::render::booklet
