// The words Carnet prints besides an author's own text (labels, statuses,
// "due" wordings, headings of a booklet's parts), per language. One set for
// every output: the theme's i18n/LANG.yaml, overridden key by key by the
// site's i18n/LANG.yaml, read by load/ and used by the web pages and the
// booklets alike.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace carnet::model {

struct Words {
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> by_lang;

  // The word `key` in `lang`; the key itself when it is missing, so that a
  // missing word shows instead of vanishing.
  std::string get(std::string_view lang, std::string_view key) const;
  // `key`'s pattern in `lang` with "{n}" replaced by `value` ("{n} %" → "40 %").
  std::string format(std::string_view lang, std::string_view key, std::string_view value) const;
};

}  // namespace carnet::model
