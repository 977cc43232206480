// Image files to patterns: decode (stb_image), grey, fit to the grid, threshold.
#include "core/io/image_import.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <utility>

#include "core/corruption.hpp"
#include "core/io/json.hpp"
#include "core/parse.hpp"

// Every allocation stb_image makes is held to `cap`, set per call to what a legal image of the
// header's size can need, so a zlib bomb inside a PNG (which stb_image would inflate to up to
// 4 GB) fails instead of taking the memory.
namespace hopfield::stbi_memory {
thread_local std::size_t cap = 0;
thread_local bool refused = false;
void* allocate(std::size_t bytes) {
  refused = refused || bytes > cap;
  return bytes > cap ? nullptr : std::malloc(bytes);
}
void* reallocate(void* p, std::size_t bytes) {
  refused = refused || bytes > cap;
  return bytes > cap ? nullptr : std::realloc(p, bytes);
}
}  // namespace hopfield::stbi_memory

// stb_image private to this file (static functions, so nothing else linked can clash with it),
// reading only from memory and only the four formats we promise.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_MALLOC(bytes) hopfield::stbi_memory::allocate(bytes)
#define STBI_REALLOC(p, bytes) hopfield::stbi_memory::reallocate(p, bytes)
#define STBI_FREE(p) std::free(p)
// stb_image 2.27 reads a PNG whose first IDAT chunk is empty (legal) with memcpy(NULL, p, 0),
// undefined behaviour that UBSan reports (found by fuzz_image); its memcpy goes through one
// that skips empty copies. <cstring> first, so the macro renames only stb_image's calls.
#include <cstring>
namespace hopfield::stbi_memory {
inline void* copy(void* to, const void* from, std::size_t bytes) {
  return bytes == 0 ? to : std::memcpy(to, from, bytes);
}
}  // namespace hopfield::stbi_memory
#define memcpy(to, from, bytes) hopfield::stbi_memory::copy(to, from, bytes)
#include "stb_image.h"
#undef memcpy

