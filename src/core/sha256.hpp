// SHA-256 (FIPS 180-4), for the digest a shard file carries of its records: small and
// dependency-free so every build (native, WebAssembly) has the same one.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace hopfield {

class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view bytes);
  // The 32-byte digest; the object is spent afterwards (construct a new one to hash again).
  std::array<std::uint8_t, 32> finish();

 private:
  void compress(const std::uint8_t* block);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> block_{};
  std::size_t filled_ = 0;    // bytes in block_
  std::uint64_t length_ = 0;  // bytes hashed so far
};

// The digest of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace hopfield
