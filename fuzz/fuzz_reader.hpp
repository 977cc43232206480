// What every pattern-reader harness checks: the reader returns patterns that keep the format's
// promises (all one valid size, every spin +1 or -1, no more than the limits) or throws one of
// the two documented errors. Anything else (a crash, a leak, a sanitizer report, an uncaught
// exception, a time-out) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/io/pattern_io.hpp"

namespace hopfield::fuzz {

inline void check_patterns(const std::vector<Pattern>& patterns) {
  if (patterns.empty() || static_cast<std::int64_t>(patterns.size()) > kMaxPatterns) std::abort();
  for (const Pattern& p : patterns) {
    check_grid_size(p.width, p.height);
    if (p.width != patterns[0].width || p.height != patterns[0].height) std::abort();
    if (p.spins.size() != p.size()) std::abort();
    check_spins(p.spins, "pattern");
  }
}

template <class Read>
int run(const std::uint8_t* data, std::size_t size, Read read) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    check_patterns(read(bytes));
  } catch (const PatternFileError&) {
  } catch (const std::invalid_argument&) {
    // Only check_grid_size and check_spins above throw this: a reader let a bad pattern out.
    std::abort();
  }
  return 0;
}

}  // namespace hopfield::fuzz
