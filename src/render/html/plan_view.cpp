#include "render/html/plan_view.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/rel_path.hpp"
#include "base/slug.hpp"
#include "base/text.hpp"
#include "base/url.hpp"
#include "markdown/markdown.hpp"
#include "model/links.hpp"
#include "view/organisations.hpp"
#include "view/palette.hpp"
#include "view/plan_display.hpp"

namespace carnet::render::html {

namespace {

// Lays one plan's display view out as HTML; holds what every field needs.
class PlanPage {
 public:
  PlanPage(const RenderContext& ctx, const model::Plan& plan, const std::string& lang,
           const view::PlanDisplay& view)
      : ctx_(ctx),
        plan_(plan),
        view_(view),
        lang_(lang),
        url_(plan.url.count(lang) ? plan.url.at(lang) : std::string()),
        from_dir_(base::parent_dir(plan.source)),
        // Words every field or history line repeats, looked up once per page.
        colon_(ctx.word(lang, "colon")),
        arrow_(ctx.word(lang, "tracking_arrow")) {}

  mustache::data build() {
    mustache::data d;
    d.set("title_html", text(view_.title));
    d.set("title", view_.title.value);
    set_if(d, "period", view_.period);
    if (!view_.adopted.empty()) {
      d.set("adopted_long", view_.adopted);
      d.set("adopted_iso", view_.adopted_iso);
    }
    d.set("has_facts", !view_.period.empty() || !view_.adopted.empty());
    set_if(d, "summary_html", markdown(view_.summary));
    set_if(d, "intro_html", markdown(view_.intro));

    const auto& counts = view_.counts;
    auto count_list = list_data();
    for (size_t i = 0; i < view_.level_names.size(); ++i) {
      mustache::data c;
      c.set("level_html", text(view_.level_names[i]));
      c.set("count", std::to_string(i < counts.per_level.size() ? counts.per_level[i] : 0));
      push(count_list, std::move(c));
    }
    put(d, "counts", std::move(count_list));
    d.set("action_count", std::to_string(counts.actions));
    d.set("has_actions", counts.actions > 0);
    auto statuses = list_data();
    for (const auto& st : view_.statuses) {
      int n = counts.per_status.count(st.status) ? counts.per_status.at(st.status) : 0;
      mustache::data s;
      s.set("key", st.key);
      s.set("label", st.word);
      s.set("count", std::to_string(n));
      // A bar leads to the plan's actions of its status (the filters' query).
      s.set("linked", n > 0);
      s.set("percent",
            std::to_string(counts.actions ? (n * 100 + counts.actions / 2) / counts.actions : 0));
      push(statuses, std::move(s));
    }
    put(d, "statuses", std::move(statuses));

    // Tracking: as of when, how far along, what is late, what changed.
    d.set("as_of_line", view_.as_of_line);
    set_if(d, "as_of_iso", view_.as_of_iso);
    set_if(d, "progress_text", view_.progress_text);
    if (view_.progress) d.set("progress_value", std::to_string(std::lround(*view_.progress)));
    d.set("progress_rule", view_.progress_rule);
    d.set("late_count", std::to_string(counts.late));
    d.set("has_late", counts.late > 0);
    auto top = list_data();
    for (const auto& l : view_.levels) {
      if (!l.progress) continue;
      mustache::data t;
      t.set("href", "#" + l.id);
      t.set("label_html", text_label(l));
      t.set("title_html", text(l.title));
      t.set("progress_text", l.progress_text);
      t.set("progress_value", std::to_string(std::lround(*l.progress)));
      push(top, std::move(t));
    }
    d.set("has_level_progress", top.is_non_empty_list());
    put(d, "level_progress", std::move(top));
    set_if(d, "changes_html", changes_html());

    auto booklets = list_data();
    for (const auto& b : view_.booklets) {
      mustache::data e;
      e.set("format", b.format);
      e.set("href", base::relative_url(url_, b.path));
      e.set("label", b.label);
      e.set("mime", b.mime);
      push(booklets, std::move(e));
    }
    d.set("has_booklets", !view_.booklets.empty());
    // The plan as open data (PRODUCT.md §7): "Données ouvertes : CSV, JSON".
    auto data = list_data();
    const auto files = model::data_files(plan_, lang_);
    for (size_t i = 0; i < files.size(); ++i) {
      mustache::data e;
      e.set("format", files[i].format);
      e.set("label", files[i].label);
      e.set("href", base::relative_url(url_, files[i].path));
      e.set("mime", files[i].mime);
      e.set("last", i + 1 == files.size());
      push(data, std::move(e));
    }
    put(d, "data_files", std::move(data));
    put(d, "booklets", std::move(booklets));

    auto levels = list_data();
    auto toc = list_data();
    std::string toc_html;
    for (const auto& l : view_.levels) add_level(l, levels, toc, toc_html);
    d.set("has_toc", !view_.levels.empty());
    if (!toc_html.empty()) d.set("toc_html", "<ul>" + toc_html + "</ul>");
    put(d, "toc", std::move(toc));
    put(d, "levels", std::move(levels));
    set_filters(d);
    return d;
  }

