#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>

#include "core/sha256.hpp"

using hopfield::sha256_hex;

// The test vectors of FIPS 180-4's examples (NIST CSRC, "SHA_All.pdf" / SHA256.pdf) and the
// million-'a' message of FIPS 180-2's appendix B.3.
TEST_CASE("SHA-256 gives the NIST test vectors' digests", "[sha256]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(
      sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                 "klmnopqrlmnopqrsmnopqrstnopqrstu") ==
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("SHA-256 around the padding edges, fed whole or in two pieces", "[sha256]") {
  // Messages "abcd...zab..." of lengths about the 55/56/64-byte padding edges; digests from
  // Python's hashlib.
  const std::pair<std::size_t, const char*> kDigests[] = {
      {55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"},
      {56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"},
      {63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"},
      {64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"},
      {65, "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"},
      {119, "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b"},
      {120, "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8"},
  };
  for (const auto& [n, digest] : kDigests) {
    std::string message;
    for (std::size_t i = 0; i < n; ++i) message += static_cast<char>('a' + i % 26);
    CHECK(sha256_hex(message) == digest);
    for (std::size_t cut = 0; cut <= n; ++cut) {
      hopfield::Sha256 h;
      h.update(std::string_view(message).substr(0, cut))
          .update(std::string_view(message).substr(cut));
      std::string hex;
      for (const std::uint8_t b : h.finish()) {
        hex += "0123456789abcdef"[b >> 4];
        hex += "0123456789abcdef"[b & 15];
      }
      CHECK(hex == digest);
    }
  }
}
