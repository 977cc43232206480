// Recall dynamics: synchronous, asynchronous (random order each sweep, or index order) and
// Glauber at temperature T, with a per-iteration trace. One Recall object is one run; it can
// be advanced a neuron, a sweep, or to the end, so the app can animate it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/models/dense_memory.hpp"
#include "core/network.hpp"
#include "core/rng.hpp"

namespace hopfield {

enum class UpdateMode { synchronous, async_random, async_sequential };
// What a neuron does when its field is exactly 0 (at T = 0).
enum class TieRule { keep, plus, minus };
// A synchronous run at T = 0 is deterministic: a state seen again 2 steps back is a 2-cycle,
// L steps back (3 <= L <= kMaxCycleLength) a cycle of L states (the sequence rule's walk).
enum class Outcome { running, fixed_point, two_cycle, max_sweeps, cycle };
inline constexpr int kMaxCycleLength = 256;

inline constexpr EnumName<UpdateMode> kModeNames[] = {
    {UpdateMode::synchronous, "sync", "synchronous"},
    {UpdateMode::async_random, "async", "asynchronous, random order"},
    {UpdateMode::async_sequential, "sequential", "asynchronous, in order"}};
inline constexpr EnumName<TieRule> kTieNames[] = {{TieRule::keep, "keep", "keep current value"},
                                                  {TieRule::plus, "plus", "+1"},
                                                  {TieRule::minus, "minus", "-1"}};
inline constexpr EnumName<Outcome> kOutcomeNames[] = {{Outcome::running, "running", "running"},
                                                      {Outcome::fixed_point, "fixed point", "fixed point"},
                                                      {Outcome::two_cycle, "2-cycle", "2-cycle"},
                                                      {Outcome::max_sweeps, "max sweeps", "sweep limit"},
                                                      {Outcome::cycle, "cycle", "cycle"}};
inline std::string to_string(UpdateMode mode) { return name_of(kModeNames, mode); }
inline std::string to_string(TieRule tie) { return name_of(kTieNames, tie); }
inline std::string to_string(Outcome outcome) { return name_of(kOutcomeNames, outcome); }
inline UpdateMode parse_mode(std::string_view text) {
  return parse_name(kModeNames, "update mode", text);
}
inline TieRule parse_tie(std::string_view text) { return parse_name(kTieNames, "tie rule", text); }

struct DynamicsOptions {
  UpdateMode mode = UpdateMode::async_random;
  TieRule tie = TieRule::keep;
  // 0: deterministic sign updates; > 0: Glauber at T in the units of glauber_field_scale.
  double temperature = 0.0;
  int max_sweeps = 100;
  std::uint64_t seed = 0;
  friend bool operator==(const DynamicsOptions&, const DynamicsOptions&) = default;
};
// Temperature has one unit whatever the Hebbian display scale: Glauber dynamics see the field
// h_T = c W_raw s + b with c = 1/N for Hebbian weights (so T_c = 1 for random patterns at low
// load) and c = 1 (the rule's own W) for Storkey and pseudo-inverse. The sparse model: c = 1,
// so T is in units of its 0/1 field (the covariance sum minus theta). Returns c.
double glauber_field_scale(const Network& net);
// Throws std::invalid_argument for a negative or non-finite temperature or max_sweeps < 1.
void check_options(const DynamicsOptions& options);
// Throws std::invalid_argument when a run of up to max_sweeps sweeps over `patterns` stored
// patterns could trace more than kMaxTraceEntries values: (max_sweeps + 1) rows of P overlaps
// and one entry for the row's energy, Hamming distance and flips.
void check_trace_size(int max_sweeps, int patterns);

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

// What a Recall records per iteration: the whole Trace (the app, the CLI), or nothing but
// the count of sweeps (batch experiments, which read only the final state).
enum class Tracing { full, none };

// The raw fields W_raw s0 of a state s0 near the initial one, known exactly (a batch product
// over all stored patterns, as the capacity experiment has): an untraced recall on unpruned
// Hebbian weights starts from them plus O(N) per neuron where the states differ, instead of
// O(N P). Both are exact integers, so the run is the same bit for bit.
struct NearbyFields {
  const SpinVector* state = nullptr;  // s0, N spins
  const float* raw_fields = nullptr;  // W_raw s0, N values (integers)
};

class RealRecall;  // real_dynamics.hpp

class Recall {
 public:
  // The network must outlive the Recall and stay unchanged while it runs. Throws
  // std::invalid_argument for bad options, sizes or spins, or a trace over the limit
  // (check_trace_size), before any work. The dense model (Network::model()) runs at T = 0
  // only (a temperature throws), with the same draws, sweeps and outcomes as the classic one:
  // each update is the sign of D_i (dense_memory.hpp), ties by options.tie.
  Recall(const Network& network, const SpinVector& initial, const DynamicsOptions& options,
         std::optional<SpinVector> target = std::nullopt, Tracing tracing = Tracing::full,
         NearbyFields nearby = {});
  // A real-valued initial state (grey levels in [-1, 1]) for the modern and continuous
  // models; a +-1 state (the constructor above) works for them too. These models run a
  // RealRecall (real_dynamics.hpp) behind this same interface: an iteration is one update of
  // the whole state (modern) or one RK4 step (continuous), state() is the sign of each value.
  // A +-1 state enters the continuous model as u = +-1 (V = g(+-1)), the modern one as is.
  Recall(const Network& network, const std::vector<double>& initial_values,
         const DynamicsOptions& options, std::optional<SpinVector> target = std::nullopt,
         Tracing tracing = Tracing::full);
  Recall(Recall&&) noexcept;
  ~Recall();

