#include "view/brand.hpp"

#include <algorithm>
#include <cmath>

namespace carnet::view {

namespace {

// The theme's light grey (--soft): header and footer links sit on it.
constexpr Rgb soft_grey{0xf3, 0xf4, 0xf6};
constexpr Rgb white{0xff, 0xff, 0xff};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

double linear(unsigned char channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// `c` mixed with black by `t` (0: unchanged, 1: black): the same hue, darker.
Rgb darker(const Rgb& c, double t) {
  auto mix = [t](unsigned char v) { return static_cast<unsigned char>(std::lround(v * (1 - t))); };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

// The least darkening of `c` (in steps of 1 %) that reaches `ratio` against
// every background.
Rgb darkened_to(const Rgb& c, double ratio, std::initializer_list<Rgb> backgrounds) {
  for (int step = 0; step <= 100; ++step) {
    Rgb d = darker(c, step / 100.0);
    bool ok = std::all_of(backgrounds.begin(), backgrounds.end(),
                          [&](const Rgb& bg) { return contrast_ratio(d, bg) >= ratio; });
    if (ok) return d;
  }
  return {0, 0, 0};
}

}  // namespace

std::optional<Rgb> parse_hex_color(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  int v[6];
  for (int i = 0; i < 6; ++i)
    if ((v[i] = hex_digit(hex[i + 1])) < 0) return std::nullopt;
  return Rgb{static_cast<unsigned char>(v[0] * 16 + v[1]),
             static_cast<unsigned char>(v[2] * 16 + v[3]),
             static_cast<unsigned char>(v[4] * 16 + v[5])};
}

double relative_luminance(const Rgb& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

BrandColors brand_colors(const Rgb& color) {
  BrandColors out;
  out.given = color;
  out.strong = darkened_to(color, 3.0, {white});
  out.text = darkened_to(color, 4.5, {white, soft_grey});
  out.darkened = out.text.hex() != color.hex();
  // 12 % of the colour over white.
  auto tint = [](unsigned char v) {
    return static_cast<unsigned char>(std::lround(255 - (255 - v) * 0.12));
  };
  out.tint = {tint(color.r), tint(color.g), tint(color.b)};
  return out;
}

std::string brand_css(const model::Brand& brand) {
  auto color = parse_hex_color(brand.color);
  if (!color) return "";
  BrandColors c = brand_colors(*color);
  return ":root{--brand:" + c.strong.hex() + ";--brand-text:" + c.text.hex() +
         ";--brand-tint:" + c.tint.hex() + "}\n";
}

}  // namespace carnet::view
