// The length rule of every string handed in from outside the program's own code: the web
// page's window.hopfield and postMessage arguments (names and options, text and files). One
// owner: js/marshal.js asks argument_length_error (through the bridge) before it copies a
// string into wasm memory, the bridge reads C strings with read_argument, and
// fuzz/fuzz_arguments.cpp holds both to the rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hopfield {

// word: a name or an option (a pattern's name, a theme, a model), at most
// kMaxPatternNameBytes, the session format's limit for names. text: pattern files, specs,
// images, at most kMaxReadBytes.
enum class ArgumentKind { word, text };

std::uint64_t argument_limit(ArgumentKind kind);

// "" when an argument `length` long is within its kind's limit; else the message, naming the
// argument: "name is 1025 bytes long, more than the limit of 1024 bytes". `length` counts
// UTF-8 bytes, or UTF-16 characters with in_characters (a lower bound of the bytes: the page
// counts characters first, so a huge string is refused without counting its bytes).
std::string argument_length_error(std::string_view name, std::uint64_t length, ArgumentKind kind,
                                  bool in_characters = false);

// A C string argument (NUL-terminated; null reads as ""), looked at no further than its kind's
// limit + 1 bytes: throws std::invalid_argument when it is longer ("name is longer than the
// limit of 1024 bytes": its length is not known).
std::string_view read_argument(const char* text, std::string_view name, ArgumentKind kind);

}  // namespace hopfield