namespace hopfield {
namespace {

std::string size_text(std::int64_t width, std::int64_t height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

// stb_image's terse reason; for a file cut short inside a PNG chunk name it can be a fragment
// of that name, or empty.
std::string stbi_reason() {
  const char* reason = stbi_failure_reason();
  return reason != nullptr && *reason != '\0' ? reason : "no reason given";
}

// a / b rounded towards minus infinity (b > 0).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// One axis of the fit in integer units, so every overlap is exact: cell i spans
// [i * unit, (i + 1) * unit) and source pixel k spans [first + k * step, first + (k + 1) * step).
// With cells per pixel s = num / den, unit = 2 den, step = 2 num, and the image is centred:
// first = (cells - pixels * s) / 2 in cells.
struct FitAxis {
  int pixels, cells;
  std::int64_t unit, step, first;

  // Calls f(cell, overlap) for each cell that pixel k overlaps (none when it is cropped away).
  template <class F>
  void for_each_overlap(std::int64_t k, F f) const {
    const std::int64_t lo = first + k * step, hi = lo + step;
    const std::int64_t i0 = std::max<std::int64_t>(0, floor_div(lo, unit));
    const std::int64_t i1 = std::min<std::int64_t>(cells - 1, floor_div(hi - 1, unit));
    for (std::int64_t i = i0; i <= i1; ++i) {
      const std::int64_t overlap = std::min(hi, (i + 1) * unit) - std::max(lo, i * unit);
      if (overlap > 0) f(static_cast<int>(i), overlap);
    }
  }
  // Length of cell i that the image covers.
  std::int64_t covered(int i) const {
    const std::int64_t lo = std::max(first, i * unit);
    const std::int64_t hi = std::min(first + pixels * step, (i + 1) * unit);
    return std::max<std::int64_t>(0, hi - lo);
  }
  // The pixels that overlap some cell: [begin, end).
  std::int64_t visible_begin() const {
    return std::clamp<std::int64_t>(floor_div(-first, step), 0, pixels);
  }
  std::int64_t visible_end() const {
    return std::clamp<std::int64_t>(floor_div(cells * unit - first - 1, step) + 1, 0, pixels);
  }
};

FitAxis fit_axis(int pixels, int cells, std::int64_t num, std::int64_t den) {
  return {pixels, cells, 2 * den, 2 * num, cells * den - pixels * num};
}

// The most memory one allocation of stb_image may take while decoding a width x height image
// from `file_bytes` bytes: 8 bytes a pixel (16-bit RGBA), 64 a row and a column (JPEG blocks
// rounded up to 16 pixels), twice the file (a PNG's data gathered from its chunks), 1 MB of
// tables.
std::size_t decode_allocation_cap(std::int64_t width, std::int64_t height, std::size_t file_bytes) {
  return static_cast<std::size_t>(8 * width * height + 64 * (width + height)) + 2 * file_bytes +
         (std::size_t{1} << 20);
}

// Sets stb_image's allocation cap for one call, and clears it after.
class StbiCap {
 public:
  explicit StbiCap(std::size_t cap) {
    stbi_memory::cap = cap;
    stbi_memory::refused = false;
  }
  ~StbiCap() { stbi_memory::cap = 0; }
  StbiCap(const StbiCap&) = delete;
  StbiCap& operator=(const StbiCap&) = delete;
};

// stb_image 2.27 (Debian 12's libstb-dev) does not check that a JPEG Huffman table (DHT) holds
// at most 256 codes, and writes past the table when one holds more (found by fuzz_image). No
// valid JPEG has one, so such a file is refused before stb_image sees it. Every FF C4 in the
// file is read as a DHT segment the way stb_image reads one: tables while the segment's length
// lasts, each read in full even past that length, bytes past the end of the file as 0.
void refuse_oversized_huffman_tables(std::string_view bytes, const std::string& source) {
  const auto byte = [&](std::size_t i) {
    return i < bytes.size() ? static_cast<std::uint8_t>(bytes[i]) : std::uint8_t{0};
  };
  for (std::size_t at = 0; at + 1 < bytes.size(); ++at) {
    if (byte(at) != 0xff || byte(at + 1) != 0xc4) continue;
    const std::size_t end = at + 2 + (std::size_t{byte(at + 2)} << 8 | byte(at + 3));
    // Tables one after another: class and id, 16 code counts, then the codes.
    for (std::size_t table = at + 4; table < end && table < bytes.size();) {
      std::size_t codes = 0;
      for (std::size_t k = 1; k <= 16; ++k) codes += byte(table + k);
      if (codes > 256)
        throw ImageImportError(source + ": a damaged JPEG: a Huffman table at byte " +
                               std::to_string(table) + " holds " + std::to_string(codes) +
                               " codes, more than 256");
      table += 17 + codes;
    }
  }
}

std::uint32_t big_endian(std::string_view b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int k = 0; k < bytes; ++k) v = v << 8 | static_cast<std::uint8_t>(b[at + k]);
  return v;
}

std::uint32_t little_endian(std::string_view b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int k = bytes - 1; k >= 0; --k) v = v << 8 | static_cast<std::uint8_t>(b[at + k]);
  return v;
}

// Width and height as the file's header states them, read here because stb_image refuses a
// header over its own limits without saying why ("unknown image type"); 0 x 0 when the header
// is cut short or not one of the four formats.
std::pair<std::int64_t, std::int64_t> header_size(std::string_view b) {
  const auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("\x89PNG\r\n\x1a\n") && b.size() >= 24)
    return {big_endian(b, 16, 4), big_endian(b, 20, 4)};
  if ((starts("GIF87a") || starts("GIF89a")) && b.size() >= 10)
    return {little_endian(b, 6, 2), little_endian(b, 8, 2)};
  if (starts("BM") && b.size() >= 26 && little_endian(b, 14, 4) >= 40) {
    const auto height = static_cast<std::int32_t>(little_endian(b, 22, 4));
    return {static_cast<std::int32_t>(little_endian(b, 18, 4)),
            height < 0 ? -std::int64_t{height} : height};
  }
  // A JPEG's size is in its frame header (SOF0..SOF15 but DHT C4, JPG C8, DAC CC).
  for (std::size_t at = 0; starts("\xff\xd8") && at + 9 <= b.size(); ++at) {
    const auto marker = static_cast<std::uint8_t>(b[at + 1]);
    if (static_cast<std::uint8_t>(b[at]) == 0xff && marker >= 0xc0 && marker <= 0xcf &&
        marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
      return {big_endian(b, at + 7, 2), big_endian(b, at + 5, 2)};
  }
  return {0, 0};
}

// A JPEG is decoded scan by scan, each over the whole image: its scans are its start-of-scan
// markers (FF DA; entropy-coded data stuffs every FF as FF 00, so a marker is never inside it).
std::int64_t jpeg_scans(std::string_view b) {
  std::int64_t scans = 0;
  for (std::size_t at = 0; at + 1 < b.size(); ++at)
    scans += static_cast<std::uint8_t>(b[at]) == 0xff && static_cast<std::uint8_t>(b[at + 1]) == 0xda;
  return scans;
}

// Pixels of a header's sides, each up to 2^32 - 1 (their product fits 64 bits unsigned, not
// signed); a negative side counts as 0.
std::uint64_t header_pixels(std::int64_t width, std::int64_t height) {
  return static_cast<std::uint64_t>(std::max<std::int64_t>(width, 0)) *
         static_cast<std::uint64_t>(std::max<std::int64_t>(height, 0));
}

void refuse_over_pixel_limit(std::int64_t width, std::int64_t height, const std::string& source) {
  const std::uint64_t pixels = header_pixels(width, height);
  static_assert(kMaxImagePixels == 4096 * 4096, "the message below names 4096x4096");
  if (pixels > static_cast<std::uint64_t>(kMaxImagePixels))
    throw ImageImportError(source + ": the image is " + size_text(width, height) + " = " +
                           std::to_string(pixels) + " pixels; images are limited to " +
                           std::to_string(kMaxImagePixels) + " pixels (4096x4096)");
}

// The decoder's work, before it starts: a JPEG's pixels times its scans.
void refuse_over_decoding_work(std::string_view b, std::int64_t width, std::int64_t height,
                               const std::string& source) {
  if (static_cast<std::uint8_t>(b[0]) != 0xff) return;  // only a JPEG has scans
  const std::int64_t scans = jpeg_scans(b);
  const std::uint64_t pixels = header_pixels(width, height);
  static_assert(kMaxImageScanPixels == std::int64_t{32} * kMaxImagePixels, "the message says 32");
  // pixels x scans > the limit, without the product (pixels may be near 2^64).
  if (scans > kMaxJpegScans ||
      (scans > 0 && pixels > static_cast<std::uint64_t>(kMaxImageScanPixels / scans)))
    throw ImageImportError(
        source + ": a JPEG of " + size_text(width, height) + " in " + std::to_string(scans) +
        " scans: decoding it would take " + std::to_string(scans) + " passes over its pixels, " +
        "more than the limit of " + std::to_string(kMaxJpegScans) + " scans and " +
        std::to_string(kMaxImageScanPixels) + " pixels x scans (32 scans of a 4096x4096 image; "
        "a progressive JPEG has about 10): save it as a baseline JPEG or a PNG");
}

void check_level(double level) {
  if (!(level >= 0 && level <= 1))
    throw std::invalid_argument("threshold level must be in [0, 1], not " +
                                (std::isnan(level) ? "NaN" : json_number_short(level)));
}

// A decoded image handed in from outside (the page's worker): its sides, pixels and size agree.
void check_grey_image(const GreyImage& image) {
  const std::int64_t pixels = std::int64_t{image.width} * image.height;
  if (image.width < 1 || image.height < 1 || pixels > kMaxImagePixels ||
      image.pixels.size() != static_cast<std::uint64_t>(pixels))
    throw std::invalid_argument("a decoded image of " + std::to_string(image.width) + "x" +
                                std::to_string(image.height) + " with " +
                                std::to_string(image.pixels.size()) + " pixels (at most " +
                                std::to_string(kMaxImagePixels) + ")");
}

}  // namespace

