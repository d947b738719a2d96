#include "render/booklet/outline.hpp"

#include <cstdint>
#include <cstdio>

#include "markdown/markdown.hpp"
#include "model/links.hpp"

namespace carnet::render::booklet {

std::string SectionEntry::label() const {
  if (level_name.empty()) return code;
  return code.empty() ? level_name : level_name + " " + code;
}

namespace {

struct Builder {
  const model::Site& site;
  const model::Plan& plan;
  std::string lang;
  std::string fallback;

  std::string text(const model::LocalizedText& t, std::string* shown_lang = nullptr) const {
    std::string shown;
    const std::string& out = t.get(lang, fallback, &shown);
    if (shown_lang) *shown_lang = shown == lang ? "" : shown;
    return out;
  }

  // A link in a plan's Markdown, made absolute: a booklet is read away from
  // the site, so "../rapports/x.fr.md" must become the page's full URL.
  std::string absolute_link(const std::string& href) const {
    const std::string& base = site.config.base_url;
    if (href.empty() || href[0] == '#') return "";
    if (href[0] == '/' && href.rfind("//", 0) != 0) return base + href.substr(1);
    auto plan_url = plan.url.find(lang);
    std::string from_url = plan_url != plan.url.end() ? plan_url->second : "";
    std::string from_dir = plan.dir.empty() ? "content" : "content/" + plan.dir;
    auto r = model::resolve_link(site, from_dir, from_url, lang, href);
    std::string fragment = r.fragment.empty() ? "" : "#" + r.fragment;
    if (r.page) return base + site.pages[*r.page].url + fragment;
    if (r.plan) {
      const auto& target = site.plans[*r.plan];
      auto u = target.url.find(lang);
      return base + (u != target.url.end() ? u->second : std::string()) + fragment;
    }
    if (href.find(':') != std::string::npos) return href;  // has a scheme
    return base + from_url + href;
  }

  Blocks markdown_blocks(const model::LocalizedText& t) const {
    std::string shown;
    const std::string& md = t.get(lang, fallback, &shown);
    if (md.empty()) return {};
    markdown::Options options;
    options.unsafe_html = false;  // raw HTML has no place on paper
    options.heading_ids = false;
    options.rewrite_link = [this](const std::string& url, const markdown::LinkContext&) {
      return absolute_link(url);
    };
    Blocks blocks = markdown_to_blocks(md, options);
    if (shown != lang)
      for (auto& b : blocks) b.lang = shown;
    return blocks;
  }

  // A list field: one item per entry (each entry is short Markdown).
  Blocks list_blocks(const std::vector<model::LocalizedText>& items, bool bullets) const {
    Blocks out;
    for (const auto& item : items) {
      for (auto b : markdown_blocks(item)) {
        if (bullets && b.kind == Block::Kind::paragraph) b.kind = Block::Kind::item;
        out.push_back(std::move(b));
      }
    }
    return out;
  }

  std::vector<NoteEntry> notes(const std::vector<model::Note>& notes) const {
    std::vector<NoteEntry> out;
    for (const auto& n : notes) {
      NoteEntry e;
      if (n.date) e.date = n.date->format_long(lang);
      e.text = markdown_blocks(n.text);
      out.push_back(std::move(e));
    }
    return out;
  }

  Blocks cell(const model::Action& a, const std::string& field) const {
    if (field == "due")
      return a.due ? Blocks{paragraph(due_text(*a.due, lang, fallback))} : Blocks{};
    if (field == "years") {
      Blocks out;
      for (const auto& y : a.years) out.push_back(paragraph(y));
      return out;
    }
    // One lead or partner reads fine alone; several read as a list.
    if (field == "leads") return list_blocks(a.leads, a.leads.size() > 1);
    if (field == "partners") return list_blocks(a.partners, a.partners.size() > 1);
    if (field == "results") return list_blocks(a.results, a.results.size() > 1);
    if (field == "indicators") return list_blocks(a.indicators, a.indicators.size() > 1);
    if (field == "follow_up") return list_blocks(a.follow_up, a.follow_up.size() > 1);
    if (field == "progress")
      return a.progress ? Blocks{paragraph(percent_text(*a.progress, lang))} : Blocks{};
    if (field == "details") return markdown_blocks(a.details);
    if (field == "strategy") return markdown_blocks(a.strategy);
    if (field == "notes") {
      Blocks out;
      for (auto& n : notes(a.notes)) {
        bool first = true;
        for (auto& b : n.text) {
          if (first && !n.date.empty()) {
            Span date{n.date + " : "};
            if (lang != "fr") date.text = n.date + ": ";
            date.bold = true;
            b.text.insert(b.text.begin(), date);
          }
          first = false;
          out.push_back(std::move(b));
        }
      }
      return out;
    }
    return {};
  }

