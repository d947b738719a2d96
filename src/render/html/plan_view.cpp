#include "render/html/plan_view.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "base/url.hpp"
#include "markdown/markdown.hpp"
#include "model/links.hpp"

namespace carnet::render::html {

namespace {

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

const char* mime_of(const std::string& format) {
  if (format == "pdf") return "application/pdf";
  if (format == "epub") return "application/epub+zip";
  if (format == "odt") return "application/vnd.oasis.opendocument.text";
  return "application/octet-stream";
}

// Builds one plan page; holds what every field needs.
class PlanView {
 public:
  PlanView(const RenderContext& ctx, const model::Plan& plan, const std::string& lang)
      : ctx_(ctx),
        plan_(plan),
        lang_(lang),
        def_(ctx.default_lang()),
        url_(plan.url.count(lang) ? plan.url.at(lang) : std::string()),
        from_dir_(dir_of(plan.source)) {}

  mustache::data build() {
    mustache::data d;
    d.set("title_html", text(plan_.title));
    d.set("title", text_plain(plan_.title, lang_, def_));
    std::string period = plan_period(plan_);
    set_if(d, "period", period);
    if (plan_.adopted) {
      d.set("adopted_long", plan_.adopted->format_long(lang_));
      d.set("adopted_iso", plan_.adopted->iso());
    }
    d.set("has_facts", !period.empty() || plan_.adopted.has_value());
    set_if(d, "summary_html", markdown(plan_.summary));
    set_if(d, "intro_html", markdown(plan_.intro));

    auto counts = model::count_plan(plan_);
    auto count_list = list_data();
    for (size_t i = 0; i < plan_.levels.size(); ++i) {
      mustache::data c;
      c.set("level_html", text(plan_.levels[i]));
      c.set("count", std::to_string(i < counts.per_level.size() ? counts.per_level[i] : 0));
      push(count_list, std::move(c));
    }
    put(d, "counts", std::move(count_list));
    d.set("action_count", std::to_string(counts.actions));
    d.set("has_actions", counts.actions > 0);
    auto statuses = list_data();
    for (model::Status st : model::all_statuses) {
      int n = counts.per_status[st];
      mustache::data s;
      s.set("key", model::status_name(st));
      s.set("label", status_label(st));
      s.set("count", std::to_string(n));
      s.set("percent",
            std::to_string(counts.actions ? (n * 100 + counts.actions / 2) / counts.actions : 0));
      push(statuses, std::move(s));
    }
    put(d, "statuses", std::move(statuses));

    auto booklets = list_data();
    for (const auto& format : ctx_.site.config.booklet.formats) {
      mustache::data b;
      b.set("format", format);
      b.set("href", base::relative_url(url_, model::booklet_path(plan_, lang_, format)));
      const std::string label = ctx_.word(lang_, "booklet_" + format);
      b.set("label", label == "booklet_" + format ? base::to_lower_ascii(format) : label);
      b.set("mime", mime_of(format));
      push(booklets, std::move(b));
    }
    // The printer's PDFs, when the site asks for them (booklet.imposition,
    // booklet.bilingual): a communications agent sends these to the print shop.
    const auto& settings = ctx_.site.config.booklet;
    auto add_print = [&](const std::string& path, const char* key) {
      mustache::data b;
      b.set("format", std::string("pdf"));
      b.set("href", base::relative_url(url_, path));
      b.set("label", ctx_.word(lang_, key));
      b.set("mime", mime_of("pdf"));
      push(booklets, std::move(b));
    };
    if (settings.imposition == "saddle-stitch")
      add_print(model::imposed_path(plan_, lang_), "booklet_saddle_stitch");
    if (settings.bilingual == "tete-beche" && ctx_.site.config.languages.size() >= 2)
      add_print(model::tete_beche_path(ctx_.site, plan_), "booklet_tete_beche");
    d.set("has_booklets",
          !settings.formats.empty() || !settings.imposition.empty() || !settings.bilingual.empty());
    put(d, "booklets", std::move(booklets));

    columns_ = column_list();
    auto levels = list_data();
    auto toc = list_data();
    std::string toc_html;
    for (const auto& s : plan_.sections) add_level(s, levels, toc, toc_html);
    d.set("has_toc", !plan_.sections.empty());
    if (!toc_html.empty()) d.set("toc_html", "<ol>" + toc_html + "</ol>");
    put(d, "toc", std::move(toc));
    put(d, "levels", std::move(levels));
    return d;
  }

 private:
  struct Column {
    std::string key;    // a field, or "year" for one column of the year grid
    std::string year;   // for "year"
    std::string label;  // plain text, for data-label
    std::string label_html;
  };

  std::string text(const model::LocalizedText& t) const { return text_html(t, lang_, def_); }

