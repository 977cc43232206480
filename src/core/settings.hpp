// Every network setting a user can type, with one owner: each is read from text by one function
// here and applied by one command, set_setting(settings, key, text). The CLI's flags
// (--max-sweeps is the key maxSweeps), the start-up parameters (URL, desktop flags), the JS
// API, the experiment specs, the app's panels and the Python bindings all call these, so a
// value means the same and a bad one gets the same message on every way in.
//
//   key          text                                      field
//   rule         hebbian | storkey | pseudoinverse         rule
//   scale        none | n | p                              scale (Hebbian display scale)
//   mode         sync | async | sequential                 dynamics.mode
//   tie          keep | plus | minus                       dynamics.tie
//   temperature  T >= 0, finite (Glauber; 0 = sign rule)   dynamics.temperature
//   seed         0 .. 2^64 - 1                             dynamics.seed
//   maxSweeps    1 .. kMaxSweeps (limits.hpp)              dynamics.max_sweeps
//   model, interaction, beta, ... (models.hpp's kModelKeys) model
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dynamics.hpp"
#include "core/models/models.hpp"
#include "core/network.hpp"

namespace hopfield {

// Learning rule, memory model and recall dynamics, as one value every way in edits.
struct LabSettings {
  Rule rule = Rule::hebbian;
  HebbianScale scale = HebbianScale::none;
  ModelOptions model;
  DynamicsOptions dynamics;
  friend bool operator==(const LabSettings&, const LabSettings&) = default;
};

// "seed must be an integer from 0 to 18446744073709551615, not 'x'".
std::uint64_t parse_seed(std::string_view text, std::string_view what = "seed");
// A grid: "WxH" (or "WXH"), or one number for a square ("16" is 16x16); sides 1..kMaxSide.
struct GridSize {
  int width = 0, height = 0;
  friend bool operator==(const GridSize&, const GridSize&) = default;
};
GridSize parse_grid_size(std::string_view text, std::string_view what = "size");
double parse_temperature(std::string_view text);
int parse_max_sweeps(std::string_view text);

// Whether the model's recall has Glauber dynamics at T > 0 (classic and sparse); the others
// run at T = 0.
inline bool has_glauber_dynamics(Model m) { return m == Model::classic || m == Model::sparse; }

// The settings keys besides the model's (kModelKeys).
inline constexpr std::string_view kDynamicsKeys[] = {"rule", "scale", "mode", "tie",
                                                      "temperature", "seed", "maxSweeps"};
bool is_setting_key(std::string_view key);  // a dynamics key or a model key

// Sets one setting from its text. Throws std::invalid_argument (settings unchanged) with a
// message naming the setting for an unknown key, a bad value, a model key of another model,
// and a temperature above 0 on a model without Glauber dynamics. "model" switches the model (switch_model below); its
// note is dropped here: apply_settings returns it. `flag_style` spells keys in messages as
// the CLI's flags (--gain-function).
void set_setting(LabSettings& settings, std::string_view key, std::string_view text,
                 bool flag_style = false);
// The text of one setting as set_setting reads it back.
std::string setting_text(const LabSettings& settings, std::string_view key);

// The model switch, the one place that says what a change of model keeps and what it resets:
// the new model starts from its own parameters' defaults; rule, scale, mode, tie, seed and max
// sweeps are kept; the temperature is kept where the new model has Glauber dynamics and set
// to 0 where it has not, which `note` then says in one line ("" when nothing was lost).
struct ModelSwitch {
  LabSettings settings;
  std::string note;
};
ModelSwitch switch_model(const LabSettings& from, Model to);

// Several settings at once, as every way in hands them over ((key, text) pairs in any order):
// "model" first (switch_model), then the rest in the order given, then a check that each
// model key applies to the model (check_model_keys). All or nothing: throws with `settings`
// unchanged. Returns the model switch's note, or "".
std::string apply_settings(LabSettings& settings,
                           const std::vector<std::pair<std::string, std::string>>& given);

// Throws std::invalid_argument when the settings cannot run together (the ranges of
// check_options and check_model_options, a temperature on a model that has none).
void check_settings(const LabSettings& settings);

}  // namespace hopfield
