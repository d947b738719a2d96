#include "render/booklet/outline.hpp"

#include <cstdint>
#include <cstdio>

#include "base/hash.hpp"
#include "markdown/markdown.hpp"
#include "model/links.hpp"
#include "view/plan_display.hpp"

namespace carnet::render::booklet {

Blocks labelled_blocks(const FieldEntry& field, const std::string& colon) {
  Blocks out = field.blocks;
  Span label{field.label + colon};
  label.bold = true;
  if (!out.empty() && out.front().kind == Block::Kind::paragraph && !out.front().heading) {
    out.front().text.insert(out.front().text.begin(), label);
  } else {
    Block lead;
    lead.text.push_back(label);
    lead.lang = field.label_lang;
    out.insert(out.begin(), std::move(lead));
  }
  return out;
}

Blocks change_blocks(const ChangeGroupEntry& group, const std::string& colon) {
  Blocks out;
  for (const auto& item : group.items) {
    Block b;
    b.kind = Block::Kind::item;
    b.lang = item.title_lang;
    Span name{item.code.empty() ? item.title : item.code + " " + item.title};
    name.bold = true;
    // A removed action is no longer in the booklet: struck through, so that
    // it does not read as one of the plan's (the group's title says why).
    name.italic = name.strike = item.removed;
    b.text.push_back(std::move(name));
    if (!item.detail.empty()) b.text.push_back(Span{colon + item.detail});
    out.push_back(std::move(b));
    for (const auto& n : item.notes) out.push_back(n);
  }
  return out;
}

std::string SectionEntry::label() const {
  if (level_name.empty()) return code;
  return code.empty() ? level_name : level_name + " " + code;
}

namespace {

struct Builder {
  const model::Site& site;
  const model::Plan& plan;
  const view::PlanDisplay& view;
  std::string lang;

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

  Blocks markdown_blocks(const view::Text& t) const {
    if (t.value.empty()) return {};
    markdown::Options options;
    options.unsafe_html = false;  // raw HTML has no place on paper
    options.heading_ids = false;
    options.rewrite_link = [this](const std::string& url, const markdown::LinkContext&) {
      return absolute_link(url);
    };
    Blocks blocks = markdown_to_blocks(t.value, options);
    if (t.fallback)
      for (auto& b : blocks) b.lang = t.lang;
    return blocks;
  }

  Blocks text_blocks(const view::Text& t) const {
    if (t.markdown) return markdown_blocks(t);
    Block b = paragraph(t.value);
    if (t.fallback) b.lang = t.lang;
    return {b};
  }

  // Notes, each led by its date in bold: "mars 2022 : ...".
  Blocks dated_notes(const std::vector<view::NoteView>& list) const {
    Blocks out;
    for (const auto& n : list) {
      Blocks text = markdown_blocks(n.text);
      if (text.empty() && !n.date.empty()) text.push_back(paragraph(""));
      if (!n.date.empty()) {
        Span date{n.date + site.words.get(lang, "colon")};
        date.bold = true;
        text.front().text.insert(text.front().text.begin(), date);
      }
      for (auto& b : text) out.push_back(std::move(b));
    }
    return out;
  }

  // A field's value as blocks, whatever its kind. `lists`: a list kind reads
  // as a list even with one entry (a level's results); else one lead reads
  // fine alone and several read as a list.
  Blocks value_blocks(const view::FieldView& f, bool lists = false) const {
    if (!f.notes.empty()) return dated_notes(f.notes);
    Blocks out;
    const bool list_kind =
        f.kind == model::FieldKind::texts || f.kind == model::FieldKind::organisations;
    const bool bullets = lists ? list_kind : f.as_list() && f.items.size() > 1;
    for (const auto& t : f.items)
      for (auto b : text_blocks(t)) {
        if (bullets && b.kind == Block::Kind::paragraph) b.kind = Block::Kind::item;
        out.push_back(std::move(b));
      }
    return out;
  }

  // Every field the view gives, none dropped: an empty one is one the item
  // does not have.
  std::vector<FieldEntry> fields(const std::vector<view::FieldView>& list, bool lists) const {
    std::vector<FieldEntry> out;
    for (const auto& f : list)
      if (Blocks blocks = value_blocks(f, lists); !blocks.empty())
        out.push_back({f.key, f.label, f.label_lang, std::move(blocks)});
    return out;
  }

  CellEntry cell(const view::FieldView& f) const {
    if (f.key == "year") return {{}, true, f.mark, f.mark_word};
    return {value_blocks(f), false, false, ""};
  }

  ActionEntry action(const view::ActionView& a) const {
    ActionEntry e;
    e.anchor = "action-" + a.id;
    e.code = a.code;
    e.title = a.title.value;
    if (a.title.fallback) e.title_lang = a.title.lang;
    e.status = a.status.status;
    e.status_label = a.status.word;
    e.late = a.late;
    e.late_word = a.late ? a.late_word : "";
    for (const auto& c : a.cells) e.cells.push_back(cell(c));
    e.more = fields(a.more, false);
    if (!a.history.empty()) e.more.push_back(history(a.history));
    return e;
  }

