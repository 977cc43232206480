#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/io/image_import.hpp"

// The encoder for the test images, private to this file (nothing linked defines it).
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include "stb_image_write.h"

using namespace hopfield;
using Catch::Contains;

namespace {

GreyImage grey_image(int width, int height, const std::vector<int>& pixels) {
  GreyImage image{width, height, {}};
  for (int v : pixels) image.pixels.push_back(static_cast<std::uint8_t>(v));
  return image;
}

GreyGrid grey_grid(int width, int height, const std::vector<double>& grey) {
  return GreyGrid{width, height, grey, std::vector<double>(grey.size(), 1.0)};
}

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::string*>(context);
  out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::string png(int width, int height, int channels, const std::vector<int>& values) {
  std::vector<unsigned char> data(values.begin(), values.end());
  std::string out;
  REQUIRE(stbi_write_png_to_func(append_bytes, &out, width, height, channels, data.data(),
                                 width * channels) != 0);
  return out;
}

std::string bmp(int width, int height, int channels, const std::vector<int>& values) {
  std::vector<unsigned char> data(values.begin(), values.end());
  std::string out;
  REQUIRE(stbi_write_bmp_to_func(append_bytes, &out, width, height, channels, data.data()) != 0);
  return out;
}

std::string jpeg(int width, int height, int channels, const std::vector<int>& values) {
  std::vector<unsigned char> data(values.begin(), values.end());
  std::string out;
  REQUIRE(stbi_write_jpg_to_func(append_bytes, &out, width, height, channels, data.data(), 100) !=
          0);
  return out;
}

// An 8x8 grey picture: a black L (left column, bottom row) on white.
std::vector<int> letter_l() {
  std::vector<int> v(64, 255);
  for (int y = 0; y < 8; ++y) v[static_cast<std::size_t>(y * 8)] = 0;
  for (int x = 0; x < 8; ++x) v[static_cast<std::size_t>(7 * 8 + x)] = 0;
  return v;
}
const char* const kLetterL =
    "#......."
    "#......."
    "#......."
    "#......."
    "#......."
    "#......."
    "#......."
    "########";

ImageImportOptions fixed(double level) {
  ImageImportOptions o;
  o.threshold = {ThresholdMethod::fixed, level};
  return o;
}

std::string big_endian(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// A PNG's signature and IHDR chunk only (8-bit RGBA), claiming width x height.
std::string png_header_only(std::uint32_t width, std::uint32_t height) {
  std::string ihdr =
      "IHDR" + big_endian(width) + big_endian(height) + std::string("\x08\x06\0\0\0", 5);
  return std::string("\x89PNG\r\n\x1a\n") + big_endian(13) + ihdr + big_endian(0);
}

// The bytes a hex text spells ("ffd8" is 0xff 0xd8), for files pasted into a test.
std::string bytes_of_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return bytes;
}

}  // namespace

TEST_CASE("4x4 averaged onto 2x2: each cell the mean of its 2x2 block") {
  const GreyImage image = grey_image(4, 4,
                                     {0, 40, 80, 120,      //
                                      160, 200, 240, 255,  //
                                      10, 20, 30, 40,      //
                                      50, 60, 70, 80});
  const GreyGrid g = fit_area_average(image, 2, 2, ImageFit::contain);
  REQUIRE(g.grey.size() == 4);
  CHECK(g.grey[0] == Approx(100.0 / 255));   // (0 + 40 + 160 + 200) / 4
  CHECK(g.grey[1] == Approx(173.75 / 255));  // (80 + 120 + 240 + 255) / 4
  CHECK(g.grey[2] == Approx(35.0 / 255));    // (10 + 20 + 50 + 60) / 4
  CHECK(g.grey[3] == Approx(55.0 / 255));    // (30 + 40 + 70 + 80) / 4
  for (double c : g.coverage) CHECK(c == 1.0);
}