ImageThreshold parse_image_threshold(std::string_view text) {
  if (text == "otsu") return {ThresholdMethod::otsu, 0.5};
  if (text == "dither") return {ThresholdMethod::dither, 0.5};
  double level = 0;
  try {
    level = parse_real(std::string(text), "threshold");
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("unknown threshold '" + std::string(text) +
                                "': use otsu, dither or a level in [0, 1] such as 0.5");
  }
  if (level < 0 || level > 1)
    throw std::invalid_argument("threshold level '" + std::string(text) +
                                "' is outside [0, 1] (0 black, 1 white)");
  return {ThresholdMethod::fixed, level};
}

std::string to_string(const ImageThreshold& threshold) {
  switch (threshold.method) {
    case ThresholdMethod::otsu:
      return "otsu";
    case ThresholdMethod::dither:
      return "dither";
    case ThresholdMethod::fixed:
      break;
  }
  return json_number_short(threshold.level);
}

bool looks_like_image(std::string_view bytes) {
  const auto starts = [&](std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
  };
  return starts("\x89PNG\r\n\x1a\n") || starts("\xff\xd8\xff") || starts("GIF87a") ||
         starts("GIF89a") || starts("BM");
}

GreyImage decode_grey_image(std::string_view file_bytes, const std::string& source) {
  if (file_bytes.empty()) throw ImageImportError(source + ": the file is empty");
  if (file_bytes.size() > static_cast<std::size_t>(INT_MAX))  // stb_image takes an int length
    throw ImageImportError(source + ": the file is " + std::to_string(file_bytes.size()) +
                           " bytes, too large for an image");
  const auto* data = reinterpret_cast<const stbi_uc*>(file_bytes.data());
  const int length = static_cast<int>(file_bytes.size());
  int width = 0, height = 0, channels = 0;
  // Only a JPEG starts with FF (stb_image skips any FF fill before the start marker D8).
  if (file_bytes[0] == '\xff') refuse_oversized_huffman_tables(file_bytes, source);
  // The header alone first: an image over the limit is refused before its pixels are, by the
  // size its header states where stb_image would refuse it without a reason.
  const auto [stated_width, stated_height] = header_size(file_bytes);
  refuse_over_pixel_limit(stated_width, stated_height, source);
  {
    const StbiCap header_cap(decode_allocation_cap(0, 0, 0));
    if (!stbi_info_from_memory(data, length, &width, &height, &channels))
      throw ImageImportError(
          source + ": not a PNG, JPEG, GIF or BMP image (stb_image: " + stbi_reason() + ")");
  }
  if (width < 1 || height < 1)  // stb_image lets some BMP headers through with a side 0
    throw ImageImportError(source + ": the image is " + size_text(width, height) +
                           ": it has no pixels");
  const std::int64_t pixels = std::int64_t{width} * height;
  refuse_over_pixel_limit(width, height, source);
  refuse_over_decoding_work(file_bytes, width, height, source);
  // Always RGBA (GIF decodes to it anyway): one conversion below for every format.
  const std::size_t cap = decode_allocation_cap(width, height, file_bytes.size());
  const StbiCap pixels_cap(cap);
  std::unique_ptr<stbi_uc, void (*)(void*)> rgba(
      stbi_load_from_memory(data, length, &width, &height, &channels, 4), stbi_image_free);
  if (!rgba && stbi_memory::refused)
    throw ImageImportError(source + ": decoding a " + size_text(width, height) +
                           " image asked for more than " + std::to_string(cap >> 20) +
                           " MB at once: a damaged file, or compressed data that inflates far "
                           "beyond the image");
  if (!rgba)
    throw ImageImportError(source +
                           ": cannot decode the image: damaged, cut short or an "
                           "unsupported variant (stb_image: " +
                           stbi_reason() + ")");
  if (std::int64_t{width} * height != pixels)
    throw ImageImportError(source + ": the image's size changed while decoding");

  GreyImage grey{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(pixels))};
  for (std::size_t i = 0; i < grey.pixels.size(); ++i) {
    const stbi_uc* p = rgba.get() + 4 * i;
    // Rec. 601 luma in thousandths, composited on white: L a + 255 (255 - a), over 255.
    const std::int64_t luma = 299 * p[0] + 587 * p[1] + 114 * p[2];
    const std::int64_t alpha = p[3];
    const std::int64_t num = luma * alpha + 255'000 * (255 - alpha);
    constexpr std::int64_t kDen = 255'000;
    grey.pixels[i] = static_cast<std::uint8_t>((num + kDen / 2) / kDen);
  }
  return grey;
}

