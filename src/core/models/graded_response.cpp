#include "core/models/graded_response.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/detmath.hpp"
#include "core/parse.hpp"

namespace hopfield {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kLn2 = 0.69314718055994530942;

// ln cosh x, accurate for small x too (-1/2 ln(1 - tanh^2 x) there).
double log_cosh(double x, double tanh_x) {
  if (std::abs(tanh_x) < 0.5) return -0.5 * det_log1p(-tanh_x * tanh_x);
  const double a = std::abs(x);
  return a + det_log1p(det_exp(-2.0 * a)) - kLn2;
}

// (1/tau) int_0^V g^-1(v) dv, written in u (finite for every finite u, where V rounds to +-1):
// tanh: u V - ln cosh(lambda u) / lambda; arctan: 2 / (pi^2 lambda) ln(1 + (pi lambda u / 2)^2).
double resistor_energy(const ModelOptions& m, double u, double v) {
  const double lambda = m.gain;
  if (m.gain_function == GainFunction::tanh)
    return (u * v - log_cosh(lambda * u, v) / lambda) / m.tau;
  const double y = kPi * lambda * u / 2;
  const double log_term =
      std::abs(y) <= 1 ? det_log1p(y * y) : 2.0 * det_log(std::abs(y)) + det_log1p(1.0 / (y * y));
  return 2.0 / (kPi * kPi * lambda) * log_term / m.tau;
}

}  // namespace

double gain(const ModelOptions& m, double u) {
  if (m.gain_function == GainFunction::tanh) return det_tanh(m.gain * u);
  return 2.0 / kPi * det_atan(kPi * m.gain * u / 2);
}

double inverse_gain(const ModelOptions& m, double v) {
  if (!std::isfinite(v) || std::abs(v) > 1)
    throw std::invalid_argument("a continuous state's values must be in [-1, 1], not " +
                                format_number(v));
  const double bound = 1.0 - kGainClamp;
  v = std::min(bound, std::max(-bound, v));
  if (m.gain_function == GainFunction::tanh) return det_atanh(v) / m.gain;
  return 2.0 / (kPi * m.gain) * det_tan_half_pi(v);
}

GradedState graded_state(const GradedSystem& sys, std::vector<double> u) {
  const int n = sys.size();
  GradedState s;
  s.u = std::move(u);
  s.v.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) s.v[i] = gain(sys.model, s.u[i]);
  sys.times_weights(s.v, s.wv);
  s.rate.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) s.rate[i] = -s.u[i] / sys.model.tau + s.wv[i] + sys.input[i];
  return s;
}

void rk4_step(const GradedSystem& sys, GradedState& state) {
  const std::size_t n = state.u.size();
  const double h = sys.model.dt * sys.model.tau;
  const auto shifted = [&](const std::vector<double>& k, double by) {
    std::vector<double> u(n);
    for (std::size_t i = 0; i < n; ++i) u[i] = state.u[i] + by * k[i];
    return graded_state(sys, std::move(u));
  };
  const std::vector<double>& k1 = state.rate;
  const GradedState s2 = shifted(k1, h / 2);
  const GradedState s3 = shifted(s2.rate, h / 2);
  const GradedState s4 = shifted(s3.rate, h);
  std::vector<double> u(n);
  for (std::size_t i = 0; i < n; ++i)
    u[i] = state.u[i] + h / 6 * (k1[i] + 2 * s2.rate[i] + 2 * s3.rate[i] + s4.rate[i]);
  state = graded_state(sys, std::move(u));
}

double graded_energy(const GradedSystem& sys, const GradedState& state) {
  double quadratic = 0.0, linear = 0.0, resistor = 0.0;
  for (int i = 0; i < sys.size(); ++i) {
    quadratic += state.v[i] * state.wv[i];
    linear += sys.input[i] * state.v[i];
    resistor += resistor_energy(sys.model, state.u[i], state.v[i]);
  }
  return -0.5 * quadratic - linear + resistor;
}

bool graded_converged(const GradedSystem& sys, const GradedState& state) {
  double fastest = 0.0;
  for (double r : state.rate) fastest = std::max(fastest, std::abs(r));
  return fastest * sys.model.dt * sys.model.tau < kGradedTolerance;
}

namespace {

GradedSystem two_neuron_system(const Eigen::Matrix2d& w, const Eigen::Vector2d& input,
                               const ModelOptions& m) {
  check_model_options(m);
  if (!w.allFinite() || !input.allFinite())
    throw std::invalid_argument("the weights and the input must be finite numbers");
  GradedSystem sys;
  sys.model = m;
  sys.times_weights = [w](const std::vector<double>& v, std::vector<double>& out) {
    out.resize(2);
    out[0] = w(0, 0) * v[0] + w(0, 1) * v[1];
    out[1] = w(1, 0) * v[0] + w(1, 1) * v[1];
  };
  sys.input = {input[0], input[1]};
  return sys;
}

}  // namespace

std::vector<double> energy_landscape_2d(const Eigen::Matrix2d& w, const Eigen::Vector2d& input,
                                        const ModelOptions& m, int steps) {
  if (steps < 2 || steps > 1024)
    throw std::invalid_argument("the energy grid needs 2 to 1024 steps a side, not " +
                                std::to_string(steps));
  const GradedSystem sys = two_neuron_system(w, input, m);
  const auto centre = [steps](int k) { return -1.0 + (k + 0.5) * 2.0 / steps; };
  std::vector<double> grid(static_cast<std::size_t>(steps) * steps);
  for (int r = 0; r < steps; ++r)
    for (int c = 0; c < steps; ++c) {
      const GradedState s =
          graded_state(sys, {inverse_gain(m, centre(c)), inverse_gain(m, centre(r))});
      grid[static_cast<std::size_t>(r) * steps + c] = graded_energy(sys, s);
    }
  return grid;
}

std::vector<std::array<double, 2>> trajectory_2d(const Eigen::Matrix2d& w,
                                                 const Eigen::Vector2d& input,
                                                 const ModelOptions& m,
                                                 const std::array<double, 2>& start,
                                                 int max_steps) {
  if (max_steps < 1 || max_steps > 100000)
    throw std::invalid_argument("a trajectory takes 1 to 100000 steps, not " +
                                std::to_string(max_steps));
  const GradedSystem sys = two_neuron_system(w, input, m);
  GradedState s = graded_state(sys, {inverse_gain(m, start[0]), inverse_gain(m, start[1])});
  std::vector<std::array<double, 2>> path{{s.v[0], s.v[1]}};
  for (int k = 0; k < max_steps; ++k) {
    rk4_step(sys, s);
    path.push_back({s.v[0], s.v[1]});
    if (graded_converged(sys, s)) break;
  }
  return path;
}

}  // namespace hopfield
