// The memory models beyond the classic network, as one value the CLI, the app, the URL and the
// JS API all edit: which model, and each model's parameters. Definitions in docs/science.md.
//
//   classic     +-1 neurons, W from the learning rule (Hebbian, Storkey, pseudo-inverse), with
//               the optional weight modifiers below (unlearning, forgetting, dilution, the
//               sequence rule).
//   dense       +-1 neurons, E = -sum_mu F(xi^mu . s) (Krotov and Hopfield 2016), F a
//               polynomial, a rectified polynomial or exp (Demircigil et al. 2017).
//   modern      a real state xi, xi <- X softmax(beta X^T xi) (Ramsauer et al. 2020).
//   sparse      0/1 neurons, covariance rule W = sum (xi - a)(xi - a)^T, threshold theta.
//   continuous  graded response (Hopfield 1984): du/dt = -u/tau + W g(u) + I, RK4.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/limits.hpp"
#include "core/names.hpp"

namespace hopfield {

enum class Model { classic, dense, modern, sparse, continuous };
inline constexpr EnumName<Model> kModelNames[] = {
    {Model::classic, "classic", "classic (+-1, W from a rule)"},
    {Model::dense, "dense", "dense associative memory"},
    {Model::modern, "modern", "modern continuous (softmax)"},
    {Model::sparse, "sparse", "sparse 0/1 (covariance rule)"},
    {Model::continuous, "continuous", "continuous 1984 (graded response)"}};
inline std::string to_string(Model m) { return name_of(kModelNames, m); }
inline Model parse_model(std::string_view text) { return parse_name(kModelNames, "model", text); }

// The dense model's interaction function F.
enum class InteractionKind { poly, rectpoly, exp };
struct Interaction {
  InteractionKind kind = InteractionKind::poly;
  int degree = 3;  // n for poly and rectpoly, 2..10
  friend bool operator==(const Interaction&, const Interaction&) = default;
};
// "poly:3", "rectpoly:4", "exp".
std::string to_string(const Interaction& f);
// Throws std::invalid_argument naming the accepted forms.
Interaction parse_interaction(std::string_view text);

// The continuous model's gain function g.
enum class GainFunction { tanh, arctan };
inline constexpr EnumName<GainFunction> kGainNames[] = {
    {GainFunction::tanh, "tanh", "tanh(lambda u)"},
    {GainFunction::arctan, "arctan", "(2/pi) arctan(pi lambda u / 2) (the 1984 paper's)"}};
inline std::string to_string(GainFunction g) { return name_of(kGainNames, g); }
inline GainFunction parse_gain_function(std::string_view text) {
  return parse_name(kGainNames, "gain function", text);
}

struct ModelOptions {
  Model model = Model::classic;

  // dense
  Interaction interaction;
  // modern: inverse temperature of the softmax, in units of 1 / (x_mu . xi) (for +-1 patterns
  // of N neurons, beta = 1 already separates patterns that differ in one pixel).
  double beta = 1.0;
  // sparse: activity a of the covariance rule; a negative value means "the stored patterns'
  // mean activity". theta: the threshold, in units of the raw covariance field.
  double activity = -1.0;
  double threshold = 0.0;

  // classic weight modifiers (applied in this order after the rule's W):
  int dreams = 0;             // unlearning: number of dreams (Hopfield, Feinstein, Palmer 1983)
  double dream_epsilon = 0.01;  // W_raw -= eps s s^T per dream, in raw units (a pattern adds 1)
  double clip = 0.0;          // forgetting: |W_raw_ij| <= clip after each pattern (0: no clip)
  double decay = 1.0;         // forgetting: W_raw <- decay W_raw + xi xi^T (1: no decay)
  double connectivity = 1.0;  // dilution: each weight kept with probability c
  bool asymmetric_dilution = false;  // drop W_ij and W_ji independently
  bool sequence = false;      // W = sum_mu xi^{mu+1} xi^mu^T (cyclic), plus the symmetric part
  double sequence_symmetric = 0.0;  // lambda: + lambda sum_mu xi^mu xi^mu^T
  std::uint64_t weight_seed = 0;    // dreams and dilution draw from Rng(weight_seed, ...)

