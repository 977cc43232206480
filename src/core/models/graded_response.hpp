// The continuous graded-response network (Hopfield 1984), shared by RealRecall and the
// 2-neuron picture:
//
//   du_i/dt = -u_i / tau + sum_j W_ij V_j + I_i,   V = g(u),
//   g(u) = tanh(lambda u)  or  (2/pi) arctan(pi lambda u / 2)   (ModelOptions::gain_function),
//
// integrated with the classic fixed-step RK4 on u, step h = dt * tau (ModelOptions::dt is in
// units of tau, so the same dt resolves the relaxation whatever tau is). Energy (Hopfield 1984,
// the resistor term written with tau):
//
//   E = -1/2 V^T W V - I^T V + (1/tau) sum_i int_0^{V_i} g^-1(v) dv,
//   tanh:   int_0^V g^-1 = (1/lambda) [V atanh V + 1/2 ln(1 - V^2)]
//   arctan: int_0^V g^-1 = -(4 / (pi^2 lambda)) ln cos(pi V / 2)
//
// which never increases along a trajectory when W is symmetric (dE/dt = -sum g'(u) (du/dt)^2).
// Everything goes through detmath and fixed-order sums: the same bits natively and in wasm.
#pragma once

#include <Eigen/Core>
#include <array>
#include <functional>
#include <vector>

#include "core/models/models.hpp"

namespace hopfield {

// Initial values V are clamped to +-(1 - kGainClamp) so that u = g^-1(V) is finite (a +-1
// probe starts at u = atanh(1 - 1e-6) / lambda = 7.25 / lambda for tanh, about
// 4 / (pi^2 lambda 1e-6) for arctan, whose tail is long).
inline constexpr double kGainClamp = 1e-6;
// A run has converged when one Euler step would move no u_i by more than this:
// max_i |du_i/dt| * dt * tau < kGradedTolerance.
inline constexpr double kGradedTolerance = 1e-9;

// V = g(u) for the model's gain function and gain lambda.
double gain(const ModelOptions& m, double u);
// u = g^-1(V), V first clamped to +-(1 - kGainClamp). Throws std::invalid_argument for V
// outside [-1, 1] or not finite.
double inverse_gain(const ModelOptions& m, double v);

// The equations of one network: W as a product (out = W v, in a fixed summation order) and
// the input current I.
struct GradedSystem {
  ModelOptions model;
  std::function<void(const std::vector<double>& v, std::vector<double>& out)> times_weights;
  std::vector<double> input;
  int size() const { return static_cast<int>(input.size()); }
};

// A state and what the equations derive from it, kept consistent: V = g(u), wv = W V and
// rate = du/dt.
struct GradedState {
  std::vector<double> u, v, wv, rate;
};

GradedState graded_state(const GradedSystem& sys, std::vector<double> u);
// One classic RK4 step of h = dt * tau.
void rk4_step(const GradedSystem& sys, GradedState& state);
double graded_energy(const GradedSystem& sys, const GradedState& state);
bool graded_converged(const GradedSystem& sys, const GradedState& state);

// ---- the 2-neuron picture (Hopfield 1984, fig. 3) ----

// Energy on a grid over V in (-1, 1)^2, for contour plots: `steps` x `steps` values,
// row-major, entry [r * steps + c] at the cell centre V1 = -1 + (c + 1/2) 2 / steps,
// V2 = -1 + (r + 1/2) 2 / steps (row 0 at the bottom, V2 near -1). steps from 2 to 1024.
std::vector<double> energy_landscape_2d(const Eigen::Matrix2d& w, const Eigen::Vector2d& input,
                                        const ModelOptions& m, int steps);
// The trajectory from `start` (V values, clamped as above): element 0 is the start, then V after
// each RK4 step, stopping after the step that converges (kGradedTolerance) or after max_steps
// steps (1 to 100000).
std::vector<std::array<double, 2>> trajectory_2d(const Eigen::Matrix2d& w,
                                                 const Eigen::Vector2d& input,
                                                 const ModelOptions& m,
                                                 const std::array<double, 2>& start, int max_steps);

}  // namespace hopfield