GreyGrid fit_area_average(const GreyImage& image, int width, int height, ImageFit fit,
                          double background) {
  check_grid_size(width, height);
  if (image.width < 1 || image.height < 1 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height)
    throw std::invalid_argument("grey image of " + size_text(image.width, image.height) + " has " +
                                std::to_string(image.pixels.size()) + " pixels");
  // Cells per pixel s = min (contain) or max (cover) of width / image.width and
  // height / image.height, as the exact fraction num / den.
  const bool width_smaller =
      std::int64_t{width} * image.height < std::int64_t{height} * image.width;
  const bool by_width = fit == ImageFit::contain ? width_smaller : !width_smaller;
  const std::int64_t num = by_width ? width : height;
  const std::int64_t den = by_width ? image.width : image.height;
  const FitAxis ax = fit_axis(image.width, width, num, den);
  const FitAxis ay = fit_axis(image.height, height, num, den);

  std::vector<double> sum(static_cast<std::size_t>(width) * height, 0.0);
  std::vector<double> row(static_cast<std::size_t>(width));
  for (std::int64_t y = ay.visible_begin(); y < ay.visible_end(); ++y) {
    // The row's pixels summed into cells along x, then added to each cell row it overlaps.
    std::fill(row.begin(), row.end(), 0.0);
    const std::uint8_t* pixels = image.pixels.data() + y * image.width;
    for (std::int64_t x = ax.visible_begin(); x < ax.visible_end(); ++x)
      ax.for_each_overlap(x, [&](int i, std::int64_t overlap) {
        row[static_cast<std::size_t>(i)] += static_cast<double>(overlap) * pixels[x];
      });
    ay.for_each_overlap(y, [&](int j, std::int64_t overlap) {
      double* out = sum.data() + static_cast<std::size_t>(j) * width;
      for (int i = 0; i < width; ++i) out[i] += static_cast<double>(overlap) * row[i];
    });
  }

  GreyGrid grid{width, height, std::vector<double>(sum.size()), std::vector<double>(sum.size())};
  const double cell_area = static_cast<double>(ax.unit) * static_cast<double>(ay.unit);
  for (int j = 0; j < height; ++j)
    for (int i = 0; i < width; ++i) {
      const std::size_t c = static_cast<std::size_t>(j) * width + i;
      const double coverage =
          static_cast<double>(ax.covered(i)) * static_cast<double>(ay.covered(j)) / cell_area;
      const double mean = sum[c] / (cell_area * 255.0) + (1.0 - coverage) * background;
      grid.grey[c] = std::clamp(mean, 0.0, 1.0);
      grid.coverage[c] = coverage;
    }
  return grid;
}

