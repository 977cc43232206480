// libFuzzer harness: import_image (stb_image on PNG, JPEG, GIF and BMP, then the fit and the
// thresholds). The first byte picks the grid size and options, the rest is the file. A few
// dozen bytes of GIF can be a legal 4096 x 2500 image: ~0.4 s natively, several seconds under
// ASan, so run it with -timeout=30. A JPEG of many scans (each decoded over the whole image) is
// refused from its bytes past kMaxImageScanPixels, 32 passes over 4096 x 4096 (~0.5 s natively),
// so the same timeout holds for it. Whatever decodes must have kept the decoder's work bound,
// counted here from the bytes; the pattern is made from the decoded image, as the page does.
#include <cstdlib>

#include "core/io/image_import.hpp"
#include "core/limits.hpp"
#include "fuzz_reader.hpp"

namespace {
void check_decoder_work(std::string_view bytes, const hopfield::GreyImage& image) {
  const std::int64_t pixels = std::int64_t{image.width} * image.height;
  if (pixels <= 0 || pixels > hopfield::kMaxImagePixels) std::abort();
  if (bytes.empty() || static_cast<unsigned char>(bytes[0]) != 0xff) return;  // no JPEG
  std::int64_t scans = 0;  // start-of-scan markers, FF DA
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i)
    scans += static_cast<unsigned char>(bytes[i]) == 0xff && static_cast<unsigned char>(bytes[i + 1]) == 0xda;
  if (scans > hopfield::kMaxJpegScans || pixels * scans > hopfield::kMaxImageScanPixels) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int pick = data[0];
  hopfield::ImageImportOptions options;
  options.threshold.method = static_cast<hopfield::ThresholdMethod>(pick % 3);
  options.threshold.level = 0.4;
  options.invert = (pick & 4) != 0;
  options.fit = (pick & 8) != 0 ? hopfield::ImageFit::cover : hopfield::ImageFit::contain;
  const int side = 1 + (pick >> 4) * 8;  // 1, 9, ..., 121
  return hopfield::fuzz::run(data + 1, size - 1, [&](std::string_view bytes) {
    const hopfield::GreyImage image = hopfield::decode_grey_image(bytes, "fuzz.bin");
    check_decoder_work(bytes, image);
    return std::vector<hopfield::Pattern>{
        hopfield::import_image(image, side, 129 - side, options, "fuzz.bin")};
  });
}
