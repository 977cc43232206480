#include "core/parse.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace hopfield {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// True when text is [+-]digits[.digits][(e|E)[+-]digits] with at least one mantissa digit.
bool decimal_grammar(const std::string& t) {
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == t.size();
}

// Digits after the decimal point as written ("0.05" -> 2, "1e-3" -> 3, "2" -> 0).
int decimals_written(const std::string& t) {
  const std::size_t e = t.find_first_of("eE");
  const std::string mantissa = t.substr(0, e);
  const std::size_t dot = mantissa.find('.');
  int d = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  if (e != std::string::npos) d -= std::atoi(t.c_str() + e + 1);
  return d < 0 ? 0 : d;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(sep, start);
    parts.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

[[noreturn]] void bad_list(const std::string& text, std::string_view what, const std::string& why) {
  throw std::invalid_argument(std::string(what) + " must be a list a,b,c or from:to:step, not '" +
                              text + "' (" + why + ")");
}

}  // namespace

double parse_real(const std::string& text, std::string_view what) {
  // strtod after a grammar check, not std::from_chars: Emscripten 3.1.6's libc++ has no
  // floating-point from_chars, and strtod alone would take spaces, hex and "inf".
  if (decimal_grammar(text)) {
    errno = 0;
    const double v = std::strtod(text.c_str(), nullptr);
    if (std::isfinite(v)) return v;  // underflow (ERANGE with a tiny result) reads as ~0
    throw std::invalid_argument(std::string(what) + " is out of range: '" + text + "'");
  }
  throw std::invalid_argument(std::string(what) + " must be a number, not '" + text + "'");
}

long long parse_integer(const std::string& text, std::string_view what, long long min,
                        long long max) {
  long long v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v < min || v > max)
    throw std::invalid_argument(std::string(what) + " must be an integer in " +
                                std::to_string(min) + ".." + std::to_string(max) + ", not '" +
                                text + "'");
  return v;
}

std::vector<double> parse_real_list(const std::string& text, std::string_view what) {
  if (text.empty()) bad_list(text, what, "empty");
  if (text.find(':') == std::string::npos) {
    const std::vector<std::string> items = split(text, ',');
    if (items.size() > static_cast<std::size_t>(kMaxListValues))
      bad_list(text, what, "too many values");
    std::vector<double> out;
    for (const std::string& item : items) out.push_back(parse_real(item, what));
    return out;
  }
  const std::vector<std::string> r = split(text, ':');
  if (r.size() != 3) bad_list(text, what, "a range has three parts");
  const double from = parse_real(r[0], what), to = parse_real(r[1], what),
               step = parse_real(r[2], what);
  if (!(step > 0)) bad_list(text, what, "the step must be > 0");
  if (to < from) bad_list(text, what, "to < from");
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > kMaxListValues)
    bad_list(text, what, "more than " + std::to_string(kMaxListValues) + " values");
  const int decimals = std::max(decimals_written(r[0]), decimals_written(r[2]));
  std::vector<double> out;
  for (int k = 0; k < static_cast<int>(count); ++k) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::min(decimals, 17), from + k * step);
    out.push_back(std::strtod(buf, nullptr));
  }
  return out;
}

std::vector<long long> parse_integer_list(const std::string& text, std::string_view what,
                                          long long min, long long max) {
  if (text.empty()) bad_list(text, what, "empty");
  std::vector<long long> out;
  if (text.find(':') == std::string::npos) {
    const std::vector<std::string> items = split(text, ',');
    if (items.size() > static_cast<std::size_t>(kMaxListValues))
      bad_list(text, what, "too many values");
    for (const std::string& item : items) out.push_back(parse_integer(item, what, min, max));
    return out;
  }
  const std::vector<std::string> r = split(text, ':');
  if (r.size() != 3) bad_list(text, what, "a range has three parts");
  const long long from = parse_integer(r[0], what, min, max);
  const long long to = parse_integer(r[1], what, min, max);
  const long long step = parse_integer(r[2], what, 1, max);
  if (to < from) bad_list(text, what, "to < from");
  if ((to - from) / step + 1 > kMaxListValues)
    bad_list(text, what, "more than " + std::to_string(kMaxListValues) + " values");
  for (long long v = from; v <= to; v += step) out.push_back(v);
  return out;
}

}  // namespace hopfield

namespace hopfield {

std::vector<std::pair<long long, long long>> parse_index_ranges(const std::string& text,
                                                                std::string_view what) {
  std::vector<std::pair<long long, long long>> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    // A dash after the first character separates a range; a leading '-' is a bad index.
    const std::size_t dash = item.find('-', 1);
    constexpr long long kMax = 1LL << 30;
    if (dash == std::string::npos) {
      const long long i = parse_integer(item, what, 0, kMax);
      out.emplace_back(i, i);
    } else {
      const long long a = parse_integer(item.substr(0, dash), what, 0, kMax);
      const long long b = parse_integer(item.substr(dash + 1), what, a, kMax);
      out.emplace_back(a, b);
    }
    start = comma + 1;
    if (out.size() > static_cast<std::size_t>(kMaxListValues))
      throw std::invalid_argument(std::string(what) + " has more than " +
                                  std::to_string(kMaxListValues) + " items");
  }
  return out;
}

std::vector<int> expand_index_ranges(const std::vector<std::pair<long long, long long>>& ranges,
                                     std::string_view what, long long count, long long max_total) {
  long long total = 0;
  for (const auto& [a, b] : ranges) {
    if (count >= 0 && b >= count)
      throw std::invalid_argument(std::string(what) + " " + std::to_string(b) +
                                  ": there are only " + std::to_string(count) + " patterns");
    total += b - a + 1;
    if (total > max_total)
      throw std::invalid_argument(std::string(what) + " selects more than " +
                                  std::to_string(max_total) + " patterns");
  }
  std::vector<int> out;
  out.reserve(static_cast<std::size_t>(total));
  for (const auto& [a, b] : ranges)
    for (long long i = a; i <= b; ++i) out.push_back(static_cast<int>(i));
  return out;
}

std::string format_number(double value) {
  value += 0.0;  // -0 shows as 0
  char text[48];
  if (std::abs(value) < 1e15 && value == std::round(value))
    std::snprintf(text, sizeof text, "%.0f", value);
  else
    std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace hopfield
