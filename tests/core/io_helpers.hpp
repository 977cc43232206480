// Shared fixtures of the file-format tests: files, and IDX and gzip bytes built by hand.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace hopfield::test {

inline std::string file_bytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE(file.good());
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

inline bool file_exists(const std::string& path) {
  return std::ifstream(path).good();
}

inline void append_little_endian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

inline void append_big_endian_u32(std::string& out, std::uint32_t value) {
  for (int i = 3; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

// An IDX image file: magic 0x00000803, then count, rows, cols, then the pixels.
inline std::string idx_bytes(std::uint32_t count, std::uint32_t rows, std::uint32_t cols,
                             const std::vector<int>& pixels) {
  std::string out;
  for (const std::uint32_t v : {0x803u, count, rows, cols}) append_big_endian_u32(out, v);
  for (const int v : pixels) out += static_cast<char>(v);
  return out;
}

// An IDX labels file: magic 0x00000801, then count, then one byte per label.
inline std::string idx_label_bytes(std::uint32_t count, const std::vector<int>& labels) {
  std::string out;
  for (const std::uint32_t v : {0x801u, count}) append_big_endian_u32(out, v);
  for (const int v : labels) out += static_cast<char>(v);
  return out;
}

inline std::uint32_t crc32_of(std::string_view data) {
  std::uint32_t crc = 0xffffffffu;
  for (const char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// One gzip member holding `data` in stored (uncompressed) deflate blocks, built by hand: the
// wasm build has zlib's inflate only, so the tests cannot call deflate.
inline std::string gzip_stored(std::string_view data) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  std::size_t pos = 0;
  do {
    const std::size_t n = std::min<std::size_t>(data.size() - pos, 65535);
    out += static_cast<char>(pos + n == data.size() ? 1 : 0);  // BFINAL on the last block
    append_little_endian(out, n, 2);
    append_little_endian(out, n ^ 0xffff, 2);
    out.append(data.substr(pos, n));
    pos += n;
  } while (pos < data.size());
  append_little_endian(out, crc32_of(data), 4);
  append_little_endian(out, data.size() & 0xffffffffu, 4);
  return out;
}

}  // namespace hopfield::test
