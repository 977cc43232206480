// libFuzzer harness: the IDX reader on uncompressed bytes (gzip input is fuzz_idx_gzip's).
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) return -1;  // not raw: keep it out
  return hopfield::fuzz::run(data, size,
                             [](std::string_view b) { return hopfield::read_idx(b, "fuzz.idx"); });
}
