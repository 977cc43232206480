#include "cli/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace hopfield::cli {

namespace {
[[noreturn]] void fail(int error) {
  throw OutputError(std::string("cannot write the output") +
                    (error ? std::string(": ") + std::strerror(error) : std::string()));
}
}  // namespace

void write_stdout(std::string_view text) {
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) fail(errno);
}

void finish_stdout() {
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  // The error flag stays set after any failed write (the printf of a recall table, say).
  if (!flushed || std::ferror(stdout)) fail(error);
}

}  // namespace hopfield::cli
