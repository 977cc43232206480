#include "core/parse.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace hopfield {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
bool decimal_syntax(const std::string& s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const bool whole = digits();
  bool fraction = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (!whole && !fraction) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

}  // namespace

double parse_real(const std::string& text, std::string_view what) {
  // strtod only after the syntax check: it would also take spaces, hex and "inf". Not
  // std::from_chars: Emscripten 3.1.6's libc++ has no floating-point from_chars.
  if (decimal_syntax(text)) {
    const double v = std::strtod(text.c_str(), nullptr);  // underflow gives 0 or a subnormal
    if (std::isfinite(v)) return v;
    throw std::invalid_argument(std::string(what) + " is too large: '" + text + "'");
  }
  throw std::invalid_argument(std::string(what) + " must be a number, not '" + text + "'");
}

}  // namespace hopfield