TEST_CASE("4x4 averaged onto 3x3: fractional overlaps") {
  // A pixel is 3/4 of a cell wide: cell 0 takes 3/4 of pixel 0 and 1/4 of pixel 1, cell 1
  // half of pixels 1 and 2, cell 2 1/4 of pixel 2 and 3/4 of pixel 3 (the same down).
  SECTION("one black pixel at (1, 1) on white") {
    std::vector<int> v(16, 255);
    v[5] = 0;
    const GreyGrid g = fit_area_average(grey_image(4, 4, v), 3, 3, ImageFit::contain);
    // Cell darkness = overlap_x * overlap_y with the black pixel: (0.25 or 0.5 or 0) squared
    // or mixed, e.g. cell (1, 0) is 1 - 0.5 * 0.25 = 0.875.
    const std::vector<double> want = {0.9375, 0.875, 1,  //
                                      0.875,  0.75,  1,  //
                                      1,      1,     1};
    for (std::size_t i = 0; i < want.size(); ++i) CHECK(g.grey[i] == Approx(want[i]));
  }
  SECTION("a ramp 17 (x + 4 y): a cell's mean is the ramp at the weighted centre") {
    std::vector<int> v;
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 4; ++x) v.push_back(17 * (x + 4 * y));
    const GreyGrid g = fit_area_average(grey_image(4, 4, v), 3, 3, ImageFit::contain);
    // Centres along an axis: cell 0 at 0.75*0 + 0.25*1 = 0.25, cell 1 at 1.5, cell 2 at 2.75.
    CHECK(g.grey[0] == Approx(17 * (0.25 + 4 * 0.25) / 255));  // 21.25
    CHECK(g.grey[2] == Approx(17 * (2.75 + 4 * 0.25) / 255));  // 63.75
    CHECK(g.grey[4] == Approx(17 * (1.5 + 4 * 1.5) / 255));    // 127.5
    CHECK(g.grey[8] == Approx(17 * (2.75 + 4 * 2.75) / 255));  // 233.75
    // Worked out pixel by pixel too: .1875*2 + .5625*3 + .0625*6 + .1875*7 = 3.75.
    CHECK(g.grey[2] * 255 == Approx(17 * 3.75));
  }
}

TEST_CASE("contain and cover on a 2:1 image") {
  // 4 wide, 2 high; columns 0, 60, 120, 240.
  const GreyImage wide = grey_image(4, 2, {0, 60, 120, 240, 0, 60, 120, 240});
  SECTION("contain: the image fills the middle half of the rows, white above and below") {
    const GreyGrid g = fit_area_average(wide, 2, 2, ImageFit::contain);
    // Each cell: half image (mean of two columns), half white margin.
    const double left = 0.5 * (0 + 60) / 2 / 255 + 0.5, right = 0.5 * (120 + 240) / 2 / 255 + 0.5;
    CHECK(g.grey[0] == Approx(left));
    CHECK(g.grey[1] == Approx(right));
    CHECK(g.grey[2] == Approx(left));
    CHECK(g.grey[3] == Approx(right));
    for (double c : g.coverage) CHECK(c == 0.5);
  }
  SECTION("contain on a black background") {
    const GreyGrid g = fit_area_average(wide, 2, 2, ImageFit::contain, 0.0);
    CHECK(g.grey[0] == Approx(0.5 * 30 / 255));
    CHECK(g.grey[1] == Approx(0.5 * 180 / 255));
  }
  SECTION("cover: one pixel per cell, the middle two columns") {
    const GreyGrid g = fit_area_average(wide, 2, 2, ImageFit::cover);
    CHECK(g.grey[0] == Approx(60.0 / 255));
    CHECK(g.grey[1] == Approx(120.0 / 255));
    CHECK(g.grey[2] == Approx(60.0 / 255));
    CHECK(g.grey[3] == Approx(120.0 / 255));
    for (double c : g.coverage) CHECK(c == 1.0);
  }
  SECTION("the same turned upright: the margin is left and right") {
    const GreyImage tall = grey_image(2, 4, {0, 0, 60, 60, 120, 120, 240, 240});
    const GreyGrid contain = fit_area_average(tall, 2, 2, ImageFit::contain);
    CHECK(contain.grey[0] == Approx(0.5 * 30 / 255 + 0.5));
    CHECK(contain.grey[3] == Approx(0.5 * 180 / 255 + 0.5));
    const GreyGrid cover = fit_area_average(tall, 2, 2, ImageFit::cover);
    CHECK(cover.grey[0] == Approx(60.0 / 255));
    CHECK(cover.grey[2] == Approx(120.0 / 255));
  }
  SECTION("a 1x1 image onto 3x2 (contain): the middle 2x2 cells, whole margin columns") {
    const GreyGrid g = fit_area_average(grey_image(1, 1, {0}), 3, 2, ImageFit::contain);
    // Scale 2: the pixel spans x in [0.5, 2.5), all of y.
    const std::vector<double> want = {0.5, 0, 0.5, 0.5, 0, 0.5};
    for (std::size_t i = 0; i < want.size(); ++i) CHECK(g.grey[i] == Approx(want[i]));
  }
}