  // The dated status changes, one item each: "14 juin 2012 : Prévue → En cours".
  FieldEntry history(const std::vector<view::StatusChangeView>& list) const {
    const std::string colon = site.words.get(lang, "colon");
    const std::string arrow = site.words.get(lang, "tracking_arrow");
    FieldEntry f{"history", site.words.get(lang, "tracking_history"), "", {}};
    for (const auto& h : list) {
      Block b = paragraph(h.date + colon + (h.from.empty() ? "" : h.from + arrow) + h.to);
      b.kind = Block::Kind::item;
      f.blocks.push_back(std::move(b));
    }
    return f;
  }

  ChangesEntry changes(const view::ChangesView& c) const {
    ChangesEntry out;
    out.heading = c.heading;
    out.none = c.groups.empty() ? c.none : "";
    for (const auto& g : c.groups) {
      ChangeGroupEntry group{g.key, g.title, {}};
      for (const auto& i : g.items) {
        ChangeEntry e;
        e.code = i.code;
        e.title = i.title.value;
        if (i.title.fallback) e.title_lang = i.title.lang;
        e.detail = i.detail;
        e.notes = dated_notes(i.notes);
        e.removed = i.removed;
        group.items.push_back(std::move(e));
      }
      out.groups.push_back(std::move(group));
    }
    return out;
  }

  SectionEntry section(const view::LevelView& s) const {
    SectionEntry e;
    e.anchor = "section-" + s.id;
    e.depth = s.depth;
    e.level_name = s.level_name.value;
    e.code = s.code;
    e.title = s.title.value;
    if (s.title.fallback) e.title_lang = s.title.lang;
    e.description = markdown_blocks(s.description);
    e.fields = fields(s.fields, true);
    for (const auto& a : s.actions) e.actions.push_back(action(a));
    for (const auto& c : s.children) e.children.push_back(section(c));
    e.counts = s.counts;
    e.progress = s.progress;
    e.progress_text = s.progress_text;
    if (!s.progress_text.empty())
      e.progress_line = site.words.get(lang, "tracking_progress") + site.words.get(lang, "colon") +
                        s.progress_text;
    return e;
  }
};

// "2013-09" → "2013-09-01", "2013" → "2013-01-01": metadata wants a day.
std::string full_date(std::string iso) {
  if (iso.size() == 4) iso += "-01";
  if (iso.size() == 7) iso += "-01";
  return iso;
}

}  // namespace

Booklet booklet_for(const model::Site& site, const std::string& lang) {
  const std::string& fallback = site.config.default_language();
  Booklet out;
  out.lang = lang;
  out.words = words(site.words, lang);
  out.brand = brand_entry(site, lang);
  out.organization = site.config.organization.name.get(lang, fallback);
  if (auto address = site.config.organization.address.get(lang, fallback); !address.empty())
    out.organization_lines.push_back(address);
  for (const auto* line : {&site.config.organization.email, &site.config.organization.phone,
                           &site.config.organization.website})
    if (!line->empty()) out.organization_lines.push_back(*line);
  return out;
}

Booklet build_outline(const model::Site& site, const model::Plan& plan, const std::string& lang) {
  const view::PlanDisplay view = view::display_plan(site, plan, lang);
  Builder b{site, plan, view, lang};
  Booklet out = booklet_for(site, lang);
  out.title = view.title.value;
  out.period = view.period;
  if (!view.adopted.empty()) out.adopted = out.words.adopted_on + " " + view.adopted;
  out.as_of_line = view.as_of_line;
  out.as_of_iso = view.as_of_iso;
  // The statuses' date is the content's date; without it, the adoption's.
  out.date_iso = !view.as_of_iso.empty() ? full_date(view.as_of_iso)
                 : plan.adopted          ? full_date(plan.adopted->iso())
                                         : std::string("2000-01-01");
  if (auto u = plan.url.find(lang); u != plan.url.end()) out.url = site.config.base_url + u->second;
  out.identifier = "urn:uuid:" + base::stable_uuid(plan.source + "#" + lang);
  out.summary = b.markdown_blocks(view.summary);
  out.intro = b.markdown_blocks(view.intro);
  for (const auto& l : view.level_names) out.level_names.push_back(l.value);
  out.years_label = field_label(plan, "years", lang, site.config.default_language(), site.words);
  for (const auto& c : view.columns) {
    const bool year = c.key == "year";
    out.columns.push_back({c.key, year ? c.year : c.label, year ? "" : c.label_lang, year});
  }
  for (const auto& l : view.levels) out.sections.push_back(b.section(l));
  out.counts = view.counts;
  out.progress = view.progress;
  out.progress_text = view.progress_text;
  out.progress_rule = view.progress_rule;
  if (view.changes) out.changes = b.changes(*view.changes);
  for (const auto& st : view.statuses) out.status_labels.push_back(st.word);
  return out;
}

}  // namespace carnet::render::booklet
