// Capacity: how many random (or file) patterns a rule stores at fixed N. Per rule and P, over
// trials: the first-step error (one synchronous update of each stored pattern), the fraction
// of stored patterns that are fixed points, and recall from round(flip N) distinct flips.
#pragma once

#include <memory>
#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/experiments/spec.hpp"

namespace hopfield::experiments {

struct CapacitySpec {
  NetworkSize size;                        // "size": "WxH" or "neurons": N (required)
  std::vector<long long> patterns;         // "patterns": P values (required)
  std::vector<Rule> rules{Rule::hebbian};  // "rule": a list
  double flip = 0.1;                       // "flip": fraction of distinct flips for recall
  int trials = 10;                         // "trials"
  std::uint64_t seed = 0;                  // "seed"
  PatternFile source;                      // "source": "random" (path empty) or a file; "select"
  DynamicsOptions dynamics;                // "mode", "tie", "maxSweeps" (async, keep, 100)
  ModelOptions model;                      // "model", "interaction", "beta", ... (classic)

  // Throws SpecError naming the field (empty lists, P > N for the pseudo-inverse, a run over
  // the limits of work or memory, ...).
  void validate() const;
  // Per cell and trial, learning and one sweep of every recall of each rule.
  RunCost cost() const;
  static CapacitySpec from_json(const JsonValue& spec);
};

class Capacity : public Experiment {
 public:
  explicit Capacity(CapacitySpec spec);
  ~Capacity() override;
  std::string name() const override { return "capacity"; }
  void prepare() override;
  long long unit_count() const override;
  RunCost cost() const override { return spec_.cost(); }
  UnitRecord run_unit(long long unit) const override;
  Table aggregate(std::vector<UnitRecord> records) const override;
  void write_spec(JsonWriter& json) const override;
  void check_record(const UnitRecord& record) const override;
  const CapacitySpec& spec() const { return spec_; }
  // Whether a trial's patterns and Hebbian network carry over from one cell to the next
  // (capacity.cpp, "Reusing a trial"); on by default, the same rows either way. Takes effect
  // at the next prepare().
  void reuse_trials(bool on) { reuse_wanted_ = on; }

 private:
  struct TrialState;
  struct Reuse;
  CapacitySpec spec_;
  std::vector<Pattern> pool_;  // patterns of the source file (empty: random)
  bool reuse_wanted_ = true;
  std::unique_ptr<Reuse> reuse_;  // null: each unit draws and learns on its own
};

// Per stored pattern and neuron: would one synchronous update from the pattern itself flip
// it? Returns the number of flips per pattern (column). Hebbian without a dense W; the dense,
// modern and continuous models by one synchronous step of their own dynamics.
std::vector<int> first_step_flips(const PatternMatrix& x, const Network& net, TieRule tie);

}  // namespace hopfield::experiments
