// Strict text-to-number parsing shared by the CLI, the URL parameters and experiment specs:
// one grammar everywhere, so " 0.5", "0x1p-1" and "1e-400" get the same answer in every
// front end.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/limits.hpp"

namespace hopfield {

// A whole string as one finite decimal number: [+-]digits[.digits][(e|E)[+-]digits] (or
// .digits). No spaces, hex, inf or nan. Values too small for a double read as 0 (or the
// nearest subnormal); values too large are refused. Throws std::invalid_argument
// "<what> must be a number, not '<text>'" (or "... is out of range").
double parse_real(const std::string& text, std::string_view what);
// A whole string as a decimal integer in [min, max] (optional leading '-' only).
long long parse_integer(const std::string& text, std::string_view what, long long min,
                        long long max);

// A number as the read-outs, tables and the screen reader say it: whole numbers in full
// ("-1474460", not "-1.47446e+06"), others to 6 significant digits, -0 as 0.
std::string format_number(double value);

// Most values a LIST may expand to (a guard on "0:1e9:1").
inline constexpr int kMaxListValues = 100000;

// LIST = "a,b,c" or "from:to:step" (step > 0, to >= from; to is included when the steps hit
// it to within 1e-9 of a step). Values of a range are rounded to the decimals written in
// from and step, so "0:1:0.05" gives 0.15, not 0.15000000000000002.
std::vector<double> parse_real_list(const std::string& text, std::string_view what);
// The same for integers ("1:64:1", "10,20,40").
std::vector<long long> parse_integer_list(const std::string& text, std::string_view what,
                                          long long min, long long max);

}  // namespace hopfield

namespace hopfield {

// "0,3,5-7" as ranges {0,0}, {3,3}, {5,7}, checked before anything is expanded: every index
// must be < count (when count >= 0) and the expansion at most max_total indices. Throws
// std::invalid_argument naming `what`.
std::vector<std::pair<long long, long long>> parse_index_ranges(const std::string& text,
                                                                std::string_view what);
std::vector<int> expand_index_ranges(const std::vector<std::pair<long long, long long>>& ranges,
                                     std::string_view what, long long count,
                                     long long max_total = kMaxSelectExpansion);

}  // namespace hopfield
