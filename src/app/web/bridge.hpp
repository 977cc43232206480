// Shared by the web bridge's files (bridge*.cpp: the C functions behind window.hopfield, see
// js/api.js). Web build only.
#pragma once

#include <cstdint>
#include <exception>
#include <string>

namespace hlab::web {

// The string a bridge function returns lives here until the next call.
std::string& result();

// Runs `action`; returns "" or the exception's message (the JS wrapper throws it as an Error).
template <class F>
const char* guarded(F&& action) {
  try {
    action();
    result().clear();
  } catch (const std::exception& e) {
    result() = e.what();
    if (result().empty()) result() = "error";
  }
  return result().c_str();
}

std::uint64_t parse_seed(const char* text);  // core/settings.hpp's, for a C string

}  // namespace hlab::web
