#include "app/state/builtin_patterns.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

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

namespace hlab {
namespace {
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}
}  // namespace

std::vector<hopfield::Pattern> pick_patterns(const std::vector<hopfield::Pattern>& set,
                                             std::string_view pick) {
  if (trimmed(pick).empty()) return set;
  const bool single_characters = std::all_of(set.begin(), set.end(), [](const hopfield::Pattern& p) {
    return p.name.size() == 1;
  });
  std::vector<std::string> names;
  if (pick.find(',') == std::string_view::npos && single_characters) {
    for (char c : pick)
      if (c != ' ') names.emplace_back(1, c);
  } else {
    std::size_t start = 0;
    while (start <= pick.size()) {
      const std::size_t comma = std::min(pick.find(',', start), pick.size());
      const std::string name = trimmed(pick.substr(start, comma - start));
      if (!name.empty()) names.push_back(name);
      start = comma + 1;
    }
  }
  std::vector<hopfield::Pattern> out;
  std::vector<bool> taken(set.size(), false);
  for (const std::string& name : names) {
    const auto it = std::find_if(set.begin(), set.end(), [&](const hopfield::Pattern& p) {
      return lower(p.name) == lower(name);
    });
    if (it == set.end()) {
      std::string known;
      for (const hopfield::Pattern& p : set) known += (known.empty() ? "" : single_characters ? "" : ", ") + p.name;
      throw std::invalid_argument("no pattern named '" + name + "' in this set (it has " + known + ")");
    }
    const auto k = static_cast<std::size_t>(it - set.begin());
    if (taken[k]) throw std::invalid_argument("'" + name + "' is named twice");
    taken[k] = true;
    out.push_back(*it);
  }
  return out;
}

}  // namespace hlab
