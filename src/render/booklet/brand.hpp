// The brand (carnet.yaml brand:) as a booklet shows it: the logo on the
// cover, the partners on the back cover, the accent colour of headings,
// rules and table heads. The files stay on disk; each writer reads them
// (the PDF draws them, the EPUB and ODT package them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"

namespace carnet::render::booklet {

struct BrandEntry {
  std::string logo_file;  // the logo on disk, or ""
  std::string logo_alt;   // its text alternative: the site's title
  struct Partner {
    std::string name;
    std::string url;        // or ""
    std::string logo_file;  // on disk, or ""
  };
  std::vector<Partner> partners;
  std::string partners_heading;  // "Partenaires"
};

BrandEntry brand_entry(const model::Site& site, const std::string& lang);

// The logo as the EPUB and the ODT package it: the file itself, under a
// name that says its type, with its natural size.
struct PackagedLogo {
  std::string bytes;
  std::string name;        // "logo.svg", "logo.png", "logo.jpg"
  std::string media_type;  // "image/svg+xml"
  double width_pt = 0, height_pt = 0;
};
// nullopt when the site has no logo; throws base::SystemError when the
// file cannot be read or decoded.
std::optional<PackagedLogo> packaged_logo(const BrandEntry& brand);

// The period as a cover prints it under the title: "" when the title
// already says it ("Plan d'action 2021-2023" and "2021–2023", compared
// without spaces and with every dash read as a hyphen).
std::string cover_period(const std::string& title, const std::string& period);

// Sets palette::primary and palette::primary_light for this thread: the
// brand colour darkened, if need be, to 4.5:1 against white (headings are
// set in it, and white text on it) and a light tint of it; the theme's
// teal when the site sets no colour.
void use_brand_palette(const model::Brand& brand);

}  // namespace carnet::render::booklet
