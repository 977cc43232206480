// Numbers typed by users (CLI flags, URL parameters), parsed the same way everywhere.
#pragma once

#include <string>
#include <string_view>

namespace hopfield {

// A whole string as one finite decimal number: an optional sign, digits with an optional
// fraction, an optional exponent ("0.25", "-3", "1e-3", ".5"). No spaces, no hex, no inf or
// nan. A value too small for a double reads as 0 ("1e-400"); one too large is refused.
// Throws std::invalid_argument naming `what` for anything else ("", "abc", "0.2x", " 0.5").
double parse_real(const std::string& text, std::string_view what);

}  // namespace hopfield