TEST_CASE("area averaging agrees with a brute-force sum over every cell and pixel") {
  // The straightforward way in doubles: scale s, centring offsets, every overlap area.
  const auto brute_force = [](const GreyImage& im, int width, int height, ImageFit fit,
                              double background) {
    const double sx = static_cast<double>(width) / im.width;
    const double sy = static_cast<double>(height) / im.height;
    const double s = fit == ImageFit::contain ? std::min(sx, sy) : std::max(sx, sy);
    const double ox = (width - im.width * s) / 2, oy = (height - im.height * s) / 2;
    const auto overlap = [](double a0, double a1, double b0, double b1) {
      return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
    };
    std::vector<double> out;
    for (int j = 0; j < height; ++j)
      for (int i = 0; i < width; ++i) {
        double sum = 0, covered = 0;
        for (int y = 0; y < im.height; ++y)
          for (int x = 0; x < im.width; ++x) {
            const double a = overlap(i, i + 1, ox + x * s, ox + (x + 1) * s) *
                             overlap(j, j + 1, oy + y * s, oy + (y + 1) * s);
            sum += a * im.pixels[static_cast<std::size_t>(y * im.width + x)] / 255.0;
            covered += a;
          }
        out.push_back(sum + (1 - covered) * background);
      }
    return out;
  };
  std::uint32_t state = 12345;
  const auto next = [&](int n) {
    state = state * 1664525u + 1013904223u;
    return static_cast<int>((state >> 8) % static_cast<std::uint32_t>(n));
  };
  for (int trial = 0; trial < 200; ++trial) {
    GreyImage im{1 + next(9), 1 + next(9), {}};
    for (int k = 0; k < im.width * im.height; ++k)
      im.pixels.push_back(static_cast<std::uint8_t>(next(256)));
    const int width = 1 + next(7), height = 1 + next(7);
    const ImageFit fit = next(2) == 0 ? ImageFit::contain : ImageFit::cover;
    const double background = next(2);
    INFO(im.width << "x" << im.height << " onto " << width << "x" << height << " "
                  << to_string(fit));
    const GreyGrid g = fit_area_average(im, width, height, fit, background);
    const std::vector<double> want = brute_force(im, width, height, fit, background);
    for (std::size_t c = 0; c < want.size(); ++c) CHECK(g.grey[c] == Approx(want[c]).margin(1e-9));
  }
}

TEST_CASE("grid sizes are checked") {
  const GreyImage one = grey_image(1, 1, {0});
  CHECK_THROWS_AS(fit_area_average(one, 0, 4, ImageFit::contain), std::invalid_argument);
  CHECK_THROWS_AS(fit_area_average(one, 4, kMaxSide + 1, ImageFit::contain), std::invalid_argument);
  CHECK_THROWS_WITH(import_image(png(1, 1, 1, {0}), 0, 4, {}, "x.png"), Contains("1..128"));
  CHECK_THROWS_WITH(import_image(png(1, 1, 1, {0}), 2, 2, fixed(1.5), "x.png"), Contains("[0, 1]"));
  const Pattern p = import_image(png(1, 1, 1, {0}), kMaxSide, kMaxSide, {}, "x.png");
  CHECK(p.size() == kMaxSide * kMaxSide);
}

TEST_CASE("Otsu's level") {
  SECTION("hand-computed: 0, 0, 100, 200, 255 (out of 255)") {
    // Between-class variance w0 w1 (mu0 - mu1)^2 for each split:
    //   {0,0} | {100,200,255}:  2 * 3 * 185^2      = 205350
    //   {0,0,100} | {200,255}:  3 * 2 * 194.1667^2 = 226204  <- largest
    //   {0,0,100,200} | {255}:  4 * 1 * 180^2      = 129600
    // so the level lies midway between bins 100 and 200.
    const std::vector<double> grey = {0, 0, 100 / 255.0, 200 / 255.0, 1};
    CHECK(otsu_level(grey) == Approx(150 / 255.0));
  }
  SECTION("a clearly bimodal histogram: the level separates the modes") {
    std::vector<double> grey;
    for (int k = 0; k < 100; ++k) grey.push_back(0.15 + 0.001 * k);  // 0.15 .. 0.249
    for (int k = 0; k < 60; ++k) grey.push_back(0.702 + 0.002 * k);  // 0.702 .. 0.82
    const double level = otsu_level(grey);
    CHECK(level > 0.25);
    CHECK(level < 0.702);
    // Midway between the last dark bin (round(0.249 * 255) = 63) and the first light one
    // (round(0.702 * 255) = 179).
    CHECK(level == Approx((63 + 179) / 510.0));
  }
  SECTION("one grey level: 0.5") {
    CHECK(otsu_level({0.3, 0.3, 0.3}) == 0.5);
    CHECK(otsu_level({}) == 0.5);
  }
}

