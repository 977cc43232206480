// libFuzzer harness: the text grid reader.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return hopfield::fuzz::run(
      data, size, [](std::string_view b) { return hopfield::read_text_patterns(b, "fuzz.txt"); });
}
