// libFuzzer harness: share links and autosaves (decode_session). The input is the link's
// bytes before base64url, so mutations reach the binary format directly. Any input must decode
// or throw SessionLinkError with a message; a decoded session must encode and decode back to
// the same link.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/io/session_link.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const hopfield::Session s = hopfield::decode_session(
        hopfield::base64url(std::string_view(reinterpret_cast<const char*>(data), size)));
    const std::string link = hopfield::encode_session(s);
    if (hopfield::encode_session(hopfield::decode_session(link)) != link) std::abort();
  } catch (const hopfield::SessionLinkError& error) {
    if (std::string(error.what()).empty()) std::abort();
  }
  return 0;
}