 private:
  // A plain text, escaped, inside an element with its lang when it is not
  // the page's: straight into `out`, as plan pages hold thousands of them.
  static void append_text(std::string& out, const view::Text& t) {
    if (t.fallback) out += "<span lang=\"" + t.lang + "\">";
    base::html_escape_to(out, t.value);
    if (t.fallback) out += "</span>";
  }

  static std::string text(const view::Text& t) {
    std::string out;
    append_text(out, t);
    return out;
  }

  std::string markdown(const view::Text& t) const {
    if (base::trim(t.value).empty()) return {};
    markdown::Options o;
    o.unsafe_html = ctx_.site.config.unsafe_html;
    o.heading_ids = false;
    // Links were checked by load/; here they only take their URL in this language.
    o.rewrite_link = [this](const std::string& href, const markdown::LinkContext&) {
      return model::resolve_link(ctx_.site, from_dir_, url_, lang_, href).href;
    };
    return mark_lang(markdown::to_html(t.value, o).html, t.lang, lang_, true);
  }

  static void append_label(std::string& out, const std::string& label,
                           const std::string& label_lang) {
    if (!label_lang.empty()) out += "<span lang=\"" + label_lang + "\">";
    base::html_escape_to(out, label);
    if (!label_lang.empty()) out += "</span>";
  }

  // Dated notes: an action's, a level's, or new ones in the changes.
  void append_notes(std::string& out, const std::vector<view::NoteView>& notes) const {
    for (const auto& n : notes) {
      out += "<div class=\"note\">";
      if (!n.date.empty())
        out += "<p class=\"note-date\"><time datetime=\"" + n.date_iso + "\">" +
               base::html_escape(n.date) + "</time></p>";
      out += markdown(n.text) + "</div>";
    }
  }

  // One entry of a list field; an organisation's name links to its page.
  void append_item(std::string& out, const view::FieldView& f, size_t i) const {
    const view::Organisation* org =
        i < f.written.size() ? ctx_.organisations.find_org(f.written[i]) : nullptr;
    if (!org) {
      append_text(out, f.items[i]);
      return;
    }
    out += "<a class=\"org\" href=\"";
    base::html_escape_to(
        out, base::relative_url(url_, view::organisation_url(ctx_.site, lang_, org->slug)));
    out += "\">";
    append_text(out, f.items[i]);
    out += "</a>";
  }

  // A field's value, whatever its kind.
  void append_value(std::string& out, const view::FieldView& f) const {
    if (f.key == "year") {
      if (f.mark) out += "<span aria-hidden=\"true\">✓</span>";
      out += "<span class=\"visually-hidden\">";
      base::html_escape_to(out, f.mark_word);
      out += "</span>";
      return;
    }
    if (!f.notes.empty()) {
      append_notes(out, f.notes);
      return;
    }
    if (f.as_list()) {
      out += "<ul>";
      for (size_t i = 0; i < f.items.size(); ++i) {
        out += "<li>";
        append_item(out, f, i);
        out += "</li>";
      }
      out += "</ul>";
      return;
    }
    if (f.kind == model::FieldKind::organisations) {
      for (size_t i = 0; i < f.items.size(); ++i) append_item(out, f, i);
      return;
    }
    for (const auto& t : f.items) {
      if (t.markdown) {
        out += markdown(t);
      } else if (!f.iso.empty()) {
        out += "<time datetime=\"" + f.iso + "\">";
        append_text(out, t);
        out += "</time>";
      } else {
        append_text(out, t);
      }
    }
  }

