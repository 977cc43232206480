// Renders the built-in pattern sets in assets/patterns/: letters A-Z and digits 0-9 from a
// TrueType font (DejaVu Sans Bold), and classic geometric patterns, at 16x16 and 28x28.
// Every cell is the coverage of that grid square, computed by supersampling, thresholded
// at 50%. Output is the text grid format read by src/core/io/pattern_io.hpp.
//
// Usage: render_glyphs [--font FILE.ttf] [--out DIR] [--preview]
// Standalone on purpose (no project includes): stb_truetype from Debian's libstb-dev.
#include <stb/stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <numbers>
#include <set>
#include <string>
#include <vector>

namespace {

constexpr int kOversample = 16;  // sub-samples per cell side
constexpr double kPi = std::numbers::pi;

struct Grid {
  std::string name;
  int size = 0;
  std::vector<unsigned char> ink;  // row-major, 1 = '#'

  double ink_fraction() const {
    return static_cast<double>(std::count(ink.begin(), ink.end(), 1)) / ink.size();
  }
};

// Margin (in cells) between a glyph's bounding box and the grid edge.
int margin_for(int size) { return size >= 24 ? 2 : 1; }

// Cells whose supersampled coverage (0..1 per sample, size*kOversample squared) is >= 50%.
Grid threshold_coverage(const std::string& name, int size, const std::vector<float>& hires) {
  const int hs = size * kOversample;
  Grid g{name, size, std::vector<unsigned char>(size * size, 0)};
  for (int r = 0; r < size; ++r)
    for (int c = 0; c < size; ++c) {
      double sum = 0;
      for (int y = 0; y < kOversample; ++y)
        for (int x = 0; x < kOversample; ++x)
          sum += hires[(r * kOversample + y) * hs + c * kOversample + x];
      g.ink[r * size + c] = sum / (kOversample * kOversample) >= 0.5 ? 1 : 0;
    }
  return g;
}

// ---- Glyphs ---------------------------------------------------------------------------

struct Font {
  std::vector<unsigned char> data;
  stbtt_fontinfo info{};
};

Font load_font(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "render_glyphs: cannot open font " << path
              << " (Debian: apt-get install fonts-dejavu-core)\n";
    std::exit(1);
  }
  Font f;
  f.data.assign(std::istreambuf_iterator<char>(in), {});
  if (!stbtt_InitFont(&f.info, f.data.data(), stbtt_GetFontOffsetForIndex(f.data.data(), 0))) {
    std::cerr << "render_glyphs: " << path << " is not a TrueType font\n";
    std::exit(1);
  }
  return f;
}

// The glyph's outline box is centred in the grid. Scale: cap height ('H') fills the grid
// inside the margin, reduced for any glyph that would not fit (Q's tail, wide W).
Grid render_glyph(const Font& font, int codepoint, int size) {
  const int margin = margin_for(size);
  const double room = size - 2 * margin;
  int hx0, hy0, hx1, hy1;
  stbtt_GetCodepointBox(&font.info, 'H', &hx0, &hy0, &hx1, &hy1);
  int x0, y0, x1, y1;
  if (!stbtt_GetCodepointBox(&font.info, codepoint, &x0, &y0, &x1, &y1)) {
    std::cerr << "render_glyphs: font has no outline for U+" << std::hex << codepoint << "\n";
    std::exit(1);
  }
  const double cell_scale = std::min({room / (hy1 - hy0), room / (y1 - y0), room / (x1 - x0)});
  const float scale = static_cast<float>(cell_scale * kOversample);

  // Font units -> hi-res pixels (y down): px = fx*scale + off_x, py = -fy*scale + off_y.
  const int hs = size * kOversample;
  const double off_x = hs / 2.0 - (x0 + x1) / 2.0 * scale;
  const double off_y = hs / 2.0 + (y0 + y1) / 2.0 * scale;
  const float shift_x = static_cast<float>(off_x - std::floor(off_x));
  const float shift_y = static_cast<float>(off_y - std::floor(off_y));
  int w = 0, h = 0, bx = 0, by = 0;
  unsigned char* bitmap = stbtt_GetCodepointBitmapSubpixel(&font.info, scale, scale, shift_x,
                                                           shift_y, codepoint, &w, &h, &bx, &by);
  std::vector<float> hires(hs * hs, 0.0f);
  const int left = static_cast<int>(std::floor(off_x)) + bx;
  const int top = static_cast<int>(std::floor(off_y)) + by;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int X = left + x, Y = top + y;
      if (X >= 0 && X < hs && Y >= 0 && Y < hs) hires[Y * hs + X] = bitmap[y * w + x] / 255.0f;
    }
  stbtt_FreeBitmap(bitmap, nullptr);
  return threshold_coverage(std::string(1, static_cast<char>(codepoint)), size, hires);
}

