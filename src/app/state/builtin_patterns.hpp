// The pattern sets shipped in assets/patterns, compiled into the program (no file fetch).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/pattern.hpp"

namespace hlab {

struct BuiltinFile {
  std::string_view stem;  // file name without .txt, e.g. "letters-16"
  std::string_view text;  // text grid format (core/io/pattern_io.hpp)
};

// Every assets/patterns/*.txt found at build time (may be empty).
const std::vector<BuiltinFile>& builtin_files();

// The families offered in the UI: "letters", "digits", "classic".
const std::vector<std::string>& builtin_families();

// The file of `family` for a width x height grid ("letters" at 16x16 -> letters-16), or
// nullptr when there is none.
const BuiltinFile* find_builtin(std::string_view family, int width, int height);

// The patterns of a set that `pick` names, in the order named: "ABC" (a set whose names are
// single characters: one name per character, case-insensitive), or names separated by commas
// ("cross, ring"). Blank: every pattern. Throws std::invalid_argument naming an unknown or
// repeated name and the names there are.
std::vector<hopfield::Pattern> pick_patterns(const std::vector<hopfield::Pattern>& set,
                                             std::string_view pick);

}  // namespace hlab
