#include <catch2/catch.hpp>

#include "base/image_type.hpp"
#include "base/system_error.hpp"
#include "wrap/cairo.hpp"
#include "wrap/image.hpp"

using carnet::base::ImageType;
using carnet::wrap::Image;

namespace {

std::string png_of(int w, int h) {
  auto s = carnet::wrap::make_image_surface(CAIRO_FORMAT_RGB24, w, h);
  return carnet::wrap::write_png(s.get(), "test");
}

// The start of a baseline JPEG: SOI, a JFIF APP0 segment, then the frame
// header (SOF0) with height 30 and width 40. cairo reads the same header to
// embed the file; the scan data is never looked at.
std::string jpeg_header() {
  std::string b = "\xff\xd8";
  b += std::string("\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  b += std::string("\xff\xc0\x00\x11\x08\x00\x1e\x00\x28\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01",
                   19);
  b += "\xff\xd9";
  return b;
}

// Draws `img` on a one-page PDF and returns the bytes.
std::string pdf_with(const Image& img) {
  carnet::wrap::PdfSurface pdf(200, 200, "test pdf");
  auto cr = carnet::wrap::make_cairo(pdf.get());
  img.draw(cr.get(), 10, 10, 100, 50);
  cr.reset();
  return pdf.commit();
}

}  // namespace

TEST_CASE("images are recognised by their first bytes", "[image]") {
  CHECK(carnet::base::sniff_image(png_of(2, 2)) == ImageType::png);
  CHECK(carnet::base::sniff_image(jpeg_header()) == ImageType::jpeg);
  CHECK(carnet::base::sniff_image("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- x -->\n<svg/>") ==
        ImageType::svg);
  CHECK_FALSE(carnet::base::sniff_image("hello <svg"));
  CHECK_FALSE(carnet::base::sniff_image("<html></html>"));
  CHECK_FALSE(carnet::base::sniff_image(""));
}

TEST_CASE("a JPEG's size comes from its frame header", "[image]") {
  auto size = carnet::wrap::jpeg_size(jpeg_header());
  CHECK(size.width == 40);
  CHECK(size.height == 30);
  CHECK(carnet::wrap::jpeg_size("\xff\xd8\xff\xd9").width == 0);
  CHECK(carnet::wrap::jpeg_size(std::string("\xff\xd8\xff\xe0\x00", 5)).width == 0);
}

TEST_CASE("a PNG is decoded and drawn at its size in points", "[image]") {
  auto img = Image::from_bytes(png_of(40, 20), "logo.png");
  CHECK(img.type() == ImageType::png);
  CHECK(img.width() == 30);
  CHECK(img.height() == 15);
  auto pdf = pdf_with(img);
  CHECK(pdf.find("/Subtype /Image") != std::string::npos);
}

TEST_CASE("a JPEG goes into the PDF as it is", "[image]") {
  auto img = Image::from_bytes(jpeg_header(), "photo.jpg");
  CHECK(img.type() == ImageType::jpeg);
  CHECK(img.width() == 30);
  CHECK(img.height() == 22.5);
  auto pdf = pdf_with(img);
  CHECK(pdf.find("/DCTDecode") != std::string::npos);
  CHECK(pdf.find(jpeg_header()) != std::string::npos);
}

TEST_CASE("an SVG is drawn as vectors", "[image]") {
  auto img =
      Image::from_bytes(R"(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">)"
                        R"(<rect width="200" height="100" fill="#0b5d7a"/></svg>)",
                        "logo.svg");
  CHECK(img.type() == ImageType::svg);
  CHECK(img.width() == 150);
  CHECK(img.height() == 75);
  auto pdf = pdf_with(img);
  CHECK(pdf.find("/Subtype /Image") == std::string::npos);

  auto viewbox_only = Image::from_bytes(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"></svg>)", "v.svg");
  CHECK(viewbox_only.width() / viewbox_only.height() == 4);
}

TEST_CASE("an image that cannot be read says which and why", "[image]") {
  CHECK_THROWS_WITH(Image::from_bytes("GIF89a", "static/logo.gif"),
                    "reading the image 'static/logo.gif': not a PNG, JPEG or SVG file");
  CHECK_THROWS_WITH(Image::from_bytes(std::string("\x89PNG\r\n\x1a\n", 8) + "broken", "a.png"),
                    Catch::StartsWith("reading the image 'a.png': "));
  CHECK_THROWS_WITH(Image::from_bytes("\xff\xd8\xff\xd9", "b.jpg"),
                    "reading the image 'b.jpg': no frame header with a size in this JPEG file");
  CHECK_THROWS_WITH(Image::from_bytes("<svg", "c.svg"),
                    Catch::StartsWith("reading the image 'c.svg': "));
  CHECK_THROWS_WITH(Image::load("/nonexistent/logo.png"),
                    Catch::StartsWith("reading '/nonexistent/logo.png'"));
}
