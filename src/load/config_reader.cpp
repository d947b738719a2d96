#include "load/config_reader.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "base/url.hpp"
#include "load/page_reader.hpp"
#include "load/yaml_util.hpp"

namespace carnet::load {

namespace {
const std::vector<std::string> config_keys = {
    "title",    "description",  "base_url", "languages", "default_language_in_subdir",
    "cname",    "organization", "booklet",  "markdown",  "params",
    "tracking", "brand",        "search"};

bool is_language_code(const std::string& s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}
}  // namespace

namespace {
// tracking: {since: REF, progress: {planned: 0, in_progress: 50, done: 100, postponed: 0}}
void read_tracking(const yaml::Node& t, const YamlSource& src, model::SiteConfig& c,
                   base::Diagnostics& diags) {
  if (!t.is_map()) {
    diags.error(src.pos(t), "tracking: expected a map such as {since: ag-2024}");
    return;
  }
  check_keys(t, {"since", "progress"}, "tracking setting", src, diags);
  if (yaml::Node since = t["since"]; since.is_defined()) {
    c.tracking.since = read_scalar(since, "since", src, diags).value_or("");
    c.tracking.since_pos = src.pos(since);
  }
  if (yaml::Node p = t["progress"]; p.is_defined()) {
    if (!p.is_map()) {
      diags.error(src.pos(p), "tracking.progress: expected a map such as {in_progress: 50}");
      return;
    }
    std::vector<std::string> names;
    for (auto st : model::all_statuses)
      if (st != model::Status::cancelled) names.emplace_back(model::status_name(st));
    check_keys(p, names, "tracking.progress", src, diags);
    for (const auto& kv : p) {
      auto st = model::parse_status(kv.first.scalar());
      if (!st || *st == model::Status::cancelled) continue;
      if (auto n = read_percent(kv.second, "tracking.progress", src, diags))
        c.tracking.progress[*st] = *n;
    }
  }
}
}  // namespace

namespace {
// A logo's path as written: a file under static/ (its existence and its
// type are checked by the loader, which lists static/).
std::string read_logo(const yaml::Node& n, const char* what, const YamlSource& src,
                      base::Diagnostics& diags) {
  auto s = read_scalar(n, what, src, diags);
  if (!s) return {};
  if (!s->starts_with("static/") || s->size() == 7 || s->find("..") != std::string::npos ||
      s->find('\\') != std::string::npos) {
    diags.error(src.pos(n), std::string(what) +
                                ": expected a file under static/ such as "
                                "static/images/logo.svg, not " +
                                quote(*s));
    return {};
  }
  return *s;
}

bool is_hex_color(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// brand: {logo, color, partners: [{name, logo, url}]}
void read_brand(const yaml::Node& b, const YamlSource& src, model::SiteConfig& c,
                base::Diagnostics& diags) {
  if (!b.is_map()) {
    diags.error(src.pos(b),
                "brand: expected {logo: static/images/logo.svg, color: \"#0b5d7a\", partners: "
                "[...]}");
    return;
  }
  check_keys(b, {"logo", "color", "partners"}, "brand setting", src, diags);
  if (yaml::Node l = b["logo"]; l.is_defined() && !l.is_null()) {
    c.brand.logo = read_logo(l, "brand.logo", src, diags);
    c.brand.logo_pos = src.pos(l);
  }
  for (const auto& kv : b) {
    if (kv.first.scalar() != "color") continue;
    const yaml::Node& col = kv.second;
    // An unquoted #0b5d7a is a YAML comment: the value is then empty, and
    // the author meant a colour. Reported at the key, the value being gone.
    if (col.is_null()) {
      diags.error(src.pos(kv.first),
                  "brand.color: no colour: write it in quotes, such as \"#0b5d7a\" (YAML reads "
                  "an unquoted # as the start of a comment)");
    } else if (auto s = read_scalar(col, "brand.color", src, diags)) {
      if (is_hex_color(*s))
        c.brand.color = base::to_lower_ascii(*s);
      else
        diags.error(src.pos(col),
                    "brand.color: expected a colour such as \"#0b5d7a\", not " + quote(*s));
    }
  }
  yaml::Node ps = b["partners"];
  if (!ps.is_defined() || ps.is_null()) return;
  if (!ps.is_sequence()) {
    diags.error(src.pos(ps),
                "brand.partners: expected a list such as [{name: ..., logo: ..., "
                "url: ...}]");
    return;
  }
  for (const auto& p : ps) {
    if (!p.is_map()) {
      diags.error(src.pos(p), "brand.partners: expected {name: ..., logo: ..., url: ...}");
      continue;
    }
    check_keys(p, {"name", "logo", "url"}, "partner", src, diags);
    model::Partner partner;
    for (const auto& kv : p)
      if (kv.first.scalar() == "name")
        partner.name = read_text(kv.first, kv.second, "brand.partners: name", src, diags);
    if (partner.name.empty())
      diags.error(src.pos(p), "brand.partners: a partner has no name: add `name: ...`");
    if (yaml::Node l = p["logo"]; l.is_defined() && !l.is_null()) {
      partner.logo = read_logo(l, "brand.partners: logo", src, diags);
      partner.logo_pos = src.pos(l);
    }
    if (yaml::Node u = p["url"]; u.is_defined() && !u.is_null()) {
      auto s = read_scalar(u, "brand.partners: url", src, diags).value_or("");
      if (!base::is_web_address(s))
        diags.error(src.pos(u),
                    "brand.partners: url: expected an address starting with https:// "
                    "or http://, not " +
                        quote(s));
      else
        partner.url = s;
    }
    c.brand.partners.push_back(std::move(partner));
  }
}
}  // namespace

model::SiteConfig read_config(std::string_view yaml, base::Diagnostics& diags) {
  model::SiteConfig c;
  const std::string path = c.source;
  if (!check_utf8(yaml, path, diags)) return c;
  YamlSource src{path, 0, &c.languages, yaml};
  auto parsed = parse_yaml(yaml, src, diags);
  if (!parsed) return c;
  const yaml::Node& root = *parsed;
  if (!root.is_map()) {
    if (!root.is_null())
      diags.error({path, 1, 1}, "carnet.yaml must be a map of settings (title, languages, ...)");
    return c;
  }
  check_keys(root, config_keys, "setting", src, diags);

  // Languages first: every text below is read against them.
  if (yaml::Node langs = root["languages"]; langs.is_defined()) {
    if (!langs.is_sequence() || langs.size() == 0) {
      diags.error(src.pos(langs),
                  "languages: expected a list such as [fr, en] (the first is the default)");
    } else {
      c.languages.clear();
      for (const auto& l : langs) {
        auto s = l.is_scalar() ? l.scalar() : std::string();
        if (!is_language_code(s)) {
          diags.error(src.pos(l),
                      "languages: " + quote(s) + " is not a language code such as fr or en");
          continue;
        }
        if (std::find(c.languages.begin(), c.languages.end(), s) != c.languages.end()) {
          diags.error(src.pos(l), "languages: " + quote(s) + " is listed twice");
          continue;
        }
        c.languages.push_back(s);
      }
      if (c.languages.empty()) c.languages = {"fr", "en"};
    }
  }
  auto text = [&](const yaml::Node& map, const char* key) {
    for (const auto& kv : map)
      if (kv.first.scalar() == key) return read_text(kv.first, kv.second, key, src, diags);
    return model::LocalizedText{};
  };
  c.title = text(root, "title");
  if (c.title.empty())
    diags.error({path, 1, 1}, "the site has no title: add `title: {fr: ..., en: ...}`");
  c.description = text(root, "description");
  if (yaml::Node b = root["base_url"]; b.is_defined()) {
    auto s = read_scalar(b, "base_url", src, diags).value_or("/");
    if (s.empty()) s = "/";
    if (!base::is_base_url(s))
      diags.error(
          src.pos(b),
          "base_url: expected an address such as https://org.github.io/site/, not " + quote(s));
    c.base_url = base::normalized_base_url(s);
    c.base_path = base::base_path_of(s);
  }
  if (yaml::Node d = root["default_language_in_subdir"]; d.is_defined()) {
    auto s = d.is_scalar() ? d.scalar() : "";
    if (s == "true")
      c.default_language_in_subdir = true;
    else if (s != "false")
      diags.error(src.pos(d), "default_language_in_subdir: expected true or false");
  }
  if (yaml::Node n = root["cname"]; n.is_defined()) {
    c.cname = read_scalar(n, "cname", src, diags).value_or("");
    if (c.cname.find_first_of("/: ") != std::string::npos)
      diags.error(src.pos(n),
                  "cname: expected a bare domain such as plans.example.org, not " + quote(c.cname));
  }
  if (yaml::Node o = root["organization"]; o.is_defined() && !o.is_null()) {
    if (!o.is_map()) {
      diags.error(
          src.pos(o),
          "organization: expected {name: ..., address: ..., email: ..., phone: ..., website: ...}");
    } else {
      check_keys(o, {"name", "address", "email", "phone", "website"}, "organization", src, diags);
      c.organization.name = text(o, "name");
      c.organization.address = text(o, "address");
      if (o["email"].is_defined())
        c.organization.email = read_scalar(o["email"], "email", src, diags).value_or("");
      if (o["phone"].is_defined())
        c.organization.phone = read_scalar(o["phone"], "phone", src, diags).value_or("");
      if (o["website"].is_defined()) {
        c.organization.website = read_scalar(o["website"], "website", src, diags).value_or("");
        // At the URL itself, inside its quotes if it has any.
        const yaml::Mark m = o["website"].mark();
        c.organization.website_pos = src.pos(m);
        if (m.pos >= 0 && static_cast<size_t>(m.pos) < src.text.size() &&
            (src.text[m.pos] == '"' || src.text[m.pos] == '\''))
          ++c.organization.website_pos.column;
      }
    }
  }
  if (yaml::Node b = root["booklet"]; b.is_defined() && !b.is_null()) {
    if (!b.is_map()) {
      diags.error(src.pos(b), "booklet: expected {paper: letter, formats: [pdf, epub, odt]}");
    } else {
      check_keys(b, {"paper", "formats", "imposition", "bilingual", "orientation"}, "booklet", src,
                 diags);
      auto choice = [&](const char* key, std::string& out,
                        const std::vector<std::string>& allowed) {
        yaml::Node n = b[key];
        if (!n.is_defined()) return;
        auto s = read_scalar(n, key, src, diags).value_or("");
        if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
          diags.error(src.pos(n), std::string("booklet.") + key + ": " + quote(s) +
                                      " is not one of " + base::join(allowed, ", "));
          return;
        }
        out = s;
      };
      choice("paper", c.booklet.paper, {"letter", "a4"});
      choice("orientation", c.booklet.orientation, {"portrait", "landscape"});
      choice("imposition", c.booklet.imposition, {"none", "saddle-stitch"});
      if (c.booklet.imposition == "none") c.booklet.imposition.clear();
      choice("bilingual", c.booklet.bilingual, {"none", "tete-beche"});
      if (c.booklet.bilingual == "none") c.booklet.bilingual.clear();
      if (yaml::Node f = b["formats"]; f.is_defined()) {
        c.booklet.formats.clear();
        if (!f.is_sequence()) {
          diags.error(src.pos(f),
                      "booklet.formats: expected a list such as [pdf, epub, odt], or [] for none");
        } else {
          for (const auto& item : f) {
            auto s = item.is_scalar() ? item.scalar() : "";
            if (s != "pdf" && s != "epub" && s != "odt" && s != "summary") {
              diags.error(src.pos(item), "booklet.formats: " + quote(s) +
                                             " is not one of pdf, epub, odt, summary");
              continue;
            }
            if (std::find(c.booklet.formats.begin(), c.booklet.formats.end(), s) ==
                c.booklet.formats.end())
              c.booklet.formats.push_back(s);
          }
        }
      }
    }
  }
  if (yaml::Node m = root["markdown"]; m.is_defined() && !m.is_null()) {
    if (!m.is_map()) {
      diags.error(src.pos(m), "markdown: expected {unsafe_html: false}");
    } else {
      check_keys(m, {"unsafe_html"}, "markdown", src, diags);
      if (yaml::Node u = m["unsafe_html"]; u.is_defined()) {
        auto s = u.is_scalar() ? u.scalar() : "";
        if (s == "true")
          c.unsafe_html = true;
        else if (s != "false")
          diags.error(src.pos(u), "markdown.unsafe_html: expected true or false");
      }
    }
  }
  if (yaml::Node s = root["search"]; s.is_defined()) {
    auto v = s.is_scalar() ? s.scalar() : "";
    if (v == "false")
      c.search = false;
    else if (v != "true")
      diags.error(src.pos(s), "search: expected true or false");
  }
  if (yaml::Node t = root["tracking"]; t.is_defined() && !t.is_null())
    read_tracking(t, src, c, diags);
  if (yaml::Node b = root["brand"]; b.is_defined() && !b.is_null()) read_brand(b, src, c, diags);
  if (yaml::Node p = root["params"]; p.is_defined()) c.params = to_value(p);
  return c;
}

}  // namespace carnet::load
