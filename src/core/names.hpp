// One table per enum gives its spelling (shared by hopfield-cli flags, URL parameters, the
// JS API and JSON output), its label in the UI, to_string and parse. Tables live next to
// their enums; see e.g. kRuleNames in network.hpp.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hopfield {

template <class Enum>
struct EnumName {
  Enum value;
  std::string_view text;   // what users type and JSON holds: "hebbian", "sync", ...
  std::string_view label;  // what the UI shows: "Hebbian", "synchronous", ...
};

template <class Enum, std::size_t K>
std::string name_of(const EnumName<Enum> (&table)[K], Enum value) {
  for (const EnumName<Enum>& n : table)
    if (n.value == value) return std::string(n.text);
  return "?";
}

template <class Enum, std::size_t K>
std::string_view label_of(const EnumName<Enum> (&table)[K], Enum value) {
  for (const EnumName<Enum>& n : table)
    if (n.value == value) return n.label;
  return "?";
}

// The value spelled `text`; throws std::invalid_argument naming `what` and every valid
// spelling.
template <class Enum, std::size_t K>
Enum parse_name(const EnumName<Enum> (&table)[K], std::string_view what, std::string_view text) {
  std::string choices;
  for (const EnumName<Enum>& n : table) {
    if (n.text == text) return n.value;
    choices += (choices.empty() ? "" : ", ") + std::string(n.text);
  }
  throw std::invalid_argument("unknown " + std::string(what) + " '" + std::string(text) +
                              "': use one of " + choices);
}

// A spec key as its command-line flag: "maxSweeps" -> "--max-sweeps" (the CLI's flags, the
// app's "same rows from the command line" and the model keys' error messages).
inline std::string flag_of_key(std::string_view key) {
  std::string flag = "--";
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') {
      flag += '-';
      flag += static_cast<char>(c - 'A' + 'a');
    } else {
      flag += c;
    }
  }
  return flag;
}
// A command-line flag as its key, the inverse: "--max-sweeps" -> "maxSweeps" (the CLI's and the
// desktop app's flags; the leading dashes are optional).
inline std::string key_of_flag(std::string_view flag) {
  if (flag.substr(0, 2) == "--") flag.remove_prefix(2);
  std::string key;
  bool upper = false;
  for (char c : flag) {
    if (c == '-') {
      upper = true;
      continue;
    }
    key += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return key;
}

}  // namespace hopfield
