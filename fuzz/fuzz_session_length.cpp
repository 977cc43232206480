// libFuzzer harness: the share link's and autosave's length check (decode_session refuses a
// state over kMaxSessionLinkChars on its length, before it decodes anything). The input is a
// link's bytes before base64url (so mutations reach the binary format, as fuzz_session's do) and
// a length: its first byte picks how far from the limit the state is made (the encoded input,
// then 'A's to that length). The properties, each an abort when broken:
//  - over the limit, whatever the text holds (a valid session included), the refusal is the
//    length message, naming the length and the limit: no other check ran before it;
//  - at or under the limit the length message never comes; the text decodes or is refused with
//    another SessionLinkError message;
//  - the input as it is, and as base64url, decodes or throws SessionLinkError, nothing else.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/io/session_link.hpp"

namespace {

void check(bool property) {
  if (!property) std::abort();
}

std::string length_message(std::size_t length) {
  return "the link's state is " + std::to_string(length) +
         " characters long, more than the limit of " +
         std::to_string(hopfield::kMaxSessionLinkChars);
}

// decode_session's answer: "" when it decoded, else its SessionLinkError's message (any other
// exception escapes: libFuzzer reports it).
std::string decode_message(std::string_view text) {
  try {
    hopfield::decode_session(text);
    return "";
  } catch (const hopfield::SessionLinkError& e) {
    check(*e.what() != '\0');
    return e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string encoded = hopfield::base64url(input.substr(size > 0 ? 1 : 0));
  check(decode_message(input) != length_message(size));
  check(decode_message(encoded) != length_message(encoded.size()));

  // The state made long: 1 .. 127 characters over the limit (fast: nothing is decoded), or,
  // for a first byte of 0x80 only, exactly at it (2 s with ASan to decode 8 MB: kept rare).
  const int pick = size > 0 ? data[0] : 0;
  const long offset = pick & 0x7f;
  const bool under = offset == 0;
  if (under && pick != 0x80) return 0;
  const std::size_t length = hopfield::kMaxSessionLinkChars + offset;
  // One buffer of 'A's for every run (8 MB a run would be most of the time): the input's
  // encoding at its start, taken out again after the run.
  static std::string buffer(hopfield::kMaxSessionLinkChars + 128, 'A');
  const std::size_t prefix = encoded.size() < length ? encoded.size() : length;
  buffer.replace(0, prefix, encoded, 0, prefix);
  const std::string_view state(buffer.data(), length);
  const std::string message = decode_message(state);
  buffer.replace(0, prefix, prefix, 'A');
  if (under) check(message != length_message(length));
  else check(message == length_message(length));
  return 0;
}