// ---- Classic patterns -----------------------------------------------------------------

// Inside test in cell units: (x, y) in [0, size)^2, y down.
using Shape = std::function<bool(double x, double y)>;

Grid render_shape(const std::string& name, int size, const Shape& inside) {
  const int hs = size * kOversample;
  std::vector<float> hires(hs * hs);
  for (int Y = 0; Y < hs; ++Y)
    for (int X = 0; X < hs; ++X)
      hires[Y * hs + X] = inside((X + 0.5) / kOversample, (Y + 0.5) / kOversample) ? 1.0f : 0.0f;
  return threshold_coverage(name, size, hires);
}

std::vector<Grid> classic_patterns(int size) {
  const double n = size, c = n / 2.0;
  const double m = margin_for(size);
  const double R = c - m;                     // radius that touches the margin
  const double stroke = n >= 24 ? 3.0 : 2.0;  // line width of outlines
  const int stripe = n >= 24 ? 4 : 2;         // stripe width in cells
  const int square = size / 4;                // checkerboard: 4 x 4 squares
  const auto in_box = [=](double x, double y) {
    return x >= m && x < n - m && y >= m && y < n - m;
  };
  const auto disc = [](double x, double y, double cx, double cy, double r) {
    return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
  };
  const double bar = n / 4.0;  // width of the cross's bars

  std::vector<Grid> out;
  out.push_back(render_shape("cross", size, [=](double x, double y) {
    return in_box(x, y) && (std::abs(x - c) < bar / 2 || std::abs(y - c) < bar / 2);
  }));
  out.push_back(render_shape("x", size, [=](double x, double y) {
    const double half = stroke * std::numbers::sqrt2 / 2 + 0.25;
    return in_box(x, y) && (std::abs(x - y) < half || std::abs(x + y - n) < half);
  }));
  out.push_back(render_shape("checkerboard", size, [=](double x, double y) {
    return (static_cast<int>(x) / square + static_cast<int>(y) / square) % 2 == 0;
  }));
  out.push_back(render_shape("stripes-horizontal", size, [=](double, double y) {
    return (static_cast<int>(y) / stripe) % 2 == 0;
  }));
  out.push_back(render_shape("stripes-vertical", size, [=](double x, double) {
    return (static_cast<int>(x) / stripe) % 2 == 0;
  }));
  out.push_back(render_shape("diagonal", size,
                             [=](double x, double y) { return std::abs(x - y) < n / 6.0; }));
  out.push_back(render_shape("frame", size, [=](double x, double y) {
    return x < stroke || y < stroke || x >= n - stroke || y >= n - stroke;
  }));
  out.push_back(render_shape("ring", size, [=](double x, double y) {
    return disc(x, y, c, c, R) && !disc(x, y, c, c, R - stroke);
  }));
  out.push_back(
      render_shape("disc", size, [=](double x, double y) { return disc(x, y, c, c, R * 0.75); }));
  out.push_back(render_shape(
      "diamond", size, [=](double x, double y) { return std::abs(x - c) + std::abs(y - c) <= R; }));
  out.push_back(render_shape("triangle", size, [=](double x, double y) {
    // Apex at the top centre, base on the bottom margin.
    const double t = (y - m) / (n - 2 * m);
    return y >= m && y < n - m && std::abs(x - c) <= t * R;
  }));
  out.push_back(render_shape("smiley", size, [=](double x, double y) {
    const bool face = disc(x, y, c, c, R) && !disc(x, y, c, c, R - stroke * 0.75);
    const double eye_r = n / 14.0;
    const bool eyes = disc(x, y, c - R * 0.33, c - R * 0.3, eye_r) ||
                      disc(x, y, c + R * 0.33, c - R * 0.3, eye_r);
    // Mouth: the lower arc (angles 30..150 degrees below the centre) of a smaller circle.
    const double dx = x - c, dy = y - (c - R * 0.05);
    const double r = std::hypot(dx, dy), angle = std::atan2(dy, dx);
    const double mouth_r = R * 0.5;
    const bool mouth =
        std::abs(r - mouth_r) < stroke * 0.4 && angle > kPi * 0.17 && angle < kPi * 0.83;
    return face || eyes || mouth;
  }));
  return out;
}

