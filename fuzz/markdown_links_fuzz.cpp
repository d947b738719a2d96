// libFuzzer target: a page body rendered to HTML as the loader does it, every
// link and image resolved against a real site (the fixture
// tests/fixtures/sites/basic, loaded once) and every fenced data block read.
// The site is the one of the end-to-end tests so that links to its pages,
// plans, anchors and static files find something to resolve to.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diagnostics.hpp"
#include "base/rel_path.hpp"
#include "load/data_block_reader.hpp"
#include "load/site_loader.hpp"
#include "markdown/markdown.hpp"
#include "model/data_blocks.hpp"
#include "model/links.hpp"
#include "model/site.hpp"

namespace {

const carnet::model::Site& fixture_site() {
  static const carnet::model::Site site = [] {
    carnet::load::LoadOptions options;
    options.history = false;
    carnet::base::Diagnostics diags;
    auto s =
        carnet::load::load_site(CARNET_SOURCE_DIR "/tests/fixtures/sites/basic", options, diags);
    if (diags.has_errors() || s.pages.empty()) {
      std::fprintf(stderr, "markdown_links_fuzz: the fixture site does not load\n");
      std::abort();
    }
    return s;
  }();
  return site;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace carnet;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const model::Site& site = fixture_site();
  // The same page every time, so that a finding replays.
  const model::Page& page = site.pages[site.pages.size() / 2];
  const std::string from_dir = base::parent_dir(page.source);
  base::Diagnostics diags;
  markdown::Options o;
  o.first_line = 3;
  o.rewrite_link = [&](const std::string& url, const markdown::LinkContext& where) {
    auto r = model::resolve_link(site, from_dir, page.url, page.lang, url);
    if (where.image && !r.page && !r.plan && r.error.empty())
      r.error = model::resolve_static_file(site, page.url, url).error;
    if (r.error.empty() && !r.fragment.empty()) {
      if (r.page) {
        const auto& anchors = site.pages.at(*r.page).anchors;
        (void)std::find(anchors.begin(), anchors.end(), r.fragment);
      } else if (r.plan) {
        (void)model::plan_has_anchor(site.plans.at(*r.plan), r.fragment);
      }
    }
    return r.href;
  };
  std::vector<model::DataBlock> blocks;
  load::DataBlockContext ctx{page.source, page.lang, &site.config.languages, &site.plans};
  o.fenced_block = [&](const markdown::FencedCode& code) -> std::optional<std::string> {
    auto kind = model::data_block_kind(code.info);
    if (!kind) return std::nullopt;
    auto block = load::read_data_block(*kind, code.literal, code.line, ctx, diags);
    if (!block) return std::string();
    blocks.push_back(std::move(*block));
    return model::data_block_marker(blocks.size() - 1);
  };
  (void)markdown::to_html(text, o);
  o.unsafe_html = true;  // the sanitizer's path too
  (void)markdown::to_html(text, o);
  return 0;
}