  ActionEntry action(const model::Action& a) const {
    ActionEntry e;
    e.anchor = "action-" + a.id;
    e.code = a.code;
    e.title = text(a.title, &e.title_lang);
    e.status = a.status;
    e.status_label = status_label(a.status, lang);
    e.progress = a.progress;
    if (a.progress) e.progress_text = percent_text(*a.progress, lang);
    e.details = markdown_blocks(a.details);
    for (const auto& c : plan.columns) e.cells.push_back(cell(a, c));
    e.notes = notes(a.notes);
    return e;
  }

  SectionEntry section(const model::PlanSection& s) const {
    SectionEntry e;
    e.anchor = "section-" + s.id;
    e.depth = s.depth;
    if (static_cast<size_t>(s.depth) < plan.levels.size())
      e.level_name = text(plan.levels[s.depth]);
    e.code = s.code;
    e.title = text(s.title, &e.title_lang);
    e.description = markdown_blocks(s.description);
    auto add_field = [&](const std::string& field, Blocks blocks) {
      if (!blocks.empty())
        e.fields.push_back({field, field_label(plan, field, lang, fallback), std::move(blocks)});
    };
    add_field("strategy", markdown_blocks(s.strategy));
    add_field("results", list_blocks(s.results, true));
    add_field("indicators", list_blocks(s.indicators, true));
    add_field("follow_up", list_blocks(s.follow_up, true));
    e.notes = notes(s.notes);
    for (const auto& a : s.actions) e.actions.push_back(action(a));
    for (const auto& c : s.sections) e.children.push_back(section(c));
    e.counts = model::count_section(s, plan.levels.size());
    return e;
  }
};

// A name-based UUID (version 5 layout, FNV-1a instead of SHA-1: it only has
// to be stable and distinct per plan and language, not cryptographic).
std::string stable_uuid(const std::string& name) {
  uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
  for (unsigned char c : name) {
    h1 = (h1 ^ c) * 0x100000001b3ULL;
    h2 = (h2 ^ c) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
  }
  h1 = (h1 & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000005000ULL;  // version 5
  h2 = (h2 & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(h1 >> 32),
                static_cast<unsigned>((h1 >> 16) & 0xFFFF), static_cast<unsigned>(h1 & 0xFFFF),
                static_cast<unsigned>(h2 >> 48),
                static_cast<unsigned long long>(h2 & 0xFFFFFFFFFFFFULL));
  return buf;
}

}  // namespace

Booklet build_outline(const model::Site& site, const model::Plan& plan, const std::string& lang) {
  const std::string& fallback = site.config.default_language();
  Builder b{site, plan, lang, fallback};
  Booklet out;
  out.lang = lang;
  out.words = words(lang);
  out.title = b.text(plan.title);
  out.organization = b.text(site.config.organization.name);
  if (auto address = b.text(site.config.organization.address); !address.empty())
    out.organization_lines.push_back(address);
  for (const auto* line : {&site.config.organization.email, &site.config.organization.phone,
                           &site.config.organization.website})
    if (!line->empty()) out.organization_lines.push_back(*line);
  if (plan.period_start && plan.period_end && *plan.period_start != *plan.period_end)
    out.period = std::to_string(*plan.period_start) + "\u2013" + std::to_string(*plan.period_end);
  else if (plan.period_start)
    out.period = std::to_string(*plan.period_start);
  if (plan.adopted) out.adopted = out.words.adopted_on + " " + plan.adopted->format_long(lang);
  out.date_iso =
      plan.adopted && plan.adopted->month && plan.adopted->day ? plan.adopted->iso()
      : plan.adopted
          ? base::Date{plan.adopted->year, plan.adopted->month ? plan.adopted->month : 1, 1}.iso()
          : std::string("2000-01-01");
  if (auto u = plan.url.find(lang); u != plan.url.end()) out.url = site.config.base_url + u->second;
  out.identifier = "urn:uuid:" + stable_uuid(plan.source + "#" + lang);
  out.summary = b.markdown_blocks(plan.summary);
  out.intro = b.markdown_blocks(plan.intro);
  for (const auto& l : plan.levels) out.level_names.push_back(b.text(l));
  for (const auto& c : plan.columns) {
    out.columns.push_back({c, field_label(plan, c, lang, fallback)});
    if (c == "notes") out.notes_after_table = false;
    if (c == "details") out.details_with_title = false;
  }
  for (const auto& s : plan.sections) out.sections.push_back(b.section(s));
  out.counts = model::count_plan(plan);
  for (auto st : model::all_statuses) out.status_labels.push_back(status_label(st, lang));
  return out;
}

}  // namespace carnet::render::booklet
