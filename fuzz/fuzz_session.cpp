// libFuzzer harness: share links and autosaves (decode_session). The input is the link's
// bytes before base64url, so mutations reach the binary format directly. Any input must decode
// or throw SessionLinkError with a message; a decoded session must encode and decode back to
// the same link.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/session_link.hpp"

namespace {
std::string base64url(const std::uint8_t* data, std::size_t size) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t k = 0; k < size; ++k) {
    acc = (acc << 8) | data[k];
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const hopfield::Session s = hopfield::decode_session(base64url(data, size));
    const std::string link = hopfield::encode_session(s);
    if (hopfield::encode_session(hopfield::decode_session(link)) != link) std::abort();
  } catch (const hopfield::SessionLinkError& error) {
    if (std::string(error.what()).empty()) std::abort();
  }
  return 0;
}
