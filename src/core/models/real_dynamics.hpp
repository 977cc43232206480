// Recall for the real-valued models (Network::model().model is Model::modern or
// Model::continuous): one RealRecall object is one run, advanced an iteration at a time or to
// the end, with the same Trace as Recall (dynamics.hpp).
//
// Modern continuous Hopfield (Ramsauer et al. 2020): state xi in R^N, X the N x P stored
// patterns (+-1), one iteration updates the whole state,
//   xi <- X softmax(beta X^T xi),
// with beta = ModelOptions::beta applied to raw dot products (x_mu . xi is in [-N, N] for a
// state in [-1, 1]^N). Energy
//   E = -(1/beta) log sum_mu exp(beta x_mu . xi) + 1/2 xi . xi,
// the paper's E without its constants beta^-1 log P + M^2 / 2 (M = max ||x_mu|| = sqrt N), so
// E differs from the paper's by a constant; each update lowers it (or leaves it) (their
// Theorem 1). Fixed point: max_i |xi_new - xi| <= 1e-12 max(1, max_i |xi_new_i|), a few
// hundred times the rounding of one update's sums over P <= 10^4 terms, far below any visible
// change. log-sum-exp and softmax are shifted by the largest score, so nothing overflows.
//
// Continuous graded response (Hopfield 1984): graded_response.hpp (RK4 of dt * tau per
// iteration, W = weight_scale() * raw_weights(), I = bias(), converged when
// max |du/dt| dt tau < 1e-9). The values are V = g(u); an initial V is clamped to
// +-(1 - 1e-6) so that u = g^-1(V) is finite.
//
// Every sum runs in a fixed order through detmath: the same run gives the same bits natively
// and in WebAssembly.
#pragma once

#include <optional>
#include <vector>

#include "core/dynamics.hpp"
#include "core/models/graded_response.hpp"
#include "core/network.hpp"

namespace hopfield {

class RealRecall {
 public:
  // network: a modern or continuous model (a modern one with nothing stored ends at once, a
  // fixed point, E = 1/2 xi . xi); it must outlive the RealRecall and stay unchanged while it runs. initial: N values
  // (a +-1 probe converted, or grey levels), finite, and in [-1, 1] for the continuous model.
  // options: max_sweeps bounds the iterations; the temperature must be 0 (these models are
  // deterministic); mode, tie and seed are ignored (every iteration updates the whole state).
  // target: a +-1 pattern for the trace's Hamming distance. Tracing::none records neither the
  // trace nor the attention. Throws std::invalid_argument for any of these, or a trace (with
  // the attention rows) over kMaxTraceEntries, before any work.
  RealRecall(const Network& network, std::vector<double> initial, const DynamicsOptions& options,
             std::optional<SpinVector> target = std::nullopt, Tracing tracing = Tracing::full);
  // A temporary network would die before the run: refused at compile time.
  RealRecall(const Network&&, std::vector<double>, const DynamicsOptions&,
             std::optional<SpinVector> = std::nullopt, Tracing = Tracing::full) = delete;

  // One iteration (modern: one update of the whole state; continuous: one RK4 step of
  // dt * tau), recorded in the trace. Does nothing once finished().
  void step();
  // Iterates until a fixed point (Outcome::fixed_point) or max_sweeps (Outcome::max_sweeps).
  Outcome run();

  bool finished() const { return outcome_ != Outcome::running; }
  Outcome outcome() const { return outcome_; }
  int sweeps() const { return sweeps_; }  // iterations done
  Model model() const { return model_; }
  const DynamicsOptions& options() const { return options_; }
  // The real state: xi (modern) or V = g(u) (continuous).
  const std::vector<double>& values() const { return values_; }
  // The sign of each value; a value of exactly 0 keeps the previous sign (+1 initially).
  const SpinVector& signs() const { return signs_; }
  // Per iteration, iteration 0 the initial state: energy (above), Hamming distance of signs()
  // to the target (or to the nearest stored pattern or its inverse, -1 without patterns),
  // flips = sign changes in the iteration, overlaps m_mu = (1/N) x_mu . values().
  const Trace& trace() const { return trace_; }
  // Modern: the softmax weights softmax(beta X^T xi), one row per iteration, row 0 for the
  // initial state (the weights the first update uses). Empty for the continuous model.
  const std::vector<std::vector<double>>& attention() const { return attention_; }
  double energy() const;
  // Neurons whose sign changed in the last step().
  const std::vector<int>& recent_flips() const { return recent_flips_; }

 private:
  void modern_scores();  // scores_, softmax_ and log_sum_ from values_
  void modern_update();
  void update_signs();
  void record_row();

  const Network& net_;
  Model model_;
  DynamicsOptions options_;
  std::optional<SpinVector> target_;
  Tracing tracing_;
  std::vector<double> values_;
  SpinVector signs_;
  double change_ = 0.0;  // modern: max |xi_new - xi| of the last update
  // modern
  double beta_ = 1.0;
  std::vector<double> scores_;   // x_mu . xi
  std::vector<double> softmax_;  // the current attention weights
  double max_score_ = 0.0;
  double log_sum_ = 0.0;  // log sum_mu exp(beta (x_mu . xi - max_score_))
  // continuous
  GradedSystem system_;
  GradedState graded_;

  std::vector<int> recent_flips_;
  int sweeps_ = -1;  // iterations recorded, not counting the initial state
  Trace trace_;
  std::vector<std::vector<double>> attention_;
  Outcome outcome_ = Outcome::running;
};

}  // namespace hopfield