  std::string markdown(const model::LocalizedText& t) const {
    std::string shown;
    const std::string& src = t.get(lang_, def_, &shown);
    if (base::trim(src).empty()) return {};
    markdown::Options o;
    o.unsafe_html = ctx_.site.config.unsafe_html;
    o.heading_ids = false;
    // Links were checked by load/; here they only take their URL in this language.
    o.rewrite_link = [this](const std::string& href, const markdown::LinkContext&) {
      return model::resolve_link(ctx_.site, from_dir_, url_, lang_, href).href;
    };
    return mark_lang(markdown::to_html(src, o).html, shown, lang_, true);
  }

  std::string status_label(model::Status st) const {
    return ctx_.word(lang_, std::string("status_") + model::status_name(st));
  }

  // A field's label: the plan's own name for it, else the theme's.
  std::pair<std::string, std::string> label(const std::string& field) const {
    auto it = plan_.labels.find(field);
    if (it != plan_.labels.end() && !it->second.empty())
      return {text_plain(it->second, lang_, def_), text(it->second)};
    const std::string w = ctx_.word(lang_, "field_" + field);
    return {w, base::html_escape(w)};
  }

  // Appends a plain text, escaped and marked with its lang when it is not
  // the page's: straight into `out`, as plan pages hold thousands of them.
  void append_text(std::string& out, const model::LocalizedText& t) const {
    std::string shown;
    const std::string& s = t.get(lang_, def_, &shown);
    const bool other = !s.empty() && shown != lang_;
    if (other) out += "<span lang=\"" + shown + "\">";
    base::html_escape_to(out, s);
    if (other) out += "</span>";
  }

  void append_items(std::string& out, const std::vector<model::LocalizedText>& list,
                    bool inline_single) const {
    if (list.empty()) return;
    if (list.size() == 1 && inline_single) return append_text(out, list[0]);
    out += "<ul>";
    for (const auto& t : list) {
      out += "<li>";
      append_text(out, t);
      out += "</li>";
    }
    out += "</ul>";
  }

  std::string items(const std::vector<model::LocalizedText>& list, bool inline_single) const {
    std::string out;
    append_items(out, list, inline_single);
    return out;
  }

  std::string notes(const std::vector<model::Note>& list) const {
    std::string out;
    for (const auto& n : list) {
      out += "<div class=\"note\">";
      if (n.date)
        out += "<p class=\"note-date\"><time datetime=\"" + n.date->iso() + "\">" +
               base::html_escape(n.date->format_long(lang_)) + "</time></p>";
      out += markdown(n.text) + "</div>";
    }
    return out;
  }

  std::vector<Column> column_list() const {
    std::vector<Column> cols;
    auto add_field = [&](const std::string& key) {
      auto [plain, html] = label(key);
      cols.push_back({key, "", plain, html});
    };
    add_field("status");
    bool years_done = false;
    auto add_years = [&] {
      years_done = true;
      for (const auto& y : plan_.years) cols.push_back({"year", y, y, base::html_escape(y)});
    };
    for (const auto& c : plan_.columns) {
      if (c == "years") {
        if (!plan_.years.empty())
          add_years();
        else
          add_field(c);
      } else {
        add_field(c);
      }
    }
    if (!years_done && !plan_.years.empty()) add_years();
    return cols;
  }

  void append_cell(std::string& out, const Column& col, const model::Action& a) const {
    const std::string& k = col.key;
    if (k == "status") {
      out += "<span class=\"status status-";
      out += model::status_name(a.status);
      out += "\">";
      base::html_escape_to(out, status_label(a.status));
      out += "</span>";
    } else if (k == "year") {
      bool yes = std::find(a.years.begin(), a.years.end(), col.year) != a.years.end();
      if (yes) out += "<span aria-hidden=\"true\">✓</span>";
      out += "<span class=\"visually-hidden\">";
      base::html_escape_to(out, ctx_.word(lang_, yes ? "word_yes" : "word_no"));
      out += "</span>";
    } else if (k == "due") {
      if (a.due) out += due_html(ctx_, *a.due, lang_);
    } else if (k == "years") {
      base::html_escape_to(out, base::join(a.years, ", "));
    } else if (k == "leads") {
      append_items(out, a.leads, true);
    } else if (k == "partners") {
      append_items(out, a.partners, true);
    } else if (k == "results") {
      append_items(out, a.results, false);
    } else if (k == "indicators") {
      append_items(out, a.indicators, false);
    } else if (k == "follow_up") {
      append_items(out, a.follow_up, false);
    } else if (k == "progress") {
      if (a.progress)
        base::html_escape_to(out,
                             ctx_.site.words.format(lang_, "percent", std::to_string(*a.progress)));
    } else if (k == "notes") {
      out += notes(a.notes);
    } else if (k == "details") {
      out += markdown(a.details);
    } else if (k == "strategy") {
      out += markdown(a.strategy);
    }
  }

