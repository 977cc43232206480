// Temperature: Glauber dynamics from a stored pattern over a list of T and loads; the mean
// |overlap| with the start pattern over the last half of a fixed number of sweeps. T is in
// the core's one unit (dynamics.hpp: the field of W_raw / N for Hebbian), so the retrieval
// transition sits at T = 1 for random patterns at low load.
#pragma once

#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/experiments/spec.hpp"

namespace hopfield::experiments {

struct TemperatureSpec {
  NetworkSize size;                            // "size" or "neurons" (required)
  std::vector<long long> patterns{1};          // "patterns": P values (loads)
  std::vector<double> temperatures;            // "temperatures" (required), each >= 0
  int sweeps = 50;                             // "sweeps": fixed run length
  Rule rule = Rule::hebbian;                   // "rule"
  ModelOptions model;  // "model", ...: the classic (with modifiers) and sparse models
  UpdateMode mode = UpdateMode::async_random;  // "mode"
  int trials = 10;                             // "trials"
  std::uint64_t seed = 0;                      // "seed"
  PatternFile source;                          // "source": "random" or a file; "select"

  void validate() const;
  // Per cell and trial: learning, then every sweep (the run length is fixed).
  RunCost cost() const;
  static TemperatureSpec from_json(const JsonValue& spec);
};

class Temperature : public Experiment {
 public:
  explicit Temperature(TemperatureSpec spec);
  std::string name() const override { return "temperature"; }
  void prepare() override;
  long long unit_count() const override;
  RunCost cost() const override { return spec_.cost(); }
  UnitRecord run_unit(long long unit) const override;
  Table aggregate(std::vector<UnitRecord> records) const override;
  void write_spec(JsonWriter& json) const override;
  // One value: the mean |overlap|, in [0, 1].
  void check_record(const UnitRecord& record) const override;

 private:
  TemperatureSpec spec_;
  std::vector<Pattern> pool_;
};

}  // namespace hopfield::experiments
