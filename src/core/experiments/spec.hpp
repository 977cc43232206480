// Reading experiment specs from JSON (the app's runExperiment(spec) and the CLI's flags),
// and the parts every experiment shares: network size, learning rule, dynamics, patterns.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/dynamics.hpp"
#include "core/experiments/experiment.hpp"
#include "core/io/json.hpp"
#include "core/learning.hpp"
#include "core/network.hpp"
#include "core/pattern.hpp"

namespace hopfield::experiments {

// Typed access to a spec object; every error is a SpecError naming the key. finish() throws
// for keys nobody asked for (typos).
class SpecReader {
 public:
  explicit SpecReader(const JsonValue& spec);
  bool has(const std::string& key) const;
  std::string text(const std::string& key, const std::string& fallback);
  double real(const std::string& key, double fallback, double min, double max);
  long long integer(const std::string& key, long long fallback, long long min, long long max);
  std::uint64_t seed(const std::string& key);
  bool flag(const std::string& key, bool fallback);
  // A JSON array of numbers, or a LIST string. Required unless fallback is non-empty.
  std::vector<double> reals(const std::string& key, const std::vector<double>& fallback, double min,
                            double max);
  std::vector<long long> integers(const std::string& key, const std::vector<long long>& fallback,
                                  long long min, long long max);
  // A JSON array of strings, or one string of comma-separated words.
  std::vector<std::string> words(const std::string& key, const std::vector<std::string>& fallback);
  // A string, a number (as written) or a boolean ("on"/"off") as text; nullopt when absent.
  std::optional<std::string> scalar(const std::string& key);
  // A repeatable string option: an array of strings or one string.
  std::vector<std::string> strings(const std::string& key);
  void finish() const;

