#include "core/settings.hpp"

#include <charconv>
#include <stdexcept>

#include "core/limits.hpp"
#include "core/parse.hpp"

namespace hopfield {

std::uint64_t parse_seed(std::string_view text, std::string_view what) {
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end)
    throw std::invalid_argument(std::string(what) + " must be an integer from 0 to " +
                                std::to_string(UINT64_MAX) + ", not '" + std::string(text) + "'");
  return v;
}

GridSize parse_grid_size(std::string_view text, std::string_view what) {
  const auto side = [&](std::string_view part) {
    try {
      return static_cast<int>(parse_integer(std::string(part), what, 1, kMaxSide));
    } catch (const std::invalid_argument&) {
      throw std::invalid_argument(std::string(what) + " must be WxH (or one number for a square) " +
                                  "with sides 1.." + std::to_string(kMaxSide) + ", not '" +
                                  std::string(text) + "'");
    }
  };
  const std::size_t x = text.find_first_of("xX");
  if (x == std::string_view::npos) {
    const int s = side(text);
    return {s, s};
  }
  return {side(text.substr(0, x)), side(text.substr(x + 1))};
}

double parse_temperature(std::string_view text) {
  const double t = parse_real(std::string(text), "temperature");
  if (!(t >= 0)) throw std::invalid_argument("temperature must be >= 0, not '" + std::string(text) + "'");
  return t;
}

int parse_max_sweeps(std::string_view text) {
  try {
    return static_cast<int>(parse_integer(std::string(text), "maxSweeps", 1, kMaxSweeps));
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("maxSweeps must be a whole number from 1 to " +
                                std::to_string(kMaxSweeps) + ", not '" + std::string(text) + "'");
  }
}

bool is_setting_key(std::string_view key) {
  for (std::string_view k : kDynamicsKeys)
    if (k == key) return true;
  return is_model_key(key);
}

namespace {

void check_temperature_applies(const LabSettings& s) {
  if (s.dynamics.temperature > 0 && !has_glauber_dynamics(s.model.model))
    throw std::invalid_argument("the " + to_string(s.model.model) +
                                " model runs at T = 0 (only the classic and sparse models have "
                                "Glauber dynamics): set the temperature to 0");
}

}  // namespace

void check_settings(const LabSettings& s) {
  check_options(s.dynamics);
  // A recall call may run longer (its trace limit bounds it); a setting a user types may not.
  if (s.dynamics.max_sweeps > kMaxSweeps)
    throw std::invalid_argument("max sweeps must be a whole number from 1 to " +
                                std::to_string(kMaxSweeps) + ", not " +
                                std::to_string(s.dynamics.max_sweeps));
  check_model_options(s.model);
  check_temperature_applies(s);
}

ModelSwitch switch_model(const LabSettings& from, Model to) {
  ModelSwitch out{from, ""};
  if (from.model.model == to) return out;
  out.settings.model = ModelOptions{};
  out.settings.model.model = to;
  if (from.dynamics.temperature > 0 && !has_glauber_dynamics(to)) {
    out.note = "The temperature T = " + format_number(from.dynamics.temperature) +
               " does not carry over: the " + to_string(to) + " model runs at T = 0.";
    out.settings.dynamics.temperature = 0;
  }
  return out;
}

void set_setting(LabSettings& settings, std::string_view key, std::string_view text,
                 bool flag_style) {
  LabSettings s = settings;
  const std::string t(text);
  if (key == "rule") {
    s.rule = parse_rule(t);
  } else if (key == "scale") {
    s.scale = parse_scale(t);
  } else if (key == "mode") {
    s.dynamics.mode = parse_mode(t);
  } else if (key == "tie") {
    s.dynamics.tie = parse_tie(t);
  } else if (key == "temperature") {
    s.dynamics.temperature = parse_temperature(t);
  } else if (key == "seed") {
    s.dynamics.seed = parse_seed(t);
  } else if (key == "maxSweeps") {
    s.dynamics.max_sweeps = parse_max_sweeps(t);
  } else if (key == "model") {
    s = switch_model(s, parse_model(t)).settings;
  } else if (is_model_key(key)) {
    set_model_parameter(s.model, key, t);
    check_model_keys(s.model, {std::string(key)}, flag_style);
  } else {
    std::string known;
    for (std::string_view k : kDynamicsKeys) known += std::string(k) + ", ";
    for (std::string_view k : kModelKeys) known += std::string(k) + (k == "tau" ? "" : ", ");
    throw std::invalid_argument("unknown setting '" + std::string(key) + "' (settings: " + known + ")");
  }
  check_settings(s);
  settings = s;
}

std::string setting_text(const LabSettings& s, std::string_view key) {
  if (key == "rule") return to_string(s.rule);
  if (key == "scale") return to_string(s.scale);
  if (key == "mode") return to_string(s.dynamics.mode);
  if (key == "tie") return to_string(s.dynamics.tie);
  if (key == "temperature") return format_number(s.dynamics.temperature);
  if (key == "seed") return std::to_string(s.dynamics.seed);
  if (key == "maxSweeps") return std::to_string(s.dynamics.max_sweeps);
  if (is_model_key(key)) return model_parameter_text(s.model, key);
  throw std::invalid_argument("unknown setting '" + std::string(key) + "'");
}

std::string apply_settings(LabSettings& settings,
                           const std::vector<std::pair<std::string, std::string>>& given) {
  LabSettings s = settings;
  std::string note;
  for (const auto& [key, text] : given)
    if (key == "model") {
      ModelSwitch m = switch_model(s, parse_model(text));
      s = m.settings;
      if (!m.note.empty()) note = m.note;
    }
  std::vector<std::string> keys;
  for (const auto& [key, text] : given) {
    if (key == "model") continue;
    // The temperature is checked against the model once every setting is in.
    if (key == "temperature") s.dynamics.temperature = parse_temperature(text);
    else if (is_model_key(key)) set_model_parameter(s.model, key, text);
    else set_setting(s, key, text);
    keys.push_back(key);
  }
  check_model_keys(s.model, keys, false);
  check_settings(s);
  // A temperature given with the model is the user's; the note spoke of the old one.
  for (const auto& [key, text] : given)
    if (key == "temperature") note.clear();
  settings = s;
  return note;
}

}  // namespace hopfield
