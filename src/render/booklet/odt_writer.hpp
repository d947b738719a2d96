// The booklet as an OpenDocument text (ODT) for people who want to edit it:
// built on named styles (Heading 1-3, Text body, Table Heading, Table
// Contents, ...) so that restyling is one change per style, with real tables
// whose header rows repeat on each page, and the progress chart as an image.
// Deterministic: fixed entry dates, `mimetype` first and stored.
#pragma once

#include <string>

#include "render/booklet/outline.hpp"

namespace carnet::render::booklet {

// `paper`: "letter" or "a4".
std::string write_odt(const Booklet& booklet, const std::string& paper, const std::string& context);

}  // namespace carnet::render::booklet
