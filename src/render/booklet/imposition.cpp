#include "render/booklet/imposition.hpp"

namespace carnet::render::booklet {

std::vector<SequencePage> in_order(long n) {
  std::vector<SequencePage> out;
  for (long i = 0; i < n; ++i) out.push_back({i, 0});
  return out;
}

std::vector<SequencePage> tete_beche(long first_count, long second_offset, long second_count) {
  std::vector<SequencePage> out = in_order(first_count);
  if (out.size() % 2) out.push_back({-1, 0});
  // The second half, read from the back cover: its cover is the last page,
  // its second page the one before (the back of the same leaf), and so on.
  std::vector<SequencePage> second;
  for (long i = 0; i < second_count; ++i) second.push_back({second_offset + i, 180});
  if (second.size() % 2) second.push_back({-1, 180});
  for (auto it = second.rbegin(); it != second.rend(); ++it) out.push_back(*it);
  return out;
}

std::vector<SequencePage> saddle_stitch_order(std::vector<SequencePage> pages) {
  while (pages.size() % 4) pages.push_back({-1, 0});
  size_t n = pages.size();
  std::vector<SequencePage> out;
  for (size_t k = 0; k < n / 4; ++k) {
    // Front of sheet k: last-but-2k on the left, 2k+1-th on the right; back:
    // the next page on the left and its facing page on the right.
    out.push_back(pages[n - 1 - 2 * k]);
    out.push_back(pages[2 * k]);
    out.push_back(pages[2 * k + 1]);
    out.push_back(pages[n - 2 - 2 * k]);
  }
  return out;
}

std::vector<Sheet> single_sheets(const std::vector<SequencePage>& sequence,
                                 const std::vector<Page>& pages, const PageGeometry& page) {
  std::vector<Sheet> out;
  for (const auto& s : sequence) {
    double w = s.page >= 0 ? pages[static_cast<size_t>(s.page)].width : page.width;
    double h = s.page >= 0 ? pages[static_cast<size_t>(s.page)].height : page.height;
    out.push_back({w, h, {{s.page, 0, 0, w, h, s.rotation}}});
  }
  return out;
}

std::vector<Sheet> two_up_sheets(const std::vector<SequencePage>& ordered,
                                 const PageGeometry& sheet) {
  std::vector<Sheet> out;
  double half = sheet.width / 2;
  for (size_t i = 0; i + 1 < ordered.size(); i += 2) {
    Sheet s{sheet.width, sheet.height, {}};
    s.placements.push_back({ordered[i].page, 0, 0, half, sheet.height, ordered[i].rotation});
    s.placements.push_back(
        {ordered[i + 1].page, half, 0, half, sheet.height, ordered[i + 1].rotation});
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace carnet::render::booklet
