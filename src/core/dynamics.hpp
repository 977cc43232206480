// Recall dynamics: synchronous, asynchronous (random order each sweep, or index order) and
// Glauber at temperature T, with a per-iteration trace. One Recall object is one run; it can
// be advanced a neuron, a sweep, or to the end, so the app can animate it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/rng.hpp"

namespace hopfield {

enum class UpdateMode { synchronous, async_random, async_sequential };
// What a neuron does when its field is exactly 0 (at T = 0).
enum class TieRule { keep, plus, minus };
enum class Outcome { running, fixed_point, two_cycle, max_sweeps };

std::string to_string(UpdateMode mode);
std::string to_string(TieRule tie);
std::string to_string(Outcome outcome);

struct DynamicsOptions {
  UpdateMode mode = UpdateMode::async_random;
  TieRule tie = TieRule::keep;
  double temperature = 0.0;  // 0: deterministic sign updates; > 0: Glauber
  int max_sweeps = 100;
  std::uint64_t seed = 0;
  friend bool operator==(const DynamicsOptions&, const DynamicsOptions&) = default;
};
// Throws std::invalid_argument for a negative or non-finite temperature or max_sweeps < 1.
void check_options(const DynamicsOptions& options);
// Throws std::invalid_argument when a run of up to max_sweeps sweeps over `patterns` stored
// patterns could trace more than kMaxTraceEntries values: (max_sweeps + 1) rows of P overlaps
// and one entry for the row's energy, Hamming distance and flips.
void check_trace_size(int max_sweeps, int patterns);

// Random-stream ids derived from one user seed (Rng(seed, stream)).
inline constexpr std::uint64_t kCorruptionStream = 1;
inline constexpr std::uint64_t kDynamicsStream = 2;
inline constexpr std::uint64_t kPruningStream = 3;

// One row per iteration; iteration 0 is the initial state. An iteration is one sweep of N
// single-neuron updates (asynchronous) or one simultaneous update of all N (synchronous).
struct Trace {
  std::vector<double> energy;
  // Hamming distance to the target, or to the nearest stored pattern or its inverse when no
  // target was given; -1 when there is neither.
  std::vector<int> hamming;
  std::vector<int> flips;                     // neurons that changed in this iteration
  std::vector<std::vector<double>> overlaps;  // [iteration][mu], m^mu = (1/N) xi^mu . s
  int rows() const { return static_cast<int>(energy.size()); }
};

class Recall {
 public:
  // The network must outlive the Recall and stay unchanged while it runs. Throws
  // std::invalid_argument for bad options, sizes or spins, or a trace over the limit
  // (check_trace_size), before any work.
  Recall(const Network& network, const SpinVector& initial, const DynamicsOptions& options,
         std::optional<SpinVector> target = std::nullopt);

  // Asynchronous modes: updates the next neuron of the current sweep and returns its index;
  // the sweep is recorded in the trace when its last neuron is done. Synchronous mode: one
  // whole step (returns -1). Does nothing once finished().
  int step_neuron();
  // Completes the current sweep (or one synchronous step).
  void step_sweep();
  // Runs until a fixed point, a 2-cycle or max_sweeps.
  Outcome run();

  bool finished() const { return outcome_ != Outcome::running; }
  Outcome outcome() const { return outcome_; }
  const SpinVector& state() const { return state_; }
  const Trace& trace() const { return trace_; }
  int sweeps() const { return trace_.rows() - 1; }
  // Neurons flipped by the last step_neuron / step_sweep call (for highlighting).
  const std::vector<int>& recent_flips() const { return recent_flips_; }
  // Position inside the current asynchronous sweep (0 at a sweep boundary).
  int sweep_position() const { return position_; }
  // Neuron the next step_neuron() updates, or -1 (synchronous mode or finished).
  int next_neuron() const;
  double energy() const;
  const DynamicsOptions& options() const { return options_; }

 private:
  double raw_field(int i) const;
  void count_overlaps();
  Spin decide(int i);
  void apply_flip(int i, Spin value);
  void synchronous_step();
  void begin_sweep();
  // Updates the neurons of the current sweep up to position `end` (exclusive).
  void update_until(int end);
  void end_iteration(int flips);
  void record_row(int flips);

  const Network& net_;
  DynamicsOptions options_;
  std::optional<SpinVector> target_;
  Rng rng_;
  SpinVector state_;
  SpinVector previous_;  // state one iteration back (2-cycle detection)
  bool fields_from_patterns_;
  double scale_;         // the network's weight scale, fixed during a run
  const double* bias_;   // the network's bias vector
  const Eigen::MatrixXf* weights_ = nullptr;  // dense W_raw, when fields come from W
  Eigen::VectorXd h_raw_;  // W_raw s, kept current when fields come from W
  Eigen::Matrix<Spin, Eigen::Dynamic, Eigen::Dynamic> patterns_t_;  // P x N
  Eigen::VectorXi m_;      // xi^mu . s for every stored pattern, kept current
  std::vector<int> order_;
  int position_ = 0;
  int sweep_flips_ = 0;
  std::vector<int> recent_flips_;
  Trace trace_;
  Outcome outcome_ = Outcome::running;
};

// Convenience: run to the end and return the Recall (state, trace, outcome).
Recall recall(const Network& network, const SpinVector& initial, const DynamicsOptions& options,
              std::optional<SpinVector> target = std::nullopt);

}  // namespace hopfield