  // An item's fields as a definition list: a level's texts, or an action's
  // fields that are not columns.
  std::string field_list(const std::vector<view::FieldView>& fields, const char* cls,
                         bool run_in = false) const {
    if (fields.empty()) return {};
    std::string out = "<dl class=\"";
    out += cls;
    out += "\">";
    for (const auto& f : fields) {
      out += "<div class=\"field field-" + f.key + "\"><dt>";
      append_label(out, f.label, f.label_lang);
      // Run-in labels (under an action's title) end with the language's colon.
      if (run_in) base::html_escape_to(out, colon_);
      out += "</dt><dd>";
      append_value(out, f);
      out += "</dd></div>";
    }
    return out + "</dl>";
  }

  std::string text_label(const view::LevelView& l) const {
    std::string label_html = text(l.level_name);
    if (!l.code.empty()) label_html += (label_html.empty() ? "" : " ") + base::html_escape(l.code);
    return label_html;
  }

  // The changes since the reference, grouped, each action linked to its row.
  std::string changes_html() const {
    if (!view_.changes) return {};
    const auto& c = *view_.changes;
    std::string out =
        "<section class=\"plan-changes\" aria-labelledby=\"changes\">\n<h2 id=\"changes\">";
    base::html_escape_to(out, c.heading);
    out += "</h2>\n";
    if (!c.none.empty()) {
      out += "<p>";
      base::html_escape_to(out, c.none);
      out += "</p>\n";
    }
    for (const auto& g : c.groups) {
      out += "<h3 class=\"changes-" + g.key + "\">";
      base::html_escape_to(out, g.title);
      out += "</h3>\n<ul class=\"changes\">\n";
      for (const auto& i : g.items) {
        out += "<li>";
        if (!i.removed) out += "<a href=\"#" + i.id + "\">";
        out += "<span class=\"code\">";
        base::html_escape_to(out, i.code);
        out += "</span> ";
        append_text(out, i.title);
        if (!i.removed) out += "</a>";
        if (!i.detail.empty()) {
          out += "<span class=\"change-detail\">";
          base::html_escape_to(out, colon_ + i.detail);
          out += "</span>";
        }
        append_notes(out, i.notes);
        out += "</li>\n";
      }
      out += "</ul>\n";
    }
    return out + "</section>\n";
  }

  // The dated status changes of an action, under its other fields.
  std::string history_html(const view::ActionView& a) const {
    if (a.history.empty()) return {};
    std::string out = "<div class=\"status-history\"><p class=\"history-title\">";
    base::html_escape_to(out, ctx_.word(lang_, "tracking_history"));
    out += "</p><ol>";
    for (const auto& h : a.history) {
      out += "<li><time datetime=\"" + h.date_iso + "\">";
      base::html_escape_to(out, h.date);
      out += "</time>";
      base::html_escape_to(out, colon_);
      if (!h.from.empty()) {
        base::html_escape_to(out, h.from);
        base::html_escape_to(out, arrow_);
      }
      base::html_escape_to(out, h.to);
      out += "</li>";
    }
    return out + "</ol></div>";
  }

