#include "app/builtin_patterns.hpp"

namespace hlab {

const std::vector<std::string>& builtin_families() {
  static const std::vector<std::string> families = {"letters", "digits", "classic"};
  return families;
}

const BuiltinFile* find_builtin(std::string_view family, int width, int height) {
  if (width != height) return nullptr;
  const std::string stem = std::string(family) + "-" + std::to_string(width);
  for (const BuiltinFile& f : builtin_files())
    if (f.stem == stem) return &f;
  return nullptr;
}

}  // namespace hlab