  // continuous
  GainFunction gain_function = GainFunction::arctan;
  double gain = 1.4;   // lambda
  double dt = 0.1;     // RK4 step, in units of tau
  double tau = 1.0;

  friend bool operator==(const ModelOptions&, const ModelOptions&) = default;
};

// True when the classic model's W is not the rule's plain W (a dense matrix is then needed).
bool has_weight_modifiers(const ModelOptions& m);
// True when the state is real-valued (modern, continuous).
inline bool real_valued(Model m) { return m == Model::modern || m == Model::continuous; }
// True when the energy is a Lyapunov function of the dynamics (not for asymmetric weights:
// the sequence rule, asymmetric dilution).
bool energy_is_lyapunov(const ModelOptions& m);

// Throws std::invalid_argument for out-of-range parameters (degree 2..10, beta > 0 and finite,
// activity in (0, 1) or negative, connectivity in (0, 1], decay in (0, 1], clip >= 0, dreams
// in 0..kMaxDreams, eps > 0, gain > 0, 0 < dt <= 1, tau > 0).
void check_model_options(const ModelOptions& m);

// ---- the parameters as text: one grammar for CLI flags (the key with words joined by '-':
// "gainFunction" is --gain-function), URL parameters, experiment specs and the JS API ----
//   model        classic | dense | modern | sparse | continuous
//   interaction  poly:N | rectpoly:N | exp                      (dense)
//   beta         B > 0                                          (modern)
//   activity     A in (0, 1)    threshold  THETA                (sparse)
//   dream        COUNT:EPS      clip  A    decay  LAMBDA        (classic)
//   dilute       C[:asymmetric] sequence  on | off   symmetric  LAMBDA  (classic)
//   gain  LAMBDA   gainFunction  tanh | arctan   dt  D   tau  T  (continuous)
inline constexpr std::string_view kModelKeys[] = {
    "model", "interaction", "beta",    "activity", "threshold", "dream", "clip",
    "decay", "dilute",      "sequence", "symmetric", "gain",  "gainFunction", "dt", "tau"};
bool is_model_key(std::string_view key);
// Sets parameter `key` from `text`. Throws std::invalid_argument naming the key for a bad
// value or an unknown key. Ranges are checked by check_model_options.
void set_model_parameter(ModelOptions& m, std::string_view key, const std::string& text);
// The text of parameter `key` as set_model_parameter reads it back.
std::string model_parameter_text(const ModelOptions& m, std::string_view key);
// The keys (besides "model") that apply to `model`.
std::vector<std::string_view> model_keys_for(Model model);
// Throws std::invalid_argument when one of `given` (keys) does not apply to m.model, naming
// the model and the keys it takes; `flag_style` spells keys as CLI flags (--gain-function).
void check_model_keys(const ModelOptions& m, const std::vector<std::string>& given,
                      bool flag_style);
// Whether the learning rule (Hebbian, Storkey, pseudo-inverse), its scale and pruning shape
// the model's weights: classic and continuous (W from the rule); dense, modern and sparse
// have their own.
inline bool uses_rule(Model m) { return m == Model::classic || m == Model::continuous; }
// The parameters that differ from the defaults, as (key, text) pairs, "model" first.
std::vector<std::pair<std::string, std::string>> model_parameters(const ModelOptions& m);

// The parameters that differ from the defaults as one text, "model=dense;interaction=poly:4;"
// (share links and the JS bridge carry it), and that text back as (key, value) pairs; a
// malformed text throws std::invalid_argument.
std::string model_parameters_text(const ModelOptions& m);
std::vector<std::pair<std::string, std::string>> split_model_parameters_text(std::string_view text);

// One line for the UI and the CLI: "dense, F = x^3", "modern, beta = 0.5", ...
std::string describe(const ModelOptions& m);

}  // namespace hopfield