TEST_CASE("a fixed level and invert") {
  const GreyGrid g = grey_grid(4, 1, {0.1, 0.39, 0.4, 0.9});
  CHECK(to_string(threshold_grey(g, 0.4)) == "##..");
  CHECK(to_string(threshold_grey(g, 0.0)) == "....");
  CHECK(to_string(threshold_grey(g, 1.0)) == "####");

  // A 4x2 picture, black left half, into 4x4: rows 1-2 hold it, rows 0 and 3 are margin.
  const std::string picture = png(4, 2, 1, {0, 0, 255, 255, 0, 0, 255, 255});
  const Pattern plain = import_image(picture, 4, 4, fixed(0.5), "half.png");
  CHECK(to_string(plain.spins) == "....##..##......");
  ImageImportOptions inverted = fixed(0.5);
  inverted.invert = true;
  // Inverted: the picture flips, the margin stays background (-1).
  CHECK(to_string(import_image(picture, 4, 4, inverted, "half.png").spins) == "......##..##....");
}

TEST_CASE("Floyd-Steinberg dithering") {
  SECTION("uniform 50% grey: half the cells +1, within one") {
    const std::vector<std::pair<int, int>> sizes = {{8, 8}, {16, 16}, {7, 5},
                                                    {1, 1}, {128, 3}, {31, 17}};
    for (const auto& [w, h] : sizes) {
      const std::vector<double> half(static_cast<std::size_t>(w * h), 0.5);
      const SpinVector s = dither(grey_grid(w, h, half));
      const int plus = static_cast<int>((s.array() == 1).count());
      INFO(w << "x" << h << ": " << plus << " of " << w * h);
      CHECK(std::abs(2 * plus - w * h) <= 2);
    }
  }
  SECTION("black and white stay all +1 and all -1") {
    CHECK(to_string(dither(grey_grid(3, 2, std::vector<double>(6, 0.0)))) == "######");
    CHECK(to_string(dither(grey_grid(3, 2, std::vector<double>(6, 1.0)))) == "......");
  }
  SECTION("through import_image") {
    ImageImportOptions o;
    o.threshold = parse_image_threshold("dither");
    const Pattern p = import_image(png(4, 4, 1, std::vector<int>(16, 0)), 4, 4, o, "black.png");
    CHECK(to_string(p.spins) == std::string(16, '#'));
  }
}

TEST_CASE("option words") {
  CHECK(parse_image_threshold("otsu").method == ThresholdMethod::otsu);
  CHECK(parse_image_threshold("dither").method == ThresholdMethod::dither);
  const ImageThreshold t = parse_image_threshold("0.4");
  CHECK(t.method == ThresholdMethod::fixed);
  CHECK(t.level == 0.4);
  CHECK(to_string(t) == "0.4");
  CHECK(to_string(parse_image_threshold("otsu")) == "otsu");
  CHECK(parse_image_threshold("1").level == 1.0);
  CHECK_THROWS_WITH(parse_image_threshold("1.5"), Contains("'1.5'") && Contains("[0, 1]"));
  CHECK_THROWS_WITH(parse_image_threshold("otsu2"),
                    Contains("'otsu2'") && Contains("otsu, dither or a level"));
  CHECK_THROWS_AS(parse_image_threshold(""), std::invalid_argument);
  CHECK(parse_image_fit("contain") == ImageFit::contain);
  CHECK(parse_image_fit("cover") == ImageFit::cover);
  CHECK_THROWS_WITH(parse_image_fit("fill"), Contains("'fill'") && Contains("contain, cover"));
  CHECK(to_string(ImageFit::cover) == "cover");
}

