// libFuzzer harness: import_image (stb_image on PNG, JPEG, GIF and BMP, then the fit and the
// thresholds). The first byte picks the grid size and options, the rest is the file. A few
// dozen bytes of GIF can be a legal 4096 x 2500 image: ~0.4 s natively, several seconds under
// ASan, so run it with -timeout=30. A JPEG of many scans (each decoded over the whole image) is
// refused from its bytes past kMaxImageScanPixels, 32 passes over 4096 x 4096 (~0.5 s natively),
// so the same timeout holds for it.
#include "core/io/image_import.hpp"
#include "fuzz_reader.hpp"

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
    return std::vector<hopfield::Pattern>{
        hopfield::import_image(bytes, side, 129 - side, options, "fuzz.bin")};
  });
}
