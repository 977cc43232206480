#include "core/experiments/temperature.hpp"

#include <algorithm>
#include <cmath>

#include "core/lab.hpp"
#include "core/rng.hpp"

namespace hopfield::experiments {

void TemperatureSpec::validate() const {
  const int n = size.neurons();
  if (n < 1) throw SpecError("neurons", "give the network size (neurons N or size WxH)");
  if (patterns.empty()) throw SpecError("patterns", "must not be empty");
  if (temperatures.empty()) throw SpecError("temperatures", "must not be empty");
  for (double t : temperatures)
    if (!(t >= 0 && t <= 1e6)) throw SpecError("temperatures", "values must be in [0, 1e6]");
  if (sweeps < 1) throw SpecError("sweeps", "must be at least 1");
  if (trials < 1) throw SpecError("trials", "must be at least 1");
  check_trial_size(size.neurons(), trials);
  if (rule != Rule::hebbian && n > kMaxDenseNeurons)
    throw SpecError("rule", to_string(rule) + " needs a dense N x N matrix: at most " +
                                std::to_string(kMaxDenseNeurons) + " neurons");
  const long long max_p = *std::max_element(patterns.begin(), patterns.end());
  if (rule == Rule::pseudoinverse && max_p > n)
    throw SpecError("patterns", "the pseudo-inverse rule stores at most N = " + std::to_string(n) +
                                    " patterns");
  check_cost(cost(), {
      {"temperatures", "use fewer temperatures",
       cost_with(*this, [](TemperatureSpec& s) { s.temperatures.resize(1); })},
      {"patterns", "use fewer or smaller pattern counts",
       cost_with(*this, [](TemperatureSpec& s) { s.patterns = {1}; })},
      {"trials", "use fewer trials", cost_with(*this, [](TemperatureSpec& s) { s.trials = 1; })},
      {"sweeps", "use fewer sweeps", cost_with(*this, [](TemperatureSpec& s) { s.sweeps = 1; })},
      {size_key(size), "use a smaller network",
       cost_with(*this, [](TemperatureSpec& s) { s.size = NetworkSize{1, 1, s.size.from_grid}; })},
  });
}

RunCost TemperatureSpec::cost() const {
  const int n = size.neurons();
  const double cells_per_p = static_cast<double>(temperatures.size()) * trials;
  RunCost c;
  c.units = static_cast<double>(patterns.size()) * cells_per_p;
  double max_p = 1;
  for (long long p : patterns) {
    const double pd = static_cast<double>(p);
    max_p = std::max(max_p, pd);
    c.work += cells_per_p * (learning_steps(n, pd, rule, model) +
                             static_cast<double>(sweeps) * n * field_steps(n, pd, rule, model));
  }
  c.bytes = records_bytes(c.units, 1) + 4.0 * n * max_p + weight_bytes(n, rule, model);
  return c;
}

TemperatureSpec TemperatureSpec::from_json(const JsonValue& json) {
  SpecReader r(json);
  TemperatureSpec s;
  s.size = read_size(r, true);
  s.patterns = r.integers("patterns", {1}, 1, 100000);
  s.temperatures = r.reals("temperatures", {}, 0, 1e6);
  s.sweeps = static_cast<int>(r.integer("sweeps", 50, 1, 1000000));
  s.rule = choice("rule", r.text("rule", "hebbian"), parse_rule);
  s.mode = choice("mode", r.text("mode", "async"), parse_mode);
  s.trials = static_cast<int>(r.integer("trials", 10, 1, 1000000));
  s.seed = r.seed("seed");
  s.source = read_source(r);
  s.model = read_model(r);
  if (s.model.model != Model::classic && s.model.model != Model::sparse)
    throw SpecError("model", "the " + to_string(s.model.model) +
                                 " model runs at T = 0 only; Glauber dynamics need the classic "
                                 "or sparse model");
  r.finish();
  s.validate();
  return s;
}

Temperature::Temperature(TemperatureSpec spec) : spec_(std::move(spec)) {
  spec_.validate();
}

void Temperature::prepare() {
  pool_ = load_pool(spec_.source, spec_.size.neurons(),
                    *std::max_element(spec_.patterns.begin(), spec_.patterns.end()));
}

long long Temperature::unit_count() const {
  // In 64 bits: size_t is 32 bits in the page's WebAssembly.
  return static_cast<long long>(spec_.patterns.size()) *
         static_cast<long long>(spec_.temperatures.size()) * spec_.trials;
}

UnitRecord Temperature::run_unit(long long unit) const {
  const long long trial = unit % spec_.trials;
  const long long cell = unit / spec_.trials;
  const std::size_t nt = spec_.temperatures.size();
  const int p = static_cast<int>(spec_.patterns[static_cast<std::size_t>(cell) / nt]);
  const double temperature = spec_.temperatures[static_cast<std::size_t>(cell) % nt];
  const PatternMatrix x = draw_patterns(spec_.size.neurons(), p, pool_, spec_.seed, trial,
                                       pattern_activity(spec_.model));
  const Network net = build_network(x, spec_.rule, HebbianScale::none, spec_.model);
  DynamicsOptions o;
  o.mode = spec_.mode;
  o.temperature = temperature;
  o.max_sweeps = spec_.sweeps;
  o.seed = Rng(spec_.seed, kDynamicsStream, static_cast<std::uint64_t>(trial)).next_u64();
  const SpinVector start = x.col(0);
  Recall run(net, start, o, std::nullopt, Tracing::none);
  // The last half of the sweeps: (S/2, S]; at T = 0 a fixed point repeats its final overlap.
  const int first = spec_.sweeps / 2 + 1;
  double sum = 0;
  int counted = 0;
  for (int sweep = 1; sweep <= spec_.sweeps; ++sweep) {
    if (!run.finished()) run.step_sweep();
    if (sweep >= first) {
      sum += std::abs(overlap(start, run.state()));
      ++counted;
    }
  }
  return UnitRecord{unit, {sum / counted}};
}

Table Temperature::aggregate(std::vector<UnitRecord> records) const {
  const auto by_unit = index_records(records, unit_count());
  Table t;
  t.columns = {"rule",        "neurons", "patterns",         "alpha",
               "temperature", "trials",  "mean_abs_overlap", "sd_abs_overlap"};
  const int n = spec_.size.neurons();
  const std::size_t nt = spec_.temperatures.size();
  const long long cells = unit_count() / spec_.trials;
  for (std::size_t c = 0; c < static_cast<std::size_t>(cells); ++c) {
    std::vector<double> values;
    for (const UnitRecord* rec : cell_records(by_unit, c, spec_.trials))
      values.push_back(rec->values[0]);
    if (values.empty()) continue;
    const Summary s = summarize(values);
    const double p = static_cast<double>(spec_.patterns[c / nt]);
    t.rows.push_back({Cell::of(to_string(spec_.rule)), Cell::of(n), Cell::of(p), Cell::of(p / n),
                      Cell::of(spec_.temperatures[c % nt]),
                      Cell::of(static_cast<double>(values.size())), Cell::of(s.mean),
                      Cell::of(s.sd)});
  }
  return t;
}

void Temperature::check_record(const UnitRecord& rec) const {
  check_value_count(rec, 1);
  check_value(rec, 0, 0, 1, false, [] { return "mean_abs_overlap"; });
}

void Temperature::write_spec(JsonWriter& json) const {
  write_size(json, spec_.size);
  json.key("patterns").begin_array();
  for (long long p : spec_.patterns) json.value(p);
  json.end_array();
  json.key("temperatures").begin_array();
  for (double t : spec_.temperatures) json.number_short(t);
  json.end_array();
  json.key("sweeps").value(spec_.sweeps);
  json.key("rule").value(to_string(spec_.rule));
  write_model(json, spec_.model);
  json.key("mode").value(to_string(spec_.mode));
  json.key("trials").value(spec_.trials);
  json.key("seed").raw(std::to_string(spec_.seed));
  write_source(json, spec_.source);
}

}  // namespace hopfield::experiments