TEST_CASE("PNG and BMP written here decode to the expected grid") {
  SECTION("grey PNG, one pixel per cell") {
    CHECK(to_string(import_image(png(8, 8, 1, letter_l()), 8, 8, {}, "l.png").spins) == kLetterL);
  }
  std::vector<int> rgb;
  for (int v : letter_l()) rgb.insert(rgb.end(), {v, v, v});
  SECTION("RGB PNG and BMP") {
    CHECK(to_string(import_image(png(8, 8, 3, rgb), 8, 8, {}, "l.png").spins) == kLetterL);
    CHECK(to_string(import_image(bmp(8, 8, 3, rgb), 8, 8, {}, "l.bmp").spins) == kLetterL);
  }
  SECTION("onto 4x4: each cell 2x2 pixels; the L's cells are half (or 3/4) black") {
    // Column 0 cells: 2 of 4 pixels black (grey 0.5); the corner 3 of 4; the bottom row 2 of 4.
    const Pattern p = import_image(bmp(8, 8, 3, rgb), 4, 4, fixed(0.51), "l.bmp");
    CHECK(to_string(p.spins) == "#...#...#...####");
  }
  SECTION("Rec. 601 luma of red, green, blue, rounded") {
    const GreyImage g = decode_grey_image(png(3, 1, 3, {255, 0, 0, 0, 255, 0, 0, 0, 255}), "rgb");
    REQUIRE(g.pixels.size() == 3);
    CHECK(int{g.pixels[0]} == 76);   // 0.299 * 255 = 76.245
    CHECK(int{g.pixels[1]} == 150);  // 0.587 * 255 = 149.685
    CHECK(int{g.pixels[2]} == 29);   // 0.114 * 255 = 29.07
  }
}

TEST_CASE("RGBA PNG: transparent pixels are white") {
  // Black at alpha 255, 0 and 128: opaque black, white, and 255 * 127 / 255 = 127.
  const std::string bytes = png(3, 1, 4, {0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128});
  const GreyImage g = decode_grey_image(bytes, "alpha.png");
  CHECK(int{g.pixels[0]} == 0);
  CHECK(int{g.pixels[1]} == 255);
  CHECK(int{g.pixels[2]} == 127);
  CHECK(to_string(import_image(bytes, 3, 1, fixed(0.5), "alpha.png").spins) == "#.#");
  // Grey + alpha (2 channels) too.
  CHECK(to_string(import_image(png(2, 1, 2, {0, 255, 0, 0}), 2, 1, fixed(0.5), "ga.png").spins) ==
        "#.");
}

TEST_CASE("GIF (first frame) and JPEG") {
  SECTION("a 2x2 GIF written by hand: black, white / white, black") {
    // Global palette {black, white}; LZW with minimum code size 2 and a clear code before every
    // pixel, so every code stays 3 bits: 4 0 4 1 4 1 4 0 5, packed LSB first = 04 c3 10 05.
    const char bytes[] =
        "GIF89a\x02\x00\x02\x00\x80\x00\x00"        // 2x2, a 2-colour global palette
        "\x00\x00\x00\xff\xff\xff"                  // black, white
        "\x2c\x00\x00\x00\x00\x02\x00\x02\x00\x00"  // the image: at 0,0, 2x2
        "\x02\x04\x04\xc3\x10\x05\x00"              // LZW size 2, one 4-byte block
        "\x3b";                                     // trailer
    const std::string gif(bytes, sizeof bytes - 1);
    CHECK(looks_like_image(gif));
    const GreyImage g = decode_grey_image(gif, "check.gif");
    CHECK(g.width == 2);
    CHECK(g.height == 2);
    CHECK(to_string(import_image(gif, 2, 2, {}, "check.gif").spins) == "#..#");
  }
  SECTION("a JPEG from stb_image_write (quality 100): left half black") {
    std::vector<int> v;
    for (int y = 0; y < 16; ++y)
      for (int x = 0; x < 16; ++x) v.push_back(x < 8 ? 0 : 255);
    const std::string bytes = jpeg(16, 16, 1, v);
    CHECK(looks_like_image(bytes));
    CHECK(to_string(import_image(bytes, 2, 2, {}, "half.jpg").spins) == "#.#.");
    // Contain onto 4x2: the image fills the middle two columns; Otsu ignores the margin.
    CHECK(to_string(import_image(bytes, 4, 2, {}, "half.jpg").spins) == ".#...#..");
  }
}

TEST_CASE("bad image bytes give a clear error") {
  const std::string good = png(8, 8, 1, letter_l());
  CHECK_THROWS_AS(import_image(good.substr(0, good.size() / 2), 8, 8, {}, "cut.png"),
                  ImageImportError);
  CHECK_THROWS_WITH(import_image(good.substr(0, good.size() / 2), 8, 8, {}, "cut.png"),
                    Contains("cut.png: cannot decode the image: damaged, cut short"));
  std::string noise;
  for (int i = 0; i < 300; ++i) noise += static_cast<char>((i * 73 + 41) % 251);
  CHECK_THROWS_WITH(import_image(noise, 8, 8, {}, "noise.bin"),
                    Contains("noise.bin: not a PNG, JPEG, GIF or BMP image"));
  CHECK_THROWS_WITH(import_image("", 8, 8, {}, "empty.png"),
                    Contains("empty.png: the file is empty"));
  CHECK_THROWS_AS(import_image(good.substr(0, 12), 8, 8, {}, "x.png"), ImageImportError);
  // A PatternFileError, so callers that report bad pattern files report this too.
  CHECK_THROWS_AS(import_image(noise, 8, 8, {}, "noise.bin"), PatternFileError);
  CHECK_FALSE(looks_like_image(noise));
  CHECK_FALSE(looks_like_image("name: x\n#.\n"));
  CHECK(looks_like_image(good));
}

