#include "translate/record.hpp"

#include "base/fs.hpp"
#include "base/yaml_quote.hpp"
#include "load/yaml_util.hpp"

namespace carnet::translate {

TranslationRecord TranslationRecord::load(const std::filesystem::path& site,
                                          base::Diagnostics& diags) {
  TranslationRecord record;
  std::error_code ec;
  if (!std::filesystem::exists(site / path, ec)) return record;
  const std::string text = base::read_file(site / path);
  // The loader's YAML reading: its positions and its readable messages.
  const load::YamlSource src{path, 0, nullptr, text};
  base::Diagnostics parse_diags;
  const auto parsed = load::parse_yaml(text, src, parse_diags);
  if (!parsed) {
    for (const auto& d : parse_diags.items())
      diags.error(d.pos, "the translation record is damaged (" + d.message +
                             "); delete it to start a new one");
    return {};
  }
  try {
    const load::yaml::Node& root = *parsed;
    if (root.is_null()) return record;
    if (!root.is_map()) throw load::yaml::Exception(root.mark(), "expected a map of files");
    for (const auto& file : root) {
      if (!file.second.is_map())
        throw load::yaml::Exception(file.second.mark(), "expected a map of texts");
      for (const auto& key : file.second) {
        if (!key.second.is_map())
          throw load::yaml::Exception(key.second.mark(), "expected {LANG: FINGERPRINT}");
        for (const auto& lang : key.second)
          record.set(file.first.as_string(), key.first.as_string(), lang.first.as_string(),
                     lang.second.as_string());
      }
    }
  } catch (const load::yaml::Exception& e) {
    diags.error(src.pos(e.mark),
                "the translation record is damaged (" + e.msg + "); delete it to start a new one");
    return {};
  }
  return record;
}

std::string TranslationRecord::get(const std::string& file, const std::string& key,
                                   const std::string& lang) const {
  auto f = entries_.find(file);
  if (f == entries_.end()) return "";
  auto k = f->second.find(key);
  if (k == f->second.end()) return "";
  auto l = k->second.find(lang);
  return l == k->second.end() ? "" : l->second;
}

void TranslationRecord::set(const std::string& file, const std::string& key,
                            const std::string& lang, const std::string& fingerprint) {
  entries_[file][key][lang] = fingerprint;
}

void TranslationRecord::erase(const std::string& file, const std::string& key,
                              const std::string& lang) {
  auto f = entries_.find(file);
  if (f == entries_.end()) return;
  auto k = f->second.find(key);
  if (k == f->second.end()) return;
  k->second.erase(lang);
  if (k->second.empty()) f->second.erase(k);
  if (f->second.empty()) entries_.erase(f);
}

std::string TranslationRecord::to_yaml() const {
  std::string out =
      "# Written by `carnet translations import` and `accept`: for each\n"
      "# translated text, a fingerprint of the source text it was translated\n"
      "# from, so that `carnet check` can tell when the source changed since.\n"
      "# Keep it with the site.\n";
  for (const auto& [file, keys] : entries_) {
    out += base::yaml_quote(file) + ":\n";
    for (const auto& [key, langs] : keys) {
      out += "  " + base::yaml_quote(key) + ": {";
      bool first = true;
      for (const auto& [lang, fingerprint] : langs) {
        out += (first ? "" : ", ") + lang + ": \"" + fingerprint + "\"";
        first = false;
      }
      out += "}\n";
    }
  }
  return out;
}

bool TranslationRecord::save(const std::filesystem::path& site) const {
  const std::string text = to_yaml();
  std::error_code ec;
  if (std::filesystem::exists(site / path, ec) && base::read_file(site / path) == text)
    return false;
  base::write_file(site / path, text);
  return true;
}

}  // namespace carnet::translate