  void add_level(const view::LevelView& l, mustache::data& levels, mustache::data& toc,
                 std::string& toc_html) {
    levels_.push_back(l.id);
    mustache::data m;
    std::string level_html = text(l.level_name);
    std::string title_html = text(l.title);
    std::string label_html = text_label(l);
    m.set("id", l.id);
    set_if(m, "progress_text", l.progress_text);
    if (l.progress) m.set("progress_value", std::to_string(std::lround(*l.progress)));
    m.set("depth", std::to_string(l.depth));
    // Headings follow depth: h2 for the outermost level, never past h6.
    const char tag[3] = {'h', static_cast<char>('0' + std::clamp(l.depth + 2, 2, 6)), 0};
    m.set("tag", tag);
    m.set("level_name_html", level_html);
    m.set("label_html", label_html);
    m.set("code", l.code);
    m.set("title_html", title_html);
    set_if(m, "description_html", markdown(l.description));
    set_if(m, "fields_html", field_list(l.fields, "fields"));

    m.set("has_actions", !l.actions.empty());
    if (!l.actions.empty()) {
      auto columns = list_data();
      {
        mustache::data c;
        c.set("key", "title");
        c.set("label_html", base::html_escape(ctx_.word(lang_, "field_title")));
        push(columns, std::move(c));
      }
      {
        mustache::data c;
        c.set("key", "status");
        c.set("label_html", base::html_escape(ctx_.word(lang_, "field_status")));
        push(columns, std::move(c));
      }
      for (const auto& col : view_.columns) {
        mustache::data c;
        c.set("key", col.key);
        std::string label;
        append_label(label, col.key == "year" ? col.year : col.label, col.label_lang);
        c.set("label_html", label);
        push(columns, std::move(c));
      }
      put(m, "columns", std::move(columns));
      m.set("title_label", ctx_.word(lang_, "field_title"));
      const std::string status_label = ctx_.word(lang_, "field_status");
      auto rows = list_data();
      for (const auto& a : l.actions) {
        mustache::data r;
        r.set("id", a.id);
        r.set("code", a.code);
        r.set("title_html", text(a.title));
        r.set("status_key", a.status.key);
        r.set("filter_attrs", filter_attributes(a));
        set_if(r, "more_html", field_list(a.more, "more", true) + history_html(a));
        // The data cells as one string: a list of small objects per row
        // would make most of the page's cost (see docs/theme.md).
        std::string cells;
        cells.reserve(2048);
        cells += "<td class=\"col-status\" data-label=\"";
        base::html_escape_to(cells, status_label);
        // The mark names the status by its shape, as on paper: a badge's
        // colour alone is lost in grey scale and to colour-blind readers.
        cells += "\"><span class=\"status status-" + a.status.key +
                 "\"><span class=\"status-mark\" aria-hidden=\"true\">";
        cells += view::status_mark(a.status.status);
        cells += "</span> ";
        base::html_escape_to(cells, a.status.word);
        cells += "</span>";
        if (a.late) {
          cells += " <span class=\"late\">";
          base::html_escape_to(cells, a.late_word);
          cells += "</span>";
        }
        cells += "</td>\n";
        for (size_t c = 0; c < a.cells.size(); ++c) {
          const auto& cell = a.cells[c];
          const auto& col = view_.columns[c];
          cells += "<td class=\"col-";
          cells += col.key;
          // On a phone's card a year the action does not run would be a
          // label over nothing: the stylesheet hides these cells there.
          if (col.key == "year" && !cell.mark) cells += " year-no";
          cells += "\" data-label=\"";
          base::html_escape_to(cells, col.key == "year" ? col.year : col.label);
          cells += "\">";
          append_value(cells, cell);
          cells += "</td>\n";
        }
        r.set("cells_html", cells);
        push(rows, std::move(r));
      }
      put(m, "actions", std::move(rows));
    }
    push(levels, std::move(m));

    mustache::data t;
    t.set("href", "#" + l.id);
    t.set("depth", std::to_string(l.depth));
    t.set("code", l.code);
    t.set("level_name_html", level_html);
    t.set("label_html", label_html);
    t.set("title_html", title_html);
    push(toc, std::move(t));
    // A list without numbers: the code is the number, shown once.
    toc_html += "<li><a href=\"#" + l.id + "\">" + label_html + " — " + title_html + "</a>";
    if (!l.children.empty()) {
      toc_html += "<ul>";
      for (const auto& c : l.children) add_level(c, levels, toc, toc_html);
      toc_html += "</ul>";
    }
    toc_html += "</li>";
    levels_.pop_back();
  }

