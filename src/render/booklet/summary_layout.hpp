// The one-page summary of a plan (`summary` in booklet.formats,
// booklets/NAME.LANG.summary.pdf): the plan at a glance for a handout or a
// poster. A title band (organisation, title, period, as-of date), the whole
// plan's progress with its bar and its actions per status, then one card
// per top level: its progress, its actions per status, and its objectives
// (the second level) with theirs, or, in a plan of one level, its actions
// with their status. Cards run down the first column, then the next.
//
// It always fits one page. The type is set larger than designed when the
// plan is short (a poster), as designed when it fits; else smaller, step by
// step down to 8 pt, in two then three columns; else each
// level lists fewer objectives and ends with "… and N more"; else the last
// levels are left out under one such line. Nothing silently disappears.
#pragma once

#include "render/booklet/outline.hpp"
#include "render/booklet/page.hpp"
#include "render/booklet/theme.hpp"
#include "render/booklet/typesetter.hpp"

namespace carnet::render::booklet {

// How the summary was set to fit its page.
struct SummaryFit {
  double scale = 1;           // of the designed type sizes
  int columns = 1;            // of level cards
  int objectives_shown = -1;  // at most, per level; -1: every objective
  int levels_left_out = 0;    // top levels not shown (the page ends with "… and N more")
};

// The summary on exactly one page of `geometry`'s size. The caller holds
// typesetting_mutex(); the pages point into `ts`'s layouts.
LaidOutBooklet lay_out_summary(const Booklet& booklet, Typesetter& ts, const PageGeometry& geometry,
                               SummaryFit* fit = nullptr);

}  // namespace carnet::render::booklet
