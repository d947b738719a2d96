#include "render/booklet/booklets.hpp"

#include <algorithm>
#include <functional>

#include "base/language.hpp"
#include "base/parallel.hpp"
#include "base/system_error.hpp"
#include "render/booklet/epub_writer.hpp"
#include "render/booklet/imposition.hpp"
#include "render/booklet/odt_writer.hpp"
#include "render/booklet/outline.hpp"
#include "render/booklet/pdf_layout.hpp"
#include "render/booklet/pdf_writer.hpp"
#include "render/booklet/summary_layout.hpp"

namespace carnet::render::booklet {

namespace {

std::string context_for(const std::string& path) { return "rendering '" + path + "'"; }

// Appends `more`'s pages and bookmarks to `into`, its destination names
// prefixed so that the two languages' anchors do not collide.
void append_booklet(LaidOutBooklet& into, LaidOutBooklet more, const std::string& prefix,
                    const std::string& top_title) {
  for (auto& page : more.pages) {
    for (auto& item : page.items) {
      if (auto* d = std::get_if<Dest>(&item)) d->name = prefix + d->name;
      if (auto* l = std::get_if<LinkArea>(&item); l && !l->dest.empty()) l->dest = prefix + l->dest;
    }
    into.pages.push_back(std::move(page));
  }
  into.outline.push_back({top_title, prefix + "cover", 0});
  for (auto& e : more.outline) into.outline.push_back({e.title, prefix + e.dest, e.level + 1});
}

// The booklet files from outlines already built: a build makes each
// (plan, language) outline once, whatever the number of formats.
std::string booklet_from(const model::Site& site, const model::Plan& plan, const Booklet& outline,
                         const std::string& lang, const std::string& format) {
  const std::string path = model::booklet_path(plan, lang, format);
  if (format == "pdf") {
    std::lock_guard lock(typesetting_mutex());
    Typesetter ts(lang);
    LaidOutBooklet laid = lay_out(outline, ts, page_geometry(site.config.booklet.paper, false));
    return write_pdf(laid, reading_sheets(laid.pages), context_for(path));
  }
  if (format == "summary") {
    std::lock_guard lock(typesetting_mutex());
    Typesetter ts(lang);
    LaidOutBooklet laid =
        lay_out_summary(outline, ts, page_geometry(site.config.booklet.paper, false));
    return write_pdf(laid, reading_sheets(laid.pages),
                     context_for(model::summary_path(plan, lang)));
  }
  if (format == "epub") return write_epub(outline, context_for(path));
  if (format == "odt") return write_odt(outline, site.config.booklet.paper, context_for(path));
  throw base::SystemError(context_for(path) + ": unknown booklet format '" + format + "'");
}

std::string imposed_from(const model::Site& site, const model::Plan& plan, const Booklet& outline,
                         const std::string& lang) {
  const std::string& paper = site.config.booklet.paper;
  std::lock_guard lock(typesetting_mutex());
  Typesetter ts(lang);
  LaidOutBooklet laid = lay_out(outline, ts, page_geometry(paper, true));
  auto order = saddle_stitch_order(in_order(static_cast<long>(laid.pages.size())));
  return write_pdf(laid, two_up_sheets(order, sheet_geometry(paper)),
                   context_for(model::imposed_path(plan, lang)));
}

std::string tete_beche_from(const model::Site& site, const model::Plan& plan, const Booklet& first,
                            const Booklet& second) {
  const auto& langs = site.config.languages;
  const std::string path = model::tete_beche_path(site, plan);
  if (langs.size() < 2)
    throw base::SystemError(context_for(path) + ": a tête-bêche booklet needs two languages");
  const std::string& paper = site.config.booklet.paper;
  bool imposed = site.config.booklet.imposition == "saddle-stitch";
  PageGeometry geometry = page_geometry(paper, imposed);
  LaidOutBooklet both;
  long first_count = 0;
  // One typesetter for both languages (see Typesetter::set_language); the
  // pages point into its layouts, so it lives until the PDF is written.
  std::lock_guard lock(typesetting_mutex());
  Typesetter ts(langs[0]);
  for (size_t i = 0; i < 2; ++i) {
    const Booklet& outline = i == 0 ? first : second;
    ts.set_language(langs[i]);
    LaidOutBooklet laid = lay_out(outline, ts, geometry);
    if (i == 0) {
      both.title = laid.title;
      both.author = laid.author;
      both.subject = laid.subject;
      both.lang = laid.lang;
      both.date_iso = laid.date_iso;
      first_count = static_cast<long>(laid.pages.size());
    } else {
      both.title += " / " + laid.title;
    }
    append_booklet(both, std::move(laid), langs[i] + "-", site.words.get(langs[i], "lang_name"));
  }
  long second_count = static_cast<long>(both.pages.size()) - first_count;
  auto sequence = tete_beche(first_count, first_count, second_count);
  std::vector<Sheet> sheets =
      imposed ? two_up_sheets(saddle_stitch_order(sequence), sheet_geometry(paper))
              : single_sheets(sequence, both.pages, geometry);
  return write_pdf(both, sheets, context_for(path));
}

}  // namespace

std::string render_booklet(const model::Site& site, const model::Plan& plan,
                           const std::string& lang, const std::string& format) {
  return booklet_from(site, plan, build_outline(site, plan, lang), lang, format);
}

std::string render_imposed(const model::Site& site, const model::Plan& plan,
                           const std::string& lang) {
  return imposed_from(site, plan, build_outline(site, plan, lang), lang);
}

std::string render_tete_beche(const model::Site& site, const model::Plan& plan) {
  const auto& langs = site.config.languages;
  if (langs.size() < 2)
    throw base::SystemError(context_for(model::tete_beche_path(site, plan)) +
                            ": a tête-bêche booklet needs two languages");
  return tete_beche_from(site, plan, build_outline(site, plan, langs[0]),
                         build_outline(site, plan, langs[1]));
}

std::vector<base::OutputFile> render_booklets(const model::Site& site) {
  // Every (plan, language) outline first, in parallel: the formats share it.
  const auto& langs = site.config.languages;
  std::vector<Booklet> outlines(site.plans.size() * langs.size());
  const bool any = !site.plans.empty() && !model::booklet_files(site, site.plans[0]).empty();
  if (any)
    base::parallel_for(outlines.size(), [&](size_t i) {
      outlines[i] = build_outline(site, site.plans[i / langs.size()], langs[i % langs.size()]);
    });
  auto outline = [&](size_t plan, const std::string& lang) -> const Booklet& {
    size_t l = std::find(langs.begin(), langs.end(), lang) - langs.begin();
    return outlines[plan * langs.size() + l];
  };
  std::vector<base::OutputFile> files;
  std::vector<std::function<std::string()>> jobs;
  for (size_t p = 0; p < site.plans.size(); ++p) {
    const auto& plan = site.plans[p];
    for (auto& f : model::booklet_files(site, plan)) {
      using Kind = model::BookletFile::Kind;
      switch (f.kind) {
        case Kind::reading:
          jobs.push_back([&, p, lang = f.lang, format = f.format] {
            return booklet_from(site, plan, outline(p, lang), lang, format);
          });
          break;
        case Kind::imposed:
          jobs.push_back(
              [&, p, lang = f.lang] { return imposed_from(site, plan, outline(p, lang), lang); });
          break;
        case Kind::tete_beche:
          jobs.push_back([&, p] {
            return tete_beche_from(site, plan, outline(p, langs[0]), outline(p, langs[1]));
          });
          break;
      }
      files.push_back({std::move(f.path), "", ""});
    }
  }
  // Jobs run on all cores (typesetting one at a time, see
  // typesetting_mutex); results land in their own slot, so the output order
  // never depends on timing.
  base::parallel_for(jobs.size(), [&](size_t i) { files[i].bytes = jobs[i](); });
  return files;
}

}  // namespace carnet::render::booklet