  void add_level(const model::PlanSection& s, mustache::data& levels, mustache::data& toc,
                 std::string& toc_html) {
    mustache::data l;
    std::string level_html =
        s.depth < static_cast<int>(plan_.levels.size()) ? text(plan_.levels[s.depth]) : "";
    std::string title_html = text(s.title);
    l.set("id", s.id);
    l.set("depth", std::to_string(s.depth));
    // Headings follow depth: h2 for the outermost level, never past h6.
    const char tag[3] = {'h', static_cast<char>('0' + std::clamp(s.depth + 2, 2, 6)), 0};
    l.set("tag", tag);
    l.set("level_name_html", level_html);
    l.set("code", s.code);
    l.set("title_html", title_html);
    set_if(l, "description_html", markdown(s.description));

    auto fields = list_data();
    auto add_field = [&](const std::string& key, std::string html) {
      if (html.empty()) return;
      mustache::data f;
      f.set("key", key);
      f.set("label", label(key).first);
      f.set("html", html);
      push(fields, std::move(f));
    };
    add_field("strategy", markdown(s.strategy));
    add_field("results", items(s.results, false));
    add_field("indicators", items(s.indicators, false));
    add_field("follow_up", items(s.follow_up, false));
    add_field("notes", notes(s.notes));
    l.set("has_fields", fields.is_non_empty_list());
    put(l, "fields", std::move(fields));

    l.set("has_actions", !s.actions.empty());
    if (!s.actions.empty()) {
      auto columns = list_data();
      {
        mustache::data c;
        c.set("key", "title");
        c.set("label_html", base::html_escape(ctx_.word(lang_, "field_title")));
        push(columns, std::move(c));
      }
      for (const auto& col : columns_) {
        mustache::data c;
        c.set("key", col.key);
        c.set("label_html", col.label_html);
        push(columns, std::move(c));
      }
      put(l, "columns", std::move(columns));
      l.set("title_label", ctx_.word(lang_, "field_title"));
      const bool details_column =
          std::find(plan_.columns.begin(), plan_.columns.end(), "details") != plan_.columns.end();
      auto rows = list_data();
      for (const auto& a : s.actions) {
        mustache::data r;
        r.set("id", a.id);
        r.set("code", a.code);
        std::string title;
        append_text(title, a.title);
        r.set("title_html", title);
        r.set("status_key", model::status_name(a.status));
        if (!details_column) set_if(r, "details_html", markdown(a.details));
        // The data cells as one string: a list of small objects per row
        // would make most of the page's cost (see docs/theme.md).
        std::string cells;
        cells.reserve(2048);
        for (const auto& col : columns_) {
          cells += "<td class=\"col-";
          cells += col.key;
          // On a phone's card a year the action does not run would be a
          // label over nothing: the stylesheet hides these cells there.
          if (col.key == "year" &&
              std::find(a.years.begin(), a.years.end(), col.year) == a.years.end())
            cells += " year-no";
          cells += "\" data-label=\"";
          base::html_escape_to(cells, col.label);
          cells += "\">";
          append_cell(cells, col, a);
          cells += "</td>\n";
        }
        r.set("cells_html", cells);
        push(rows, std::move(r));
      }
      put(l, "actions", std::move(rows));
    }
    push(levels, std::move(l));

    mustache::data t;
    t.set("href", "#" + s.id);
    t.set("depth", std::to_string(s.depth));
    t.set("code", s.code);
    t.set("level_name_html", level_html);
    t.set("title_html", title_html);
    push(toc, std::move(t));
    toc_html += "<li><a href=\"#" + s.id + "\">" + level_html + " " + base::html_escape(s.code) +
                " — " + title_html + "</a>";
    if (!s.sections.empty()) {
      toc_html += "<ol>";
      for (const auto& c : s.sections) add_level(c, levels, toc, toc_html);
      toc_html += "</ol>";
    }
    toc_html += "</li>";
  }

  const RenderContext& ctx_;
  const model::Plan& plan_;
  const std::string& lang_;
  const std::string& def_;
  std::string url_;
  std::string from_dir_;
  std::vector<Column> columns_;
};

}  // namespace

std::string plan_period(const model::Plan& plan) {
  if (!plan.period_start) return {};
  if (!plan.period_end || *plan.period_end == *plan.period_start)
    return std::to_string(*plan.period_start);
  return std::to_string(*plan.period_start) + "–" + std::to_string(*plan.period_end);
}

std::string due_html(const RenderContext& ctx, const model::Due& due, const std::string& lang) {
  switch (due.kind) {
    case model::Due::Kind::date:
      return "<time datetime=\"" + due.date.iso() + "\">" +
             base::html_escape(due.date.format_long(lang)) + "</time>";
    case model::Due::Kind::ongoing:
      return base::html_escape(ctx.word(lang, "due_ongoing"));
    case model::Due::Kind::tbd:
      return base::html_escape(ctx.word(lang, "due_tbd"));
    case model::Due::Kind::text:
      return text_html(due.text, lang, ctx.default_lang());
  }
  return {};
}

mustache::data plan_view(const RenderContext& ctx, const model::Plan& plan,
                         const std::string& lang) {
  return PlanView(ctx, plan, lang).build();
}

}  // namespace carnet::render::html
