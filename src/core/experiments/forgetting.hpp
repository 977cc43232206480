// Forgetting: a stream of random patterns stored one after another into a network that
// forgets (a palimpsest: weight decay W <- lambda W + xi xi^T, or bounded weights
// |W_ij| <= A after each pattern), then each pattern recalled from round(flip N) flips. Per
// age (0 = the newest), over trials: the fraction recalled exactly and the mean final
// overlap. Without decay or a bound the plain Hebbian network shows the blackout instead:
// past 0.138 N nothing is recalled, not even the newest.
#pragma once

#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/experiments/spec.hpp"

namespace hopfield::experiments {

struct ForgettingSpec {
  NetworkSize size;         // "size": "WxH" or "neurons": N (required), N <= kMaxDenseNeurons
  int stored = 0;           // "stored": length of the stream (required)
  double flip = 0.1;        // "flip": fraction of distinct flips before recall
  int trials = 10;          // "trials"
  std::uint64_t seed = 0;   // "seed"
  DynamicsOptions dynamics; // "mode", "tie", "maxSweeps" (async, keep, 100)
  ModelOptions model;       // "decay", "clip" (the classic model; "model" may only be classic)

  void validate() const;
  // Per trial: learning each pattern (N^2) and one sweep of its recall (N^2).
  RunCost cost() const;
  static ForgettingSpec from_json(const JsonValue& spec);
};

class Forgetting : public Experiment {
 public:
  explicit Forgetting(ForgettingSpec spec);
  std::string name() const override { return "forgetting"; }
  void prepare() override {}
  long long unit_count() const override { return spec_.trials; }
  RunCost cost() const override { return spec_.cost(); }
  // Unit k is trial k: values [0, stored) retrieved (1 or 0) by age, then the final
  // overlaps by age.
  UnitRecord run_unit(long long unit) const override;
  Table aggregate(std::vector<UnitRecord> records) const override;
  void write_spec(JsonWriter& json) const override;
  // Retrieved (0 or 1) then the final overlap (in [-1, 1]) per age.
  void check_record(const UnitRecord& record) const override;
  const ForgettingSpec& spec() const { return spec_; }

 private:
  ForgettingSpec spec_;
};

}  // namespace hopfield::experiments
