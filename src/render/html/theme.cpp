#include "render/html/theme.hpp"

#include <filesystem>
#include <set>
#include <string_view>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "render/html/embedded_theme.hpp"
#include "render/html/fingerprint.hpp"
#include "view/brand.hpp"
#include "view/palette.hpp"

namespace carnet::render::html {

namespace fs = std::filesystem;

namespace {

const std::string layouts_prefix = "layouts/";
const std::string suffix = ".mustache";

// kainjow reports "Unclosed tag at 123": a byte offset. Make it a position
// and a lowercase message.
base::SourcePos error_pos(const std::string& origin, const std::string& source,
                          std::string& message) {
  base::SourcePos pos{origin, 0, 0};
  auto at = message.rfind(" at ");
  if (at != std::string::npos && at + 4 < message.size() &&
      message.find_first_not_of("0123456789", at + 4) == std::string::npos) {
    size_t offset = std::stoul(message.substr(at + 4));
    auto lc = base::line_column_at(source, std::min(offset, source.size()));
    pos.line = lc.line;
    pos.column = lc.column;
    message.resize(at);
  }
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  return pos;
}

struct Splicer {
  const std::map<std::string, ThemeFile>& files;  // "page" → file, "partials/head" → file
  base::Diagnostics& diags;

  const ThemeFile* find(const std::string& name) const {
    auto it = files.find("partials/" + name);
    if (it == files.end()) it = files.find(name);
    return it == files.end() ? nullptr : &it->second;
  }