 private:
  const JsonValue* get(const std::string& key);
  const JsonValue& spec_;
  std::set<std::string> used_;
};

// Parses a choice with the core's parse_* function, as a SpecError naming key.
template <class Parse>
auto choice(const std::string& key, const std::string& text, Parse parse) {
  try {
    return parse(text);
  } catch (const std::invalid_argument& e) {
    throw SpecError(key, e.what());
  }
}

// N from "size": "WxH" or "neurons": N (exactly one), 1..16384.
struct NetworkSize {
  int width = 0, height = 1;
  bool from_grid = false;  // given as a size WxH
  int neurons() const { return width * height; }
};
NetworkSize read_size(SpecReader& r, bool required);
void write_size(JsonWriter& json, const NetworkSize& size);

// T = 0 dynamics settings shared by the experiments (mode, tie, maxSweeps).
DynamicsOptions read_dynamics(SpecReader& r, int default_max_sweeps);
void write_dynamics(JsonWriter& json, const DynamicsOptions& d);

// The model and its parameters (models.hpp keys: "model", "interaction", "beta", ...), checked
// to apply to the model (a "rule" too, for the models that make their own weights); the
// classic model when none is given.
ModelOptions read_model(SpecReader& r);
// The parameters that differ from the classic default (nothing for the classic model).
void write_model(JsonWriter& json, const ModelOptions& m);
// Throws SpecError("trials") when trials x N exceeds kMaxExperimentTrialNeurons.
void check_trial_size(int neurons, long long trials);

// --- estimating a run's cost (RunCost, checked against limits.hpp) ----------------------------
// A setting, and the cost of the run with that setting at its least (one trial, one value of
// a list, ...): check_cost names the setting whose least cuts the cost the most.
struct CostFactor {
  std::string key;     // the spec key (the CLI names its flag)
  std::string advice;  // "use fewer trials"
  RunCost least;
};
// Throws SpecError naming the heaviest factor when cost.bytes > kMaxExperimentBytes or
// cost.work > kMaxExperimentWork.
void check_cost(const RunCost& cost, const std::vector<CostFactor>& factors);
// The spec's cost with one setting changed, for a CostFactor.
template <class Spec, class Change, class... Sizes>
RunCost cost_with(Spec spec, Change change, Sizes... sizes) {
  change(spec);
  return spec.cost(sizes...);
}
// Bytes of the unit records: per unit, and per value (a double, and its text in a shard).
double records_bytes(double units, double values_per_unit);
// Steps of one neuron's local field with P stored patterns, for the rule and model.
double field_steps(int neurons, double patterns, Rule rule, const ModelOptions& model);
// Steps of learning P patterns (the weights, dreams included).
double learning_steps(int neurons, double patterns, Rule rule, const ModelOptions& model);
// Bytes of the dense N x N weights and their working copies (0 when the fields come from the
// patterns).
double weight_bytes(int neurons, Rule rule, const ModelOptions& model);
// The "size" or "neurons" key, as the spec gave it.
std::string size_key(const NetworkSize& size);

// The activity random patterns are drawn with: the sparse model's, when given, else 1/2.
double pattern_activity(const ModelOptions& m);
// The model as a table cell ("dense, F(x) = x^3"); empty for the plain classic model.
std::string model_cell(const ModelOptions& m);

// A pattern file and an optional selection ("0,3,5-7" or an array of indices).
struct PatternFile {
  std::string path;
  std::string select;  // as given; empty = all
};
// Loads the file and applies the selection (checked before it is expanded).
std::vector<Pattern> load_selected(const PatternFile& file, const std::string& key);
// "source": "random" (the default: an empty path) or a pattern file, and its "select".
PatternFile read_source(SpecReader& r);
void write_source(JsonWriter& json, const PatternFile& source);
// The patterns trials draw from: none for random, else the file's, checked to have N
// neurons and at least max_p patterns.
std::vector<Pattern> load_pool(const PatternFile& source, int neurons, long long max_p);

// Random-stream ids for experiment trials (with Rng(seed, stream, trial)).
inline constexpr std::uint64_t kPatternStream = 4;

// P random +/-1 patterns of N neurons (the columns), or P of `pool` drawn without
// replacement, from Rng(seed, kPatternStream, trial). The first P' < P columns are the same
// for every P, so the cells of one trial are nested.
// With activity a != 1/2 (the sparse model's random patterns), each neuron of a random
// pattern is +1 (active) with probability a.
PatternMatrix draw_patterns(int neurons, int count, const std::vector<Pattern>& pool,
                            std::uint64_t seed, long long trial, double activity = 0.5);
// A network of the given rule and model holding the columns of x.
Network build_network(const PatternMatrix& x, Rule rule, HebbianScale scale = HebbianScale::none,
                      const ModelOptions& model = {});

// Runs a T = 0 recall to its end and returns its sweeps, but stops as soon as the state is a
// fixed point (which the next sweep would only confirm), counting that sweep: the same state
// and count as Recall::run, without the last sweep's work.
int run_to_end(Recall& run);

// Summary statistics of a sample (sorted copy): mean, standard deviation (n - 1), and the
// quartiles by linear interpolation between order statistics (numpy's default).
struct Summary {
  double mean = 0, sd = 0, min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
Summary summarize(std::vector<double> values);

// Each unit's record, or nullptr for a unit not run (yet): aggregate() works on partial
// results, so a plot can grow as trials finish. Throws for a repeated or unknown unit.
std::vector<const UnitRecord*> index_records(const std::vector<UnitRecord>& records,
                                             long long count);
// The records run so far of cell c (units c * trials .. c * trials + trials - 1), in order.
std::vector<const UnitRecord*> cell_records(const std::vector<const UnitRecord*>& by_unit,
                                            std::size_t cell, int trials);

// Checks for Experiment::check_record; each throws std::invalid_argument "unit U: ...".
// The record holds `count` values.
void check_value_count(const UnitRecord& r, std::size_t count);
// Value k (0-based) lies in [min, max], and is a whole number when `whole`; `what` names it
// in the message ("hebbian retrieved_fraction"), called only when it is not.
template <class What>
void check_value(const UnitRecord& r, std::size_t k, double min, double max, bool whole,
                 What what) {
  const double v = r.values[k];
  if (v >= min && v <= max && (!whole || v == static_cast<double>(static_cast<long long>(v))))
    return;
  throw std::invalid_argument("unit " + std::to_string(r.unit) + ": value " +
                              std::to_string(k + 1) + " (" + std::string(what()) + ") is " +
                              json_number_short(v) + ", not " + (whole ? "a whole number " : "") +
                              "in [" + json_number_short(min) + ", " + json_number_short(max) +
                              "]");
}

// Records sorted by unit, checked complete (each of 0..count-1 exactly once).
std::vector<UnitRecord> complete_records(std::vector<UnitRecord> records, long long count);

}  // namespace hopfield::experiments