TEST_CASE("a JPEG Huffman table with more than 256 codes is refused before decoding") {
  // stb_image 2.27 writes past its table for one (found by fuzz_image): SOI, then a DHT segment
  // whose 16 code counts are 32 each (512 codes).
  std::string jpeg_bytes("\xff\xd8\xff\xc4\x02\x13\x00", 7);
  jpeg_bytes += std::string(16, '\x20') + std::string(512, '\x01') + "\xff\xd9";
  CHECK_THROWS_WITH(import_image(jpeg_bytes, 4, 4, {}, "dht.jpg"),
                    "dht.jpg: a damaged JPEG: a Huffman table at byte 6 holds 512 codes, more "
                    "than 256");
  // stb_image skips FF fill bytes before the start marker: so does the check.
  CHECK_THROWS_WITH(import_image("\xff\xff" + jpeg_bytes, 4, 4, {}, "fill.jpg"),
                    Contains("holds 512 codes"));
  // 256 codes (16 counts of 16) is within the format; stb_image then fails for want of a frame.
  std::string fine("\xff\xd8\xff\xc4\x01\x13\x00", 7);
  fine += std::string(16, '\x10') + std::string(256, '\x01') + "\xff\xd9";
  CHECK_THROWS_WITH(import_image(fine, 4, 4, {}, "fine.jpg"), !Contains("Huffman"));
}

TEST_CASE("an image with a side 0 is refused") {
  // A BMP (found by fuzz_image) whose header says 524296 x 0, which stb_image lets through.
  const std::string hex =
      "424d7aff1700000000007a0000006c000000080008000000000001002000030000000000004c424d"
      "7aff1700000000007a0000006c0000000800080000000000010020000300000000000000000000ff"
      "0000ffd8000000000000001f1a1b231c1616202c20232627292a29191f2d302d283007070a080a13"
      "0a0a282854";
  CHECK_THROWS_WITH(import_image(bytes_of_hex(hex), 4, 4, {}, "flat.bmp"),
                    "flat.bmp: the image is 524296x0: it has no pixels");
}

TEST_CASE("a PNG whose data inflates far beyond its size is refused") {
  // A 1x1 grey PNG (2 bytes of image data with the filter byte) whose IDAT inflates to 4 MB.
  const std::vector<unsigned char> zeros(std::size_t{4} << 20, 0);
  int zlib_length = 0;
  unsigned char* zlib = stbi_zlib_compress(const_cast<unsigned char*>(zeros.data()),
                                           static_cast<int>(zeros.size()), &zlib_length, 8);
  REQUIRE(zlib != nullptr);
  const std::string idat(reinterpret_cast<const char*>(zlib),
                         static_cast<std::size_t>(zlib_length));
  STBIW_FREE(zlib);
  const std::string ihdr = "IHDR" + big_endian(1) + big_endian(1) + std::string("\x08\0\0\0\0", 5);
  const std::string bomb = std::string("\x89PNG\r\n\x1a\n") + big_endian(13) + ihdr +
                           big_endian(0) + big_endian(static_cast<std::uint32_t>(idat.size())) +
                           "IDAT" + idat + big_endian(0) + big_endian(0) + "IEND" + big_endian(0);
  INFO(bomb.size() << " bytes");
  CHECK_THROWS_WITH(import_image(bomb, 4, 4, {}, "bomb.png"),
                    Contains("bomb.png: decoding a 1x1 image asked for more than 1 MB at once"));
  // The same container with 2 bytes of data decodes: the refusal was the cap, not the framing.
  const unsigned char row[2] = {0, 0};
  zlib = stbi_zlib_compress(const_cast<unsigned char*>(row), 2, &zlib_length, 8);
  const std::string small(reinterpret_cast<const char*>(zlib),
                          static_cast<std::size_t>(zlib_length));
  STBIW_FREE(zlib);
  const std::string fine = std::string("\x89PNG\r\n\x1a\n") + big_endian(13) + ihdr +
                           big_endian(0) + big_endian(static_cast<std::uint32_t>(small.size())) +
                           "IDAT" + small + big_endian(0) + big_endian(0) + "IEND" + big_endian(0);
  CHECK(to_string(import_image(fine, 1, 1, {}, "fine.png").spins) == "#");
}