  // The template with every {{> name}} replaced by the partial's text.
  bool splice(const ThemeFile& file, std::vector<std::string>& stack, std::string& out) const {
    const std::string& src = file.bytes;
    size_t pos = 0;
    bool ok = true;
    for (;;) {
      size_t open = src.find("{{>", pos);
      if (open == std::string::npos) break;
      size_t close = src.find("}}", open);
      if (close == std::string::npos) break;  // the parser reports the unclosed tag
      out.append(src, pos, open - pos);
      std::string partial(base::trim(std::string_view(src).substr(open + 3, close - open - 3)));
      pos = close + 2;
      auto lc = base::line_column_at(src, open);
      base::SourcePos where{file.origin, lc.line, lc.column};
      const ThemeFile* p = find(partial);
      if (!p) {
        diags.error(where, "template: no partial \"" + partial + "\" (expected layouts/partials/" +
                               partial + suffix + ")");
        ok = false;
        continue;
      }
      if (std::find(stack.begin(), stack.end(), partial) != stack.end() || stack.size() > 20) {
        diags.error(where, "template: partial \"" + partial + "\" includes itself (" +
                               base::join(stack, " > ") + " > " + partial + ")");
        ok = false;
        continue;
      }
      stack.push_back(partial);
      ok = splice(*p, stack, out) && ok;
      stack.pop_back();
      // A partial alone on its line brings its own last newline.
      if (!out.empty() && out.back() == '\n' && pos < src.size() && src[pos] == '\n') ++pos;
    }
    out.append(src, pos, std::string::npos);
    return ok;
  }
};

void escape_html(const std::string& s, std::string& out) { base::html_escape_to(out, s); }

}  // namespace

std::optional<Theme> build_theme(const std::map<std::string, ThemeFile>& files,
                                 base::Diagnostics& diags, const std::string& brand_css) {
  Theme theme;
  bool ok = true;

  // Templates: "layouts/x.mustache" → "x", "layouts/partials/y.mustache" → "partials/y".
  std::map<std::string, ThemeFile> templates;
  for (const auto& [path, file] : files) {
    if (path.rfind(layouts_prefix, 0) != 0 || path.size() <= suffix.size() ||
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    templates.emplace(
        path.substr(layouts_prefix.size(), path.size() - layouts_prefix.size() - suffix.size()),
        file);
  }
  // Each file alone first, so that an error points into the file that has it.
  for (const auto& [name, file] : templates) {
    mustache::mustache alone{file.bytes};
    if (!alone.is_valid()) {
      std::string message = alone.error_message();
      auto pos = error_pos(file.origin, file.bytes, message);
      diags.error(pos, "template: " + message);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;

  Splicer splicer{templates, diags};
  for (const auto& [name, file] : templates) {
    if (name.rfind("partials/", 0) == 0) continue;
    std::vector<std::string> stack{name};
    std::string text;
    if (!splicer.splice(file, stack, text)) {
      ok = false;
      continue;
    }
    mustache::mustache tmpl{text};
    if (!tmpl.is_valid()) {
      std::string message = tmpl.error_message();
      error_pos(file.origin, text, message);  // offsets in the spliced text mean nothing to authors
      diags.error({file.origin, 0, 0}, "template (with its partials): " + message);
      ok = false;
      continue;
    }
    tmpl.set_custom_escape([](const std::string& s) {
      std::string out;
      out.reserve(s.size() + 16);
      escape_html(s, out);
      return out;
    });
    theme.templates.by_name.emplace(name, std::move(tmpl));
  }
  for (const char* name : required_templates) {
    if (!templates.count(name)) {
      diags.error({"layouts/" + std::string(name) + suffix, 0, 0},
                  "template: the theme has no \"" + std::string(name) + "\" template");
      ok = false;
    }
  }

  // The status colours come first, from the palette every output shares,
  // then the brand's colours, which the theme reads with its own as
  // fallbacks; a site's own stylesheet, read after them, may still restyle
  // them.
  theme.css = view::status_css() + brand_css;
  if (auto it = files.find("css/style.css"); it != files.end()) theme.css += it->second.bytes;
  theme.css_path = "css/style." + fingerprint(theme.css) + ".css";
  for (const auto& [path, file] : files) {
    constexpr std::string_view dir = "js/", ext = ".js";
    if (path.size() <= dir.size() + ext.size() || path.rfind(dir, 0) != 0 ||
        path.compare(path.size() - ext.size(), ext.size(), ext) != 0 ||
        path.find('/', dir.size()) != std::string::npos)
      continue;
    const std::string name = path.substr(dir.size(), path.size() - dir.size() - ext.size());
    theme.scripts[name] = {"js/" + name + "." + fingerprint(file.bytes) + ".js", file.bytes};
  }
  if (!ok) return std::nullopt;
  return theme;
}

std::optional<Theme> load_theme(const model::Site& site, base::Diagnostics& diags) {
  const size_t errors_before = diags.error_count();
  std::map<std::string, ThemeFile> files;
  for (const auto& [path, bytes] : embedded_theme())
    files[path] = {bytes, "(built-in theme) " + path};
  if (!site.root.empty()) {
    const fs::path root(site.root);
    auto overlay = [&](const fs::path& dir, const std::string& rel_dir, const std::string& prefix) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) return;
      for (const auto& rel : base::list_files(dir)) {
        // The theme's words are load/'s (words_reader): not read twice.
        if (prefix.empty() && rel.rfind("i18n/", 0) == 0) continue;
        try {
          std::string bytes = base::read_file(dir / rel);
          std::string origin = rel_dir + rel;
          if (auto bad = base::find_invalid_utf8(bytes)) {
            auto lc = base::line_column_at(bytes, *bad);
            diags.error({origin, lc.line, lc.column}, "this file is not UTF-8; save it as UTF-8");
            continue;
          }
          files[prefix + rel] = {std::move(bytes), origin};
        } catch (const base::SystemError& e) {
          diags.error({rel_dir + rel, 0, 0}, e.what());
        }
      }
    };
    overlay(root / "themes" / "default", "themes/default/", "");
    overlay(root / "layouts", "layouts/", "layouts/");
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return build_theme(files, diags, view::brand_css(site.config.brand));
}

}  // namespace carnet::render::html
