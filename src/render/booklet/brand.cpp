#include "render/booklet/brand.hpp"

#include <filesystem>

#include "render/booklet/theme.hpp"
#include "view/brand.hpp"
#include "wrap/image.hpp"

namespace carnet::render::booklet {

BrandEntry brand_entry(const model::Site& site, const std::string& lang) {
  const auto& brand = site.config.brand;
  const std::string& def = site.config.default_language();
  const std::filesystem::path root(site.root);
  BrandEntry out;
  if (!brand.logo.empty()) out.logo_file = (root / brand.logo).string();
  out.logo_alt = site.config.title.get(lang, def);
  for (const auto& p : brand.partners)
    out.partners.push_back(
        {p.name.get(lang, def), p.url, p.logo.empty() ? "" : (root / p.logo).string()});
  out.partners_heading = site.words.get(lang, "partners");
  return out;
}

std::optional<PackagedLogo> packaged_logo(const BrandEntry& brand) {
  if (brand.logo_file.empty()) return std::nullopt;
  auto image = wrap::Image::load(brand.logo_file);
  PackagedLogo out;
  out.name = "logo." + std::string(base::extension(image.type()));
  out.media_type = base::media_type(image.type());
  out.width_pt = image.width();
  out.height_pt = image.height();
  out.bytes = image.bytes();
  return out;
}

std::string cover_period(const std::string& title, const std::string& period) {
  auto normal = [](const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
      const auto byte = [&](size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
      };
      if (byte(0) == 0xe2 && byte(1) == 0x80 && byte(2) >= 0x90 && byte(2) <= 0x95) {
        out += '-';  // U+2010 to U+2015: hyphens, figure dash, en and em dashes
        i += 3;
      } else if (byte(0) == 0xc2 && byte(1) == 0xa0) {
        i += 2;  // no-break space
      } else if (byte(0) == 0xe2 && byte(1) == 0x80 && byte(2) == 0xaf) {
        i += 3;  // narrow no-break space
      } else {
        if (text[i] != ' ') out += text[i];
        ++i;
      }
    }
    return out;
  };
  const std::string p = normal(period);
  if (p.empty() || normal(title).find(p) != std::string::npos) return "";
  return period;
}

void use_brand_palette(const model::Brand& brand) {
  auto color = view::parse_hex_color(brand.color);
  if (!color) {
    palette::primary = palette::default_primary;
    palette::primary_light = palette::default_primary_light;
    return;
  }
  auto c = view::brand_colors(*color);
  auto to_color = [](const view::Rgb& rgb) {
    return Color{rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0};
  };
  palette::primary = to_color(c.text);
  palette::primary_light = to_color(c.tint);
}

}  // namespace carnet::render::booklet
