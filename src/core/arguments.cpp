#include "core/arguments.hpp"

#include <cstring>
#include <stdexcept>

#include "core/limits.hpp"

namespace hopfield {

std::uint64_t argument_limit(ArgumentKind kind) {
  return kind == ArgumentKind::word ? kMaxPatternNameBytes : kMaxReadBytes;
}

std::string argument_length_error(std::string_view name, std::uint64_t length, ArgumentKind kind,
                                  bool in_characters) {
  const std::uint64_t limit = argument_limit(kind);
  if (length <= limit) return "";
  return std::string(name) + " is " + std::to_string(length) +
         (in_characters ? " characters" : " bytes") + " long, more than the limit of " +
         std::to_string(limit) + " bytes";
}

std::string_view read_argument(const char* text, std::string_view name, ArgumentKind kind) {
  if (!text) return {};
  const std::uint64_t limit = argument_limit(kind);
  // memchr, not strlen: never past limit + 1 bytes, whatever follows in memory.
  const void* end = std::memchr(text, '\0', static_cast<std::size_t>(limit + 1));
  if (!end)
    throw std::invalid_argument(std::string(name) + " is longer than the limit of " +
                                std::to_string(limit) + " bytes");
  return std::string_view(text, static_cast<std::size_t>(static_cast<const char*>(end) - text));
}

}  // namespace hopfield