  // The filter bar's choices (PRODUCT.md §8): statuses that some action has,
  // the organisations named, the plan's years, its top-level items, and
  // "late only" when something is late. The bar is hidden in the HTML; the
  // script shows it, so that a page read without JavaScript shows everything
  // and offers no control that would do nothing.
  void set_filters(mustache::data& d) const {
    const auto& counts = view_.counts;
    if (counts.actions == 0) return;
    mustache::data f;
    auto statuses = list_data();
    for (const auto& st : view_.statuses) {
      if (!counts.per_status.count(st.status) || counts.per_status.at(st.status) == 0) continue;
      mustache::data s;
      s.set("value", st.key);
      s.set("label", st.word);
      push(statuses, std::move(s));
    }
    put(f, "statuses", std::move(statuses));
    auto orgs = list_data();
    for (const auto& [slug, name] : organisations_) {
      mustache::data o;
      o.set("value", slug);
      o.set("label", name);
      push(orgs, std::move(o));
    }
    f.set("has_orgs", !organisations_.empty());
    put(f, "orgs", std::move(orgs));
    auto years = list_data();
    for (const auto& y : view_.years) {
      mustache::data o;
      o.set("value", y);
      o.set("label", y);
      push(years, std::move(o));
    }
    f.set("has_years", !view_.years.empty());
    put(f, "years", std::move(years));
    auto tops = list_data();
    for (const auto& l : view_.levels) {
      mustache::data o;
      o.set("value", l.id);
      o.set("label", view::heading_text(l));
      push(tops, std::move(o));
    }
    f.set("has_tops", view_.levels.size() > 1);
    put(f, "tops", std::move(tops));
    if (!view_.level_names.empty()) f.set("top_label_html", text(view_.level_names.front()));
    f.set("has_late", counts.late > 0);
    f.set("total", std::to_string(counts.actions));
    put(d, "filters", std::move(f));
  }

  // What the filter script reads on an action's row, from the view: its
  // status, the organisations it names (slugs), the years it runs, its
  // top-level item, every level it is in, and whether it is late.
  std::string filter_attributes(const view::ActionView& a) {
    std::string out = " data-status=\"" + a.status.key + "\"";
    std::string slugs;
    for (size_t i = 0; i < a.organisations.size(); ++i) {
      // The organisation page's slug (PRODUCT.md §8), so that `?org=SLUG`
      // names the same organisation everywhere and its aliases filter as
      // one; the option reads as the organisation's page names it.
      const view::Organisation* org = i < a.organisations_written.size()
                                          ? ctx_.organisations.find_org(a.organisations_written[i])
                                          : nullptr;
      std::string slug = org ? org->slug : base::slugify(a.organisations[i]);
      if (slug.empty()) continue;
      std::string name = a.organisations[i];
      if (org && !org->name.empty())
        name = org->name.get(lang_, ctx_.site.config.default_language());
      organisations_.emplace(slug, std::move(name));
      if ((" " + slugs + " ").find(" " + slug + " ") != std::string::npos) continue;
      slugs += (slugs.empty() ? "" : " ") + slug;
    }
    out += " data-org=\"" + base::html_escape(slugs) + "\"";
    std::string years;
    for (const auto& y : a.years) years += (years.empty() ? "" : " ") + y;
    out += " data-year=\"" + base::html_escape(years) + "\"";
    std::string levels;
    for (const auto& id : levels_) levels += (levels.empty() ? "" : " ") + id;
    out += " data-top=\"" + (levels_.empty() ? std::string() : levels_.front()) + "\"";
    out += " data-levels=\"" + levels + "\"";
    if (a.late) out += " data-late=\"1\"";
    return out;
  }

  const RenderContext& ctx_;
  const model::Plan& plan_;
  const view::PlanDisplay& view_;
  const std::string& lang_;
  std::string url_;
  std::string from_dir_;
  std::string colon_, arrow_;
  std::vector<std::string> levels_;  // the ids of the levels being laid out, outermost first
  std::map<std::string, std::string> organisations_;  // slug → its name in the page language
};

}  // namespace

mustache::data plan_view(const RenderContext& ctx, const model::Plan& plan, const std::string& lang,
                         const view::PlanDisplay& display) {
  return PlanPage(ctx, plan, lang, display).build();
}

}  // namespace carnet::render::html
