// Start-up parameters, shared by the desktop command line (--size 28) and the web page's
// URL (?size=28&set=letters&rule=storkey&mode=sync&seed=3).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/app.hpp"

namespace hlab {

using Param = std::pair<std::string, std::string>;

// Splits "?a=1&b=x%20y" into pairs (percent-decoding values).
std::vector<Param> parse_query(const std::string& query);

// Applies size, then rule/scale/mode/tie/seed/temperature/maxSweeps, then set. An invalid
// value is skipped (the default stays) and described in the returned warnings, which are
// also shown as notices in the UI.
std::vector<std::string> apply_startup(App& app, const std::vector<Param>& params);

}  // namespace hlab
