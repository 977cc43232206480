// libFuzzer harness: the length rule of the page's string arguments (core/arguments.hpp), which
// js/marshal.js asks before it copies a string into wasm memory and the bridge reads C strings
// with. The input is one argument's bytes. The properties, each an abort when broken:
//  - read_argument on a NUL-terminated copy gives exactly the bytes before the first NUL when
//    there are at most 1024 of them (a name), and refuses with its message otherwise;
//  - without any NUL in reach it refuses having looked at no more than 1025 bytes (the copy is
//    exactly that long: ASan reports any byte read past it);
//  - argument_length_error, for lengths read from the input's first 8 bytes and around both
//    limits (1024 bytes, 128 MB), is "" exactly when the length is within the limit, and
//    otherwise names the argument, the length, its unit and the limit.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/arguments.hpp"
#include "core/limits.hpp"

namespace {

using hopfield::ArgumentKind;

void check(bool property) {
  if (!property) std::abort();
}

void check_length_rule(std::uint64_t length, ArgumentKind kind, bool in_characters) {
  const std::uint64_t limit = kind == ArgumentKind::word ? hopfield::kMaxPatternNameBytes
                                                         : hopfield::kMaxReadBytes;
  check(hopfield::argument_limit(kind) == limit);
  const std::string message =
      hopfield::argument_length_error("theme", length, kind, in_characters);
  check(message.empty() == (length <= limit));
  if (message.empty()) return;
  const std::string unit = in_characters ? " characters" : " bytes";
  check(message.rfind("theme is " + std::to_string(length) + unit + " long", 0) == 0);
  check(message.find("more than the limit of " + std::to_string(limit) + " bytes") !=
        std::string::npos);
}

void check_read(const char* text, std::size_t before_nul, ArgumentKind kind) {
  const std::uint64_t limit = hopfield::argument_limit(kind);
  try {
    const std::string_view read = hopfield::read_argument(text, "name", kind);
    check(before_nul <= limit);
    check(read.data() == text && read.size() == before_nul);
  } catch (const std::invalid_argument& e) {
    check(before_nul > limit);
    check(std::string(e.what()) ==
          "name is longer than the limit of " + std::to_string(limit) + " bytes");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* bytes = reinterpret_cast<const char*>(data);
  const void* nul = std::memchr(bytes, '\0', size);
  const std::size_t before_nul = nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - bytes)
                                     : size;
  // A C string as the bridge receives it: a heap copy with its NUL, nothing after it.
  const std::unique_ptr<char[]> terminated(new char[size + 1]);
  std::memcpy(terminated.get(), bytes, size);
  terminated[size] = '\0';
  check_read(terminated.get(), before_nul, ArgumentKind::word);
  check_read(terminated.get(), before_nul, ArgumentKind::text);
  check(hopfield::read_argument(nullptr, "name", ArgumentKind::word).empty());

  // No NUL within the word limit + 1: refused, reading 1025 bytes at most.
  const std::size_t reach = hopfield::kMaxPatternNameBytes + 1;
  if (size >= reach && before_nul >= reach) {
    const std::unique_ptr<char[]> unterminated(new char[reach]);
    std::memcpy(unterminated.get(), bytes, reach);
    check_read(unterminated.get(), reach, ArgumentKind::word);
  }

  // Lengths: the input's first 8 bytes, and that value as an offset around each limit.
  std::uint64_t raw = 0;
  std::memcpy(&raw, bytes, size < sizeof raw ? size : sizeof raw);
  const std::uint64_t near = raw % 4096;
  for (const bool in_characters : {false, true}) {
    check_length_rule(raw, ArgumentKind::word, in_characters);
    check_length_rule(raw, ArgumentKind::text, in_characters);
    check_length_rule(hopfield::kMaxPatternNameBytes - 2048 + near, ArgumentKind::word,
                      in_characters);
    check_length_rule(hopfield::kMaxReadBytes - 2048 + near, ArgumentKind::text, in_characters);
  }
  return 0;
}