  // Asynchronous modes: updates the next neuron of the current sweep and returns its index;
  // the sweep is recorded in the trace when its last neuron is done. Synchronous mode: one
  // whole step (returns -1). Does nothing once finished().
  int step_neuron();
  // Completes the current sweep (or one synchronous step).
  void step_sweep();
  // Runs until a fixed point, a cycle (synchronous) or max_sweeps.
  Outcome run();
  // The number of states the run cycles through: 2 for a 2-cycle, L for a cycle; else 0.
  int cycle_length() const { return cycle_length_; }

  bool finished() const { return outcome() != Outcome::running; }
  Outcome outcome() const { return real_ ? real_outcome() : outcome_; }
  const SpinVector& state() const { return real_ ? real_state() : state_; }
  const Trace& trace() const { return real_ ? real_trace() : trace_; }  // empty with Tracing::none
  int sweeps() const { return real_ ? real_sweeps() : sweeps_; }
  // Neurons flipped by the last step_neuron / step_sweep call (for highlighting).
  const std::vector<int>& recent_flips() const { return real_ ? real_flips() : recent_flips_; }
  // The real state of the modern and continuous models; empty for the +-1 models.
  const std::vector<double>& state_values() const;
  // Modern model: the softmax weights over the stored patterns, one row per iteration (row k
  // the weights the update after iteration k uses); empty for the other models.
  const std::vector<std::vector<double>>& attention() const;
  // Position inside the current asynchronous sweep (0 at a sweep boundary).
  int sweep_position() const { return position_; }
  // Neuron the next step_neuron() updates, or -1 (synchronous mode or finished).
  int next_neuron() const;
  double energy() const;
  const DynamicsOptions& options() const { return options_; }
  // At T = 0: true when no neuron would change, so the next sweep (or synchronous step)
  // flips nothing and the run ends there as a fixed point. O(N) on the dense path, O(N P)
  // from patterns, without drawing random numbers: lets batch runs skip that last sweep.
  bool at_fixed_point() const;

 private:
  Outcome real_outcome() const;
  const SpinVector& real_state() const;
  const Trace& real_trace() const;
  int real_sweeps() const;
  const std::vector<int>& real_flips() const;
  double raw_field(int i) const;
  double pattern_field(int i) const;  // from the overlaps: exact for unpruned Hebbian W
  void integer_fields_from_overlaps();
  void fields_from_nearby(const NearbyFields& nearby);
  void add_float_column(int j, Spin value);
  Spin float_sign(int i, Spin current) const;
  Spin decide(int i);
  Spin sign_update(int i, Spin current) const;  // the T = 0 rule, ties included
  void apply_flip(int i, Spin value);
  void update_overlaps();  // m_ from the state
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
  // Synchronous T = 0 runs: the last kMaxCycleLength states, newest first, each with a hash
  // of its spins (compared first).
  std::deque<std::pair<std::uint64_t, SpinVector>> history_;
  int cycle_length_ = 0;
  bool fields_from_patterns_;  // also for the dense model, which reads only the overlaps m_
  double scale_;         // the network's weight scale, fixed during a run
  double glauber_scale_; // glauber_field_scale(net_)
  const double* bias_;   // the network's bias vector
  int tie_;              // the value a tie gives: +1, -1, or 0 for "keep the current value"
  const Eigen::MatrixXf* weights_ = nullptr;  // dense W_raw, when fields come from W
  std::optional<DenseInteraction> dense_;      // the dense model's F, when the network runs it
  Eigen::VectorXd h_raw_;  // W_raw s, kept current when fields come from W
  bool integer_fields_ = false;  // fields from W, kept in h_float_ (exact integers)
  // integer_fields_, no bias and a positive scale: the T = 0 rule is the sign of h_float_.
  bool float_sign_rule_ = false;
  std::vector<float> h_float_;
  // P x N, in 16 bits so the field loop is an int16 dot product (SSE2 pmaddwd, wasm SIMD).
  const Eigen::Matrix<std::int16_t, Eigen::Dynamic, Eigen::Dynamic>* patterns_t_;  // the network's
  // xi^mu . s for every stored pattern (|m| <= N <= 16384 fits 16 bits), kept current while
  // track_overlaps_ (fields from patterns, or a full trace); else exact at the start only.
  std::vector<std::int16_t> m_;
  bool track_overlaps_ = true;
  std::vector<int> order_;
  int position_ = 0;
  int sweep_flips_ = 0;
  std::vector<int> recent_flips_;
  Tracing tracing_;
  int sweeps_ = -1;  // iterations recorded, not counting the initial state
  Trace trace_;
  Outcome outcome_ = Outcome::running;
  std::unique_ptr<RealRecall> real_;  // the modern and continuous models
};

// Convenience: run to the end and return the Recall (state, trace, outcome).
Recall recall(const Network& network, const SpinVector& initial, const DynamicsOptions& options,
              std::optional<SpinVector> target = std::nullopt);

}  // namespace hopfield
