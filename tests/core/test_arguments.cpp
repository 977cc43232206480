// The length rule of the page's string arguments (core/arguments.hpp), which js/marshal.js
// asks before it copies a string into wasm memory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/arguments.hpp"

using hopfield::ArgumentKind;
using hopfield::argument_length_error;
using hopfield::read_argument;

TEST_CASE("a name may be 1024 bytes, text 128 MB; longer is refused naming the argument") {
  CHECK(argument_length_error("name", 1024, ArgumentKind::word).empty());
  CHECK(argument_length_error("name", 1025, ArgumentKind::word) ==
        "name is 1025 bytes long, more than the limit of 1024 bytes");
  // The page counts characters first (never more than the UTF-8 bytes).
  CHECK(argument_length_error("theme", 2000000, ArgumentKind::word, true) ==
        "theme is 2000000 characters long, more than the limit of 1024 bytes");
  CHECK(argument_length_error("the file", 134217728, ArgumentKind::text).empty());
  CHECK(argument_length_error("the file", 134217729, ArgumentKind::text) ==
        "the file is 134217729 bytes long, more than the limit of 134217728 bytes");
}

TEST_CASE("read_argument reads a C string no further than the limit + 1 bytes") {
  CHECK(read_argument("letters", "name", ArgumentKind::word) == "letters");
  CHECK(read_argument(nullptr, "name", ArgumentKind::word).empty());
  const std::string at_limit(1024, 'x');
  CHECK(read_argument(at_limit.c_str(), "name", ArgumentKind::word).size() == 1024);
  // 1025 bytes and no NUL: refused having read only those (ASan builds check it).
  const std::unique_ptr<char[]> unterminated(new char[1025]);
  std::fill(unterminated.get(), unterminated.get() + 1025, 'x');
  CHECK_THROWS_WITH(read_argument(unterminated.get(), "name", ArgumentKind::word),
                    "name is longer than the limit of 1024 bytes");
}