double otsu_level(const std::vector<double>& grey) {
  std::array<double, 256> count{};
  for (double g : grey)
    count[static_cast<std::size_t>(std::lround(std::clamp(g, 0.0, 1.0) * 255))]++;
  double total = 0, total_sum = 0;
  for (int k = 0; k < 256; ++k) {
    total += count[k];
    total_sum += k * count[k];
  }
  // Between-class variance w0 w1 (mu0 - mu1)^2 (up to the constant 1/total^2) of dark = bins
  // 0..t against light = t+1..255; empty bins give equal values, so the first maximum is kept.
  double best = 0, w0 = 0, sum0 = 0;
  int best_t = -1;
  for (int t = 0; t < 255; ++t) {
    w0 += count[t];
    sum0 += t * count[t];
    const double w1 = total - w0;
    if (w0 == 0 || w1 == 0) continue;
    const double diff = sum0 / w0 - (total_sum - sum0) / w1;
    const double between = w0 * w1 * diff * diff;
    if (between > best) best = between, best_t = t;
  }
  if (best_t < 0) return 0.5;  // one grey level (or none): nothing to split
  int first_light = best_t + 1;
  while (count[first_light] == 0) ++first_light;
  return (best_t + first_light) / 510.0;
}

SpinVector threshold_grey(const GreyGrid& grid, double level) {
  SpinVector s(static_cast<Eigen::Index>(grid.grey.size()));
  for (std::size_t i = 0; i < grid.grey.size(); ++i)
    s[static_cast<Eigen::Index>(i)] = grid.grey[i] < level ? 1 : -1;
  return s;
}

