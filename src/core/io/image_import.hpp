// Image import: a PNG, JPEG, GIF (first frame) or BMP file becomes one width x height pattern.
// The steps, each a function of its own so tests can check it alone:
//   decode_grey_image   the file's pixels as 8-bit grey (alpha composited on white)
//   fit_area_average    the grey image onto the grid, each cell the mean of what it covers
//   otsu_level | threshold_grey | dither
//                       the cells' grey values to +1 (dark) and -1 (light), as in PBM
// Files over kMaxImagePixels are refused from their header, before any pixel is decoded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/names.hpp"
#include "core/pattern.hpp"
#include "core/io/pattern_io.hpp"

namespace hopfield {

// A file that is no image stb_image can decode, or is too large. A PatternFileError, so every
// caller that reports a bad pattern file reports a bad image the same way (the CLI exits 1).
// Bad arguments (grid size, threshold level) throw std::invalid_argument instead.
class ImageImportError : public PatternFileError {
 public:
  using PatternFileError::PatternFileError;
};

enum class ThresholdMethod { otsu, fixed, dither };
struct ImageThreshold {
  ThresholdMethod method = ThresholdMethod::otsu;
  double level = 0.5;  // fixed only: cells with grey < level (0 black .. 1 white) become +1
};
// "otsu", "dither" or a fixed level in [0, 1] such as "0.4"; throws std::invalid_argument
// naming the text.
ImageThreshold parse_image_threshold(std::string_view text);
// The text parse_image_threshold reads back: "otsu", "dither" or the level ("0.4").
std::string to_string(const ImageThreshold& threshold);

// contain: the whole image inside the grid, aspect ratio kept, the margin background (-1).
// cover: the image fills the grid, aspect ratio kept, centred and cropped.
enum class ImageFit { contain, cover };
inline constexpr EnumName<ImageFit> kImageFitNames[] = {
    {ImageFit::contain, "contain", "contain (whole image)"},
    {ImageFit::cover, "cover", "cover (fill, crop)"}};
inline std::string to_string(ImageFit fit) {
  return name_of(kImageFitNames, fit);
}
inline ImageFit parse_image_fit(std::string_view text) {
  return parse_name(kImageFitNames, "image fit", text);
}

struct ImageImportOptions {
  ImageThreshold threshold;  // Otsu by default
  bool invert = false;       // light cells become +1 (a contain margin stays -1)
  ImageFit fit = ImageFit::contain;
};

// 8-bit grey pixels, row-major: 0 black .. 255 white (decode_grey_image's result).
struct GreyImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// True when the bytes start with a PNG, JPEG, GIF or BMP signature (a guess: the decoder
// has the last word).
bool looks_like_image(std::string_view bytes);

// The image in `file_bytes` as a width x height pattern named `source`: dark cells +1, light
// cells -1 (the other way round with invert). Otsu's level comes from the cells the image
// covers, not a contain margin. Throws ImageImportError naming `source` for
// bytes that do not decode or an image over kMaxImagePixels, std::invalid_argument for a grid
// side outside 1..kMaxSide or a fixed level outside [0, 1].
Pattern import_image(std::string_view file_bytes, int width, int height,
                     const ImageImportOptions& options, const std::string& source);

// The image as grey levels for the real-valued models (modern, continuous): each cell
// 1 - 2 grey (black +1, white -1, a contain margin -1), the sign turned with invert; the
// same decoding and fit as import_image, no threshold. Throws as import_image does.
std::vector<double> import_grey_levels(std::string_view file_bytes, int width, int height,
                                       const ImageImportOptions& options,
                                       const std::string& source);

// The same two from an image already decoded (decode_grey_image; the web page decodes off
// its thread: decoding is the work a file can blow up, scans x pixels). Throws
// std::invalid_argument for an image whose sides and pixels disagree or exceed kMaxImagePixels.
Pattern import_image(const GreyImage& image, int width, int height,
                     const ImageImportOptions& options, const std::string& source);
std::vector<double> import_grey_levels(const GreyImage& image, int width, int height,
                                       const ImageImportOptions& options);

// ---- the steps ----
// Decodes PNG, JPEG, GIF (first frame) or BMP with 1 to 4 channels to grey: Rec. 601 luma
// 0.299 R + 0.587 G + 0.114 B of the 8-bit values, alpha composited on white, rounded to the
// nearest integer. Throws ImageImportError as import_image does.
GreyImage decode_grey_image(std::string_view file_bytes, const std::string& source);

// Grey values of a grid, row-major, 0 black .. 1 white, and the fraction of each cell the
// image covers (1 inside the image, 0 in a contain margin).
struct GreyGrid {
  int width = 0;
  int height = 0;
  std::vector<double> grey;
  std::vector<double> coverage;
};
// Each cell is the area-weighted mean of the source pixels it covers (square cells, square
// pixels), the uncovered part of a cell counting as `background` (0..1).
GreyGrid fit_area_average(const GreyImage& image, int width, int height, ImageFit fit,
                          double background = 1.0);

// Otsu's level for grey values in [0, 1]: a 256-bin histogram (bin = round(255 grey)) split
// where the between-class variance is largest (the first such split), the level midway
// between the last dark bin and the first light one. Grey < level is dark. With fewer than
// two distinct bins there is nothing to split: 0.5.
double otsu_level(const std::vector<double>& grey);
// +1 where grey < level, else -1.
SpinVector threshold_grey(const GreyGrid& grid, double level);
// Floyd-Steinberg error diffusion (7/16 right, 3/16 below left, 5/16 below, 1/16 below right),
// rows left to right, not serpentine: a cell whose grey plus diffused error is < 0.5 is +1.
SpinVector dither(const GreyGrid& grid);

}  // namespace hopfield