TEST_CASE("a PNG whose first data chunk is empty decodes") {
  // Legal (a PNG may split its data over IDAT chunks of any length, 0 included); stb_image
  // 2.27 copied the empty chunk with memcpy(NULL, p, 0), which UBSan reports (fuzz_image found
  // it). A 2x1 grey image, black then white: dark is +1, so "#.".
  const unsigned char row[3] = {0, 0, 255};  // filter byte "none", then the two pixels
  int zlib_length = 0;
  unsigned char* zlib = stbi_zlib_compress(const_cast<unsigned char*>(row), 3, &zlib_length, 8);
  REQUIRE(zlib != nullptr);
  const std::string data(reinterpret_cast<const char*>(zlib),
                         static_cast<std::size_t>(zlib_length));
  STBIW_FREE(zlib);
  const std::string ihdr = "IHDR" + big_endian(2) + big_endian(1) + std::string("\x08\0\0\0\0", 5);
  const std::string png = std::string("\x89PNG\r\n\x1a\n") + big_endian(13) + ihdr +
                          big_endian(0) + big_endian(0) + "IDAT" + big_endian(0) +
                          big_endian(static_cast<std::uint32_t>(data.size())) + "IDAT" + data +
                          big_endian(0) + big_endian(0) + "IEND" + big_endian(0);
  ImageImportOptions options;
  options.threshold.method = ThresholdMethod::fixed;
  options.threshold.level = 0.5;
  CHECK(to_string(import_image(png, 2, 1, options, "split.png").spins) == "#.");
}

TEST_CASE("an image over the pixel limit is refused from its header") {
  // Only the signature and IHDR: decoding would fail for want of pixel data, so the size
  // message shows the size check ran first, before anything was allocated for the pixels.
  const std::string big = png_header_only(5000, 5000);
  CHECK_THROWS_WITH(import_image(big, 16, 16, {}, "big.png"),
                    "big.png: the image is 5000x5000 = 25000000 pixels; images are limited to "
                    "16777216 pixels (4096x4096)");
  CHECK_THROWS_AS(decode_grey_image(big, "big.png"), ImageImportError);
  // At the limit the header passes, and the missing pixel data is what fails.
  CHECK_THROWS_WITH(import_image(png_header_only(4096, 4096), 16, 16, {}, "edge.png"),
                    Contains("edge.png: cannot decode the image"));
}

TEST_CASE("grey levels for the real-valued models: 1 - 2 grey, no threshold", "[image]") {
  // A 3x1 grey PNG: black, mid-grey 102 (0.4), white; level = 1 - 2 grey: 1, 0.2, -1.
  const unsigned char row[4] = {0, 0, 102, 255};
  int zlib_length = 0;
  unsigned char* zlib = stbi_zlib_compress(const_cast<unsigned char*>(row), 4, &zlib_length, 8);
  REQUIRE(zlib != nullptr);
  const std::string data(reinterpret_cast<const char*>(zlib), static_cast<std::size_t>(zlib_length));
  STBIW_FREE(zlib);
  const std::string ihdr = "IHDR" + big_endian(3) + big_endian(1) + std::string("\x08\0\0\0\0", 5);
  const std::string png = std::string("\x89PNG\r\n\x1a\n") + big_endian(13) + ihdr + big_endian(0) +
                          big_endian(static_cast<std::uint32_t>(data.size())) + "IDAT" + data +
                          big_endian(0) + big_endian(0) + "IEND" + big_endian(0);
  const std::vector<double> levels = import_grey_levels(png, 3, 1, {}, "grey.png");
  REQUIRE(levels.size() == 3);
  CHECK(levels[0] == 1.0);
  CHECK(levels[1] == Approx(0.2));
  CHECK(levels[2] == -1.0);
  ImageImportOptions inverted;
  inverted.invert = true;
  const std::vector<double> light = import_grey_levels(png, 3, 1, inverted, "grey.png");
  CHECK(light[0] == -1.0);
  CHECK(light[2] == 1.0);
  // Contain onto a 3x3 grid: the rows above and below are margin, background, -1 either way.
  const std::vector<double> framed = import_grey_levels(png, 3, 3, inverted, "grey.png");
  CHECK(framed[0] == -1.0);
  CHECK(framed[8] == -1.0);
  CHECK(framed[5] == 1.0);  // the white pixel, inverted, in the middle row
}

