// Basins of attraction: a fixed network (a pattern file, or P random patterns), probes made
// from each stored pattern by a corruption of growing amount, and where the recalls end: at
// the pattern, its inverse, another stored pattern (or its inverse), or elsewhere (spurious).
#pragma once

#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/experiments/spec.hpp"
#include "core/corruption.hpp"

namespace hopfield::experiments {

struct BasinsSpec {
  PatternFile patterns;  // "patterns": FILE and "select", or
  int random = 0;        // "random": P random patterns of "size"/"neurons"
  NetworkSize size;
  Rule rule = Rule::hebbian;                         // "rule"
  CorruptionKind corruption = CorruptionKind::flip;  // "corruption": flip|mask|saltpepper|rect
  Spin mask_value = -1;                              // "maskValue": -1 or 1 (mask and rect)
  std::vector<double> amounts;                       // "amounts": fractions in [0, 1] (required)
  int trials = 10;                                   // "trials"
  std::uint64_t seed = 0;                            // "seed"
  DynamicsOptions dynamics;                          // "mode", "tie", "maxSweeps"
  ModelOptions model;                                // "model", "interaction", ... (classic)
  bool per_pattern = false;  // "perPattern": the JSON adds per-pattern fractions

  // With a pattern file, P and N are known after loading it: validate() checks the cost with
  // one pattern of one neuron, Basins::prepare() again with the file's.
  void validate() const;
  // Learning once, then per amount and trial one sweep of each stored pattern's recall.
  RunCost cost(int file_patterns = 1, int file_neurons = 1) const;
  void check_cost(int file_patterns = 1, int file_neurons = 1) const;
  static BasinsSpec from_json(const JsonValue& spec);
};

// Where a recall ended, as stored in unit records.
enum class Ending { retrieved = 0, inverse = 1, other = 2, spurious = 3 };

class Basins : public Experiment {
 public:
  explicit Basins(BasinsSpec spec);
  std::string name() const override { return "basins"; }
  void prepare() override;
  long long unit_count() const override;
  RunCost cost() const override;
  UnitRecord run_unit(long long unit) const override;
  Table aggregate(std::vector<UnitRecord> records) const override;
  void write_spec(JsonWriter& json) const override;
  // "basin_radius": per stored pattern, the largest amount (scanning up from the smallest)
  // still retrieved in >= 90% of trials, before the first amount that is not (-1 if none).
  // With perPattern, "per_pattern": per stored pattern (in file order), its
  // retrieved_fraction and mean_final_overlap per amount (in spec order).
  void write_extra(JsonWriter& json, const std::vector<UnitRecord>& records) const override;
  // Per stored pattern: its ending (0..3), final overlap and sweeps (0..maxSweeps). With a
  // pattern file and no prepare(), P is unknown: any positive multiple of 3 values.
  void check_record(const UnitRecord& record) const override;
  int pattern_count() const;

 private:
  BasinsSpec spec_;
  int width_ = 0;
  PatternMatrix x_;
  std::vector<std::string> names_;
  std::unique_ptr<Network> net_;
};

// The corrupted probe for an amount: flip/mask round(amount N) distinct neurons,
// salt-and-pepper each with probability amount, rect: the top round(amount H) rows.
SpinVector corrupt_for_basins(const SpinVector& xi, int width, CorruptionKind kind, double amount,
                              Spin value, Rng& rng);

}  // namespace hopfield::experiments