// ---- Output and checks ----------------------------------------------------------------

std::string to_text(const std::vector<Grid>& grids) {
  std::string s;
  for (std::size_t i = 0; i < grids.size(); ++i) {
    if (i) s += '\n';
    s += "name: " + grids[i].name + '\n';
    for (int r = 0; r < grids[i].size; ++r) {
      for (int c = 0; c < grids[i].size; ++c) s += grids[i].ink[r * grids[i].size + c] ? '#' : '.';
      s += '\n';
    }
  }
  return s;
}

// A Hopfield net cannot tell a pattern from its negative, so a set must hold neither twins
// nor inverse pairs; nearly blank or nearly full patterns are useless too.
bool check_set(const std::string& file, const std::vector<Grid>& grids) {
  bool ok = true;
  for (const Grid& g : grids) {
    const double f = g.ink_fraction();
    if (f < 0.08 || f > 0.7) {
      std::cerr << file << ": " << g.name << " has ink fraction " << f << "\n";
      ok = false;
    }
  }
  for (std::size_t i = 0; i < grids.size(); ++i)
    for (std::size_t j = i + 1; j < grids.size(); ++j) {
      std::vector<unsigned char> inverse(grids[j].ink);
      for (auto& v : inverse) v ^= 1;
      if (grids[i].ink == grids[j].ink || grids[i].ink == inverse) {
        std::cerr << file << ": " << grids[i].name << " and " << grids[j].name
                  << " are identical or inverse\n";
        ok = false;
      }
    }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  std::string out_dir = "assets/patterns";
  bool preview = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--font" && i + 1 < argc)
      font_path = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out_dir = argv[++i];
    else if (a == "--preview")
      preview = true;
    else {
      std::cerr << "usage: render_glyphs [--font FILE.ttf] [--out DIR] [--preview]\n";
      return 2;
    }
  }
  const Font font = load_font(font_path);

  bool ok = true;
  for (int size : {16, 28}) {
    std::vector<Grid> letters, digits;
    for (int ch = 'A'; ch <= 'Z'; ++ch) letters.push_back(render_glyph(font, ch, size));
    for (int ch = '0'; ch <= '9'; ++ch) digits.push_back(render_glyph(font, ch, size));
    const std::vector<std::pair<std::string, std::vector<Grid>>> sets = {
        {"letters", letters}, {"digits", digits}, {"classic", classic_patterns(size)}};
    for (const auto& [kind, grids] : sets) {
      const std::string path = out_dir + "/" + kind + "-" + std::to_string(size) + ".txt";
      ok = check_set(path, grids) && ok;
      std::ofstream out(path, std::ios::binary);
      out << to_text(grids);
      if (!out) {
        std::cerr << "render_glyphs: cannot write " << path << "\n";
        return 1;
      }
      double lo = 1, hi = 0;
      for (const Grid& g : grids)
        lo = std::min(lo, g.ink_fraction()), hi = std::max(hi, g.ink_fraction());
      std::printf("%-28s %2zu patterns %dx%d, ink %.2f..%.2f\n", path.c_str(), grids.size(), size,
                  size, lo, hi);
      if (preview) std::cout << to_text(grids) << '\n';
    }
  }
  return ok ? 0 : 1;
}
