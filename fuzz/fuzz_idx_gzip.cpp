// libFuzzer harness: gzip inflation (every member of a concatenation) feeding the IDX reader.
// Input without the gzip magic gets a minimal gzip header, so any bytes exercise inflate.
#include <string>

#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (size < 2 || data[0] != 0x1f || data[1] != 0x8b)
    bytes.insert(0, std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10));
  return hopfield::fuzz::run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(),
                             [](std::string_view b) { return hopfield::read_idx(b, "fuzz.gz"); });
}