namespace {

// A 16x16 progressive JPEG (Pillow, quality 90): white with a black 8x8 square in the middle,
// in 6 scans.
std::string progressive_jpeg() {
  const std::string hex =
      "ffd8ffe000104a46494600010100000100010000ffdb0043000302020302020303030304030304050805050404050a07"
      "0706080c0a0c0c0b0a0b0b0d0e12100d0e110e0b0b1016101113141515150c0f171816141812141514ffc2000b080010"
      "001001011100ffc4001500010100000000000000000000000000000007ffda0008010100000001aa0fffc40016100101"
      "0100000000000000000000000000060016ffda000801010001050272e7170673b49c86da418362efffc4001c10000103"
      "05000000000000000000000000120001140424435261ffda0008010100063f02a2b29924f28088f1f655b650e3065322"
      "2e36aa8af61c63c46443d6d556decc92188044bafb2fffc400181000020300000000000000000000000000001161b1f0"
      "ffda0008010100013f21db3899d0db388958db388958db3899d0ffda0008010100000010ff00ffc40018100002030000"
      "0000000000000000000000112151e1f0ffda0008010100013f10dcc4ae0915b9897c300f7312f8601ee6257048afffd9";
  return bytes_of_hex(hex);
}

// The JPEG with its first scan (DC coefficients, from its SOS marker to the next table)
// repeated until it has `scans` scans: stb_image decodes each one again over the whole image.
std::string with_scans(const std::string& jpeg, int scans) {
  const std::size_t first = jpeg.find("\xff\xda"), end = jpeg.find("\xff\xc4", first);
  const std::string scan = jpeg.substr(first, end - first);
  std::string out = jpeg.substr(0, end);
  for (int k = 6; k < scans; ++k) out += scan;
  return out + jpeg.substr(end);
}

}  // namespace

TEST_CASE("a progressive JPEG decodes; one with too many scans is refused before decoding") {
  const std::string jpeg = progressive_jpeg();
  CHECK(to_string(import_image(jpeg, 4, 4, {}, "square.jpg").spins) == ".....##..##.....");
  // 20 scans: the DC scan again sets the same coefficients, and is within the limit.
  CHECK(to_string(import_image(with_scans(jpeg, 20), 4, 4, {}, "twenty.jpg").spins) ==
        ".....##..##.....");
  // 1001 scans of 256 pixels: over the scan limit (a 140 KB file of 10,000 scans took 55 s).
  CHECK_THROWS_WITH(import_image(with_scans(jpeg, 1001), 4, 4, {}, "scans.jpg"),
                    "scans.jpg: a JPEG of 16x16 in 1001 scans: decoding it would take 1001 passes "
                    "over its pixels, more than the limit of 1000 scans and 536870912 pixels x "
                    "scans (32 scans of a 4096x4096 image; a progressive JPEG has about 10): save "
                    "it as a baseline JPEG or a PNG");
  // The frame header made to say 4096x4096: 40 scans are over pixels x scans, refused from the
  // bytes (decoding would run out of data long before).
  std::string big = with_scans(jpeg, 40);
  const std::size_t sof = big.find("\xff\xc2");
  REQUIRE(sof != std::string::npos);
  big.replace(sof + 5, 4, std::string("\x10\x00\x10\x00", 4));
  CHECK_THROWS_WITH(import_image(big, 4, 4, {}, "big.jpg"),
                    Contains("big.jpg: a JPEG of 4096x4096 in 40 scans"));
}

TEST_CASE("an image over stb_image's own size limits is refused by its stated size") {
  // stb_image refuses a PNG of more than 2^30 pixel bytes without a reason ("unknown image
  // type"): its header's size is read here first.
  CHECK_THROWS_WITH(import_image(png_header_only(40000, 40000), 16, 16, {}, "huge.png"),
                    "huge.png: the image is 40000x40000 = 1600000000 pixels; images are limited "
                    "to 16777216 pixels (4096x4096)");
  // The largest sides a header can state: their product is counted without overflowing (the
  // fuzzer found 4294967295 x 4294967295 overflowing a signed 64-bit product).
  CHECK_THROWS_WITH(import_image(png_header_only(4294967295u, 4294967295u), 16, 16, {}, "max.png"),
                    "max.png: the image is 4294967295x4294967295 = 18446744065119617025 pixels; "
                    "images are limited to 16777216 pixels (4096x4096)");
  // A 20000 x 1 PNG is within both limits: its missing data is what fails.
  CHECK_THROWS_WITH(import_image(png_header_only(20000, 1), 16, 16, {}, "wide.png"),
                    Contains("wide.png: cannot decode the image"));
}