SpinVector dither(const GreyGrid& grid) {
  std::vector<double> g = grid.grey;
  SpinVector s(static_cast<Eigen::Index>(g.size()));
  const auto spread = [&](int x, int y, double amount) {
    if (x >= 0 && x < grid.width && y < grid.height)
      g[static_cast<std::size_t>(y) * grid.width + x] += amount;
  };
  for (int y = 0; y < grid.height; ++y)
    for (int x = 0; x < grid.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * grid.width + x;
      const double out = g[i] < 0.5 ? 0.0 : 1.0;
      s[static_cast<Eigen::Index>(i)] = out == 0.0 ? 1 : -1;
      const double error = g[i] - out;
      spread(x + 1, y, error * 7 / 16);
      spread(x - 1, y + 1, error * 3 / 16);
      spread(x, y + 1, error * 5 / 16);
      spread(x + 1, y + 1, error * 1 / 16);
    }
  return s;
}

std::vector<double> import_grey_levels(const GreyImage& image, int width, int height,
                                       const ImageImportOptions& options) {
  check_grid_size(width, height);
  check_grey_image(image);
  // The margin of a contain fit is background, -1 after any inversion (as import_image).
  const GreyGrid grid =
      fit_area_average(image, width, height, options.fit, options.invert ? 0.0 : 1.0);
  std::vector<double> levels(grid.grey.size());
  for (std::size_t i = 0; i < levels.size(); ++i)
    levels[i] = (options.invert ? -1.0 : 1.0) * (1.0 - 2.0 * grid.grey[i]);
  return levels;
}

std::vector<double> import_grey_levels(std::string_view file_bytes, int width, int height,
                                       const ImageImportOptions& options,
                                       const std::string& source) {
  check_grid_size(width, height);
  return import_grey_levels(decode_grey_image(file_bytes, source), width, height, options);
}

Pattern import_image(std::string_view file_bytes, int width, int height,
                     const ImageImportOptions& options, const std::string& source) {
  check_grid_size(width, height);
  if (options.threshold.method == ThresholdMethod::fixed) check_level(options.threshold.level);
  return import_image(decode_grey_image(file_bytes, source), width, height, options, source);
}

Pattern import_image(const GreyImage& image, int width, int height,
                     const ImageImportOptions& options, const std::string& source) {
  check_grid_size(width, height);
  if (options.threshold.method == ThresholdMethod::fixed) check_level(options.threshold.level);
  check_grey_image(image);
  // The margin of a contain fit is background: what ends as -1 after any inversion.
  const GreyGrid grid =
      fit_area_average(image, width, height, options.fit, options.invert ? 0.0 : 1.0);
  Pattern p;
  p.width = width;
  p.height = height;
  p.name = source;
  switch (options.threshold.method) {
    case ThresholdMethod::otsu: {
      // Only cells the image reaches: a wide margin would otherwise be a class of its own.
      std::vector<double> covered;
      for (std::size_t i = 0; i < grid.grey.size(); ++i)
        if (grid.coverage[i] > 0) covered.push_back(grid.grey[i]);
      p.spins = threshold_grey(grid, otsu_level(covered));
      break;
    }
    case ThresholdMethod::fixed:
      p.spins = threshold_grey(grid, options.threshold.level);
      break;
    case ThresholdMethod::dither:
      p.spins = dither(grid);
      break;
  }
  if (options.invert) p.spins = invert(p.spins);
  return p;
}

}  // namespace hopfield
