// Writing hopfield-cli's results to stdout, checked: a full disk or a closed file must not
// pass for success with an empty file (main exits kExitOutput with a one-line message).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hopfield::cli {

// The exit code when the output could not be written.
inline constexpr int kExitOutput = 4;

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes all of `text` to stdout; throws OutputError "cannot write the output: <reason>".
void write_stdout(std::string_view text);
// Flushes stdout; throws OutputError when that or any earlier write to it failed.
void finish_stdout();

}  // namespace hopfield::cli
