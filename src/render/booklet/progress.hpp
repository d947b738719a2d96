// The progress summary: actions per status for the whole plan and for each
// section of the outer levels, as data (shared by every format), drawn as a
// bar chart on a PDF page, and written as SVG for the EPUB and ODT.
#pragma once

#include <string>
#include <vector>

#include "render/booklet/flow.hpp"
#include "render/booklet/outline.hpp"

namespace carnet::render::booklet {

struct ProgressRow {
  std::string label;            // "Orientation 2" or "Ensemble du plan"
  std::string title;            // the section's title, "" for the whole plan
  int depth = -1;               // -1 for the whole plan
  std::vector<int> per_status;  // by model::all_statuses order
  int total = 0;
  std::string progress_text;  // rolled up: "45 %", or ""
};

// The tracking lines of the progress page, in order: the as-of line, the
// whole plan's progress ("Avancement : 45 %"), the late actions ("Actions en
// retard : 2"). The rule sentence comes after the table.
std::vector<std::string> tracking_lines(const Booklet& booklet);

// Whether any row has a progress: the table then has a progress column.
bool has_progress(const std::vector<ProgressRow>& rows);

// The whole plan first, then sections of the two outer levels (the outermost
// only when that would not fit one page).
std::vector<ProgressRow> progress_rows(const Booklet& booklet);

// "Orientations : 4 · Objectifs : 11 · Actions : 42" as (count, label) pairs,
// with plural labels.
std::vector<std::pair<int, std::string>> key_figures(const Booklet& booklet);

// A sentence describing the chart, for screen readers (its alternative text).
std::string chart_description(const Booklet& booklet, const std::vector<ProgressRow>& rows);

// The chart as a standalone SVG document of the given width (points).
std::string progress_svg(const Booklet& booklet, const std::vector<ProgressRow>& rows,
                         double width);

// The bar chart alone, as a tagged figure, at the flow's position.
void place_chart(Flow& flow, Typesetter& ts, const Booklet& booklet,
                 const std::vector<ProgressRow>& rows);

// The bar chart as a PNG `width` points wide, at `scale` pixels per point.
std::string chart_png(const Booklet& booklet, double width, double scale);

// The progress page of the PDF: the as-of line, key figures, chart (a tagged
// figure), the same numbers as a table with each level's progress, the
// plan's progress and late count, and how progress is computed.
void place_progress(Flow& flow, Typesetter& ts, const Booklet& booklet);

// "Objectif" → "objectifs", "Grand objectif" → "grands objectifs",
// "Strategy" → "strategies": good enough for level names.
std::string plural(const std::string& name, const std::string& lang);

}  // namespace carnet::render::booklet
