#include "core/experiments/spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/network.hpp"
#include "core/parse.hpp"
#include "core/parse.hpp"
#include "core/io/pattern_io.hpp"
#include "core/rng.hpp"
#include "core/settings.hpp"

namespace hopfield::experiments {

SpecReader::SpecReader(const JsonValue& spec) : spec_(spec) {
  if (!spec.is(JsonValue::Type::object)) throw SpecError("spec", "must be a JSON object");
}

bool SpecReader::has(const std::string& key) const {
  return spec_.find(key) != nullptr;
}

const JsonValue* SpecReader::get(const std::string& key) {
  used_.insert(key);
  const JsonValue* v = spec_.find(key);
  return v && !v->is(JsonValue::Type::null) ? v : nullptr;
}

std::string SpecReader::text(const std::string& key, const std::string& fallback) {
  const JsonValue* v = get(key);
  if (!v) return fallback;
  if (!v->is(JsonValue::Type::string)) throw SpecError(key, "must be a string");
  return v->text;
}

double SpecReader::real(const std::string& key, double fallback, double min, double max) {
  const JsonValue* v = get(key);
  if (!v) return fallback;
  double x = 0;
  try {
    if (v->is(JsonValue::Type::number))
      x = v->number;
    else if (v->is(JsonValue::Type::string))
      x = parse_real(v->text, "value");
    else
      throw std::invalid_argument("must be a number");
  } catch (const std::invalid_argument&) {
    throw SpecError(key, "must be a number");
  }
  if (!(x >= min && x <= max))
    throw SpecError(key, "must be between " + json_number_short(min) + " and " +
                             json_number_short(max) + ", not " + json_number_short(x));
  return x;
}

long long SpecReader::integer(const std::string& key, long long fallback, long long min,
                              long long max) {
  const JsonValue* v = get(key);
  if (!v) return fallback;
  if (!v->is(JsonValue::Type::number) && !v->is(JsonValue::Type::string))
    throw SpecError(key, "must be an integer");
  try {
    return parse_integer(v->text, "value", min, max);
  } catch (const std::invalid_argument&) {
    throw SpecError(key, "must be an integer in " + std::to_string(min) + ".." +
                             std::to_string(max) + ", not '" + v->text + "'");
  }
}

std::uint64_t SpecReader::seed(const std::string& key) {
  const JsonValue* v = get(key);
  if (!v) return 0;
  if (!v->is(JsonValue::Type::number) && !v->is(JsonValue::Type::string))
    throw SpecError(key, "must be a non-negative integer, not '" + v->text + "'");
  try {
    return parse_seed(v->text, key);
  } catch (const std::invalid_argument&) {
    throw SpecError(key, "must be a non-negative integer, not '" + v->text + "'");
  }
}

std::optional<std::string> SpecReader::scalar(const std::string& key) {
  const JsonValue* v = get(key);
  if (!v) return std::nullopt;
  if (v->is(JsonValue::Type::boolean)) return v->boolean ? "on" : "off";
  if (v->is(JsonValue::Type::string) || v->is(JsonValue::Type::number)) return v->text;
  throw SpecError(key, "must be a string or a number");
}

bool SpecReader::flag(const std::string& key, bool fallback) {
  const JsonValue* v = get(key);
  if (!v) return fallback;
  if (v->is(JsonValue::Type::boolean)) return v->boolean;
  if (v->is(JsonValue::Type::string) && (v->text == "true" || v->text == "false"))
    return v->text == "true";
  throw SpecError(key, "must be true or false");
}

std::vector<double> SpecReader::reals(const std::string& key, const std::vector<double>& fallback,
                                      double min, double max) {
  const JsonValue* v = get(key);
  std::vector<double> out;
  if (!v) {
    if (fallback.empty()) throw SpecError(key, "is required");
    return fallback;
  }
  try {
    if (v->is(JsonValue::Type::string)) {
      out = parse_real_list(v->text, "the list");
    } else if (v->is(JsonValue::Type::array)) {
      for (const JsonValue& item : v->items) {
        if (!item.is(JsonValue::Type::number)) throw std::invalid_argument("must hold numbers");
        out.push_back(item.number);
      }
    } else {
      throw std::invalid_argument("must be a list");
    }
  } catch (const std::invalid_argument& e) {
    throw SpecError(key, e.what());
  }
  if (out.empty()) throw SpecError(key, "must not be empty");
  for (double x : out)
    if (!(x >= min && x <= max))
      throw SpecError(key, "values must be between " + json_number_short(min) + " and " +
                               json_number_short(max) + ", not " + json_number_short(x));
  return out;
}

std::vector<long long> SpecReader::integers(const std::string& key,
                                            const std::vector<long long>& fallback, long long min,
                                            long long max) {
  const JsonValue* v = get(key);
  if (!v) {
    if (fallback.empty()) throw SpecError(key, "is required");
    return fallback;
  }
  std::vector<long long> out;
  try {
    if (v->is(JsonValue::Type::string)) {
      out = parse_integer_list(v->text, "values", min, max);
    } else if (v->is(JsonValue::Type::array)) {
      for (const JsonValue& item : v->items) {
        if (!item.is(JsonValue::Type::number)) throw std::invalid_argument("must hold integers");
        out.push_back(parse_integer(item.text, "values", min, max));
      }
    } else {
      throw std::invalid_argument("must be a list");
    }
  } catch (const std::invalid_argument& e) {
    throw SpecError(key, e.what());
  }
  if (out.empty()) throw SpecError(key, "must not be empty");
  return out;
}

std::vector<std::string> SpecReader::words(const std::string& key,
                                           const std::vector<std::string>& fallback) {
  const JsonValue* v = get(key);
  if (!v) return fallback;
  std::vector<std::string> out;
  if (v->is(JsonValue::Type::string)) {
    std::size_t start = 0;
    while (start <= v->text.size()) {
      const std::size_t comma = std::min(v->text.find(',', start), v->text.size());
      out.push_back(v->text.substr(start, comma - start));
      start = comma + 1;
    }
  } else if (v->is(JsonValue::Type::array)) {
    for (const JsonValue& item : v->items) {
      if (!item.is(JsonValue::Type::string)) throw SpecError(key, "must hold strings");
      out.push_back(item.text);
    }
  } else {
    throw SpecError(key, "must be a list of names");
  }
  if (out.empty()) throw SpecError(key, "must not be empty");
  return out;
}

std::vector<std::string> SpecReader::strings(const std::string& key) {
  const JsonValue* v = get(key);
  if (!v) return {};
  if (v->is(JsonValue::Type::string)) return {v->text};
  std::vector<std::string> out;
  if (!v->is(JsonValue::Type::array)) throw SpecError(key, "must be a string or a list of them");
  for (const JsonValue& item : v->items) {
    if (!item.is(JsonValue::Type::string)) throw SpecError(key, "must hold strings");
    out.push_back(item.text);
  }
  return out;
}

void SpecReader::finish() const {
  for (const auto& [key, value] : spec_.members)
    if (!used_.count(key) && key != "version" && key != "experiment")
      throw SpecError(key, "is not a setting of this experiment");
}

NetworkSize read_size(SpecReader& r, bool required) {
  NetworkSize s;
  const bool has_size = r.has("size"), has_neurons = r.has("neurons");
  if (has_size && has_neurons) throw SpecError("size", "give size WxH or neurons N, not both");
  if (has_size) {
    const std::string t = r.text("size", "");
    try {
      if (t.find_first_of("xX") == std::string::npos) throw std::invalid_argument("");
      const GridSize g = parse_grid_size(t);
      s.width = g.width;
      s.height = g.height;
    } catch (const std::invalid_argument&) {
      throw SpecError(
          "size", "must be WxH with sides 1.." + std::to_string(kMaxSide) + ", not '" + t + "'");
    }
    s.from_grid = true;
  } else if (has_neurons) {
    s.width = static_cast<int>(r.integer("neurons", 0, 1, kMaxSide * kMaxSide));
  } else if (required) {
    throw SpecError("neurons", "give the network size (neurons N or size WxH)");
  }
  return s;
}

void write_size(JsonWriter& json, const NetworkSize& size) {
  if (size.from_grid)
    json.key("size").value(std::to_string(size.width) + "x" + std::to_string(size.height));
  else
    json.key("neurons").value(size.neurons());
}

DynamicsOptions read_dynamics(SpecReader& r, int default_max_sweeps) {
  DynamicsOptions d;
  d.mode = choice("mode", r.text("mode", "async"), parse_mode);
  d.tie = choice("tie", r.text("tie", "keep"), parse_tie);
  d.max_sweeps = static_cast<int>(r.integer("maxSweeps", default_max_sweeps, 1, kMaxSweeps));
  return d;
}

void write_dynamics(JsonWriter& json, const DynamicsOptions& d) {
  json.key("mode").value(to_string(d.mode));
  json.key("tie").value(to_string(d.tie));
  json.key("maxSweeps").value(d.max_sweeps);
}

ModelOptions read_model(SpecReader& r) {
  ModelOptions m;
  std::vector<std::string> given;
  for (std::string_view k : kModelKeys) {
    const std::string key(k);
    const std::optional<std::string> text = r.scalar(key);
    if (!text) continue;
    given.push_back(key);
    try {
      set_model_parameter(m, key, *text);
    } catch (const std::invalid_argument& e) {
      throw SpecError(key, e.what());
    }
  }
  const std::vector<std::string_view> takes = model_keys_for(m.model);
  for (const std::string& key : given) {
    if (key == "model" || std::find(takes.begin(), takes.end(), key) != takes.end()) continue;
    std::string list;
    for (std::string_view k : takes) list += (list.empty() ? "" : ", ") + std::string(k);
    throw SpecError(key, "does not apply to the " + to_string(m.model) + " model (it takes " +
                             list + ")");
  }
  try {
    check_model_options(m);
  } catch (const std::invalid_argument& e) {
    throw SpecError("model", e.what());
  }
  if (r.has("rule") && !uses_rule(m.model))
    throw SpecError("rule", "does not apply to the " + to_string(m.model) +
                                " model (it makes its own weights)");
  return m;
}

void write_model(JsonWriter& json, const ModelOptions& m) {
  if (m == ModelOptions{}) return;
  for (const auto& [key, text] : model_parameters(m)) json.key(key).value(text);
}

void check_trial_size(int neurons, long long trials) {
  if (static_cast<double>(neurons) * static_cast<double>(trials) >
      static_cast<double>(kMaxExperimentTrialNeurons))
    throw SpecError("trials", std::to_string(trials) + " trials of " + std::to_string(neurons) +
                                  " neurons are more than the limit of " +
                                  std::to_string(kMaxExperimentTrialNeurons) +
                                  " neurons over all trials: use at most " +
                                  std::to_string(kMaxExperimentTrialNeurons / neurons) + " trials");
}

namespace {
// A unit's index, record and its allocation, the runner's slot, its place in a merge.
constexpr double kUnitBytes = 128;
// A value: 8 bytes, and its text in a shard (up to 25 characters, twice while it is written).
constexpr double kValueBytes = 64;

std::string bytes_text(double bytes) {
  const char* const units[] = {"bytes", "KB", "MB", "GB", "TB", "PB"};
  int u = 0;
  while (bytes >= 1024 && u < 5) {
    bytes /= 1024;
    ++u;
  }
  char text[32];
  std::snprintf(text, sizeof text, bytes < 10 && u > 0 ? "%.1f %s" : "%.0f %s", bytes, units[u]);
  return text;
}

std::string steps_text(double steps) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2g", steps);
  return text;
}

// Whether the fields come from a dense N x N W (else from the stored patterns).
bool dense_weights(Rule rule, const ModelOptions& m) {
  return rule != Rule::hebbian || m.model == Model::sparse || m.model == Model::continuous ||
         has_weight_modifiers(m);
}
}  // namespace

void check_cost(const RunCost& cost, const std::vector<CostFactor>& factors) {
  // The network size is what a run studies: it is named only when the run's length (trials,
  // lists, sweeps) cannot halve the cost.
  auto heaviest = [&](auto measure) {
    auto cut = [&](const CostFactor& f) { return measure(cost) / std::max(measure(f.least), 1.0); };
    auto is_size = [](const CostFactor& f) { return f.key == "size" || f.key == "neurons"; };
    const CostFactor* best = nullptr;  // the length setting that cuts most, if it halves the cost
    for (const CostFactor& f : factors)
      if (!is_size(f) && cut(f) >= 2 && (!best || cut(f) > cut(*best))) best = &f;
    if (best) return best;
    best = &factors.front();
    for (const CostFactor& f : factors)
      if (cut(f) > cut(*best)) best = &f;
    return best;
  };
  const double units = std::round(cost.units);
  if (cost.bytes > static_cast<double>(kMaxExperimentBytes)) {
    const CostFactor* f = heaviest([](const RunCost& c) { return c.bytes; });
    throw SpecError(f->key, "the run would need about " + bytes_text(cost.bytes) + " of memory (" +
                                json_number_short(units) + " units), more than the limit of " +
                                bytes_text(static_cast<double>(kMaxExperimentBytes)) + ": " +
                                f->advice);
  }
  if (cost.work > kMaxExperimentWork) {
    const CostFactor* f = heaviest([](const RunCost& c) { return c.work; });
    throw SpecError(f->key, "the run would take about " + steps_text(cost.work) +
                                " steps, more than the limit of " + steps_text(kMaxExperimentWork) +
                                " (about a day on one core): " + f->advice);
  }
}

double records_bytes(double units, double values_per_unit) {
  return units * (kUnitBytes + values_per_unit * kValueBytes);
}

double field_steps(int neurons, double patterns, Rule rule, const ModelOptions& m) {
  if (m.model == Model::dense || m.model == Model::modern) return patterns;  // P overlaps
  if (dense_weights(rule, m)) return neurons;
  return std::min<double>(neurons, patterns);  // Hebbian: P overlaps, or a dense W when N < P
}

double learning_steps(int neurons, double patterns, Rule rule, const ModelOptions& m) {
  const double n = neurons, p = patterns;
  double steps = n * p;  // the patterns themselves
  if (rule == Rule::storkey) steps += n * n * p;
  if (rule == Rule::pseudoinverse) steps += n * p * p + p * p * p + n * n * p;
  if (rule == Rule::hebbian && dense_weights(rule, m)) steps += n * n * p;  // W = sum xi xi^T
  steps += static_cast<double>(m.dreams) * 2 * n * n;  // a dream: a sweep and W -= eps s s^T
  return steps;
}

double weight_bytes(int neurons, Rule rule, const ModelOptions& m) {
  const double n = neurons;
  return dense_weights(rule, m) || neurons <= 1024 ? 8 * n * n : 0;
}

std::string size_key(const NetworkSize& size) {
  return size.from_grid ? "size" : "neurons";
}

double pattern_activity(const ModelOptions& m) {
  return m.model == Model::sparse && m.activity > 0 ? m.activity : 0.5;
}

std::string model_cell(const ModelOptions& m) {
  return m == ModelOptions{} ? std::string() : describe(m);
}

std::vector<Pattern> load_selected(const PatternFile& file, const std::string& key) {
  std::vector<Pattern> all = load_patterns(file.path);
  if (file.select.empty()) return all;
  std::vector<int> chosen;
  try {
    chosen = expand_index_ranges(parse_index_ranges(file.select, "select"), "select",
                                 static_cast<long long>(all.size()));
  } catch (const std::invalid_argument& e) {
    throw SpecError(key == "patterns" ? "select" : key, e.what());
  }
  std::vector<Pattern> out;
  for (int i : chosen) out.push_back(all[static_cast<std::size_t>(i)]);
  return out;
}

PatternFile read_source(SpecReader& r) {
  PatternFile f;
  const std::string source = r.text("source", "random");
  if (source != "random") f.path = source;
  f.select = r.text("select", "");
  if (!f.select.empty() && f.path.empty())
    throw SpecError("select", "needs a pattern file as the source");
  return f;
}

void write_source(JsonWriter& json, const PatternFile& source) {
  json.key("source").value(source.path.empty() ? "random" : source.path);
  if (!source.select.empty()) json.key("select").value(source.select);
}

std::vector<Pattern> load_pool(const PatternFile& source, int neurons, long long max_p) {
  if (source.path.empty()) return {};
  std::vector<Pattern> pool = load_selected(source, "source");
  if (pool.front().size() != neurons)
    throw SpecError("source", source.path + " holds patterns of " +
                                  std::to_string(pool.front().size()) + " neurons, not " +
                                  std::to_string(neurons));
  if (max_p > static_cast<long long>(pool.size()))
    throw SpecError("patterns", "P = " + std::to_string(max_p) + " but the source holds only " +
                                    std::to_string(pool.size()) + " patterns");
  return pool;
}

PatternMatrix draw_patterns(int neurons, int count, const std::vector<Pattern>& pool,
                            std::uint64_t seed, long long trial, double activity) {
  Rng rng(seed, kPatternStream, static_cast<std::uint64_t>(trial));
  PatternMatrix x(neurons, count);
  if (pool.empty() && activity != 0.5) {  // sparse patterns: each neuron active (+1) w.p. a
    for (int mu = 0; mu < count; ++mu)
      for (int i = 0; i < neurons; ++i) x(i, mu) = rng.bernoulli(activity) ? Spin{1} : Spin{-1};
    return x;
  }
  if (pool.empty()) {
    for (int mu = 0; mu < count; ++mu)
      for (int i = 0; i < neurons; ++i) x(i, mu) = (rng.next_u64() >> 63) ? Spin{1} : Spin{-1};
    return x;
  }
  // Partial Fisher-Yates: the first `count` of a shuffle of the pool, nested in count.
  const int n = static_cast<int>(pool.size());
  const std::vector<int> picked = rng.sample_without_replacement(n, count);
  for (int mu = 0; mu < count; ++mu) x.col(mu) = pool[static_cast<std::size_t>(picked[mu])].spins;
  return x;
}

Network build_network(const PatternMatrix& x, Rule rule, HebbianScale scale,
                      const ModelOptions& model) {
  Network net(static_cast<int>(x.rows()));
  net.store_all(x);           // under the Hebbian rule: a column copy
  net.set_rule(rule, scale);  // then one relearn, not one per pattern
  if (!(model == ModelOptions{})) net.set_model(model);
  return net;
}

int run_to_end(Recall& run) {
  while (!run.finished()) {
    run.step_sweep();
    if (!run.finished() && run.at_fixed_point()) return run.sweeps() + 1;
  }
  return run.sweeps();
}

Summary summarize(std::vector<double> v) {
  Summary s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(n);
  double ss = 0;
  for (double x : v) ss += (x - s.mean) * (x - s.mean);
  s.sd = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0.0;
  auto quantile = [&](double q) {
    const double pos = q * static_cast<double>(n - 1);
    const std::size_t lo = static_cast<std::size_t>(pos);
    const double frac = pos - static_cast<double>(lo);
    return lo + 1 < n ? v[lo] + frac * (v[lo + 1] - v[lo]) : v[lo];
  };
  s.min = v.front();
  s.q1 = quantile(0.25);
  s.median = quantile(0.5);
  s.q3 = quantile(0.75);
  s.max = v.back();
  return s;
}

std::vector<const UnitRecord*> index_records(const std::vector<UnitRecord>& records,
                                             long long count) {
  std::vector<const UnitRecord*> by_unit(static_cast<std::size_t>(count), nullptr);
  for (const UnitRecord& r : records) {
    if (r.unit < 0 || r.unit >= count)
      throw std::invalid_argument("unit " + std::to_string(r.unit) + " is not one of 0.." +
                                  std::to_string(count - 1));
    const UnitRecord*& slot = by_unit[static_cast<std::size_t>(r.unit)];
    if (slot) throw std::invalid_argument("unit " + std::to_string(r.unit) + " is repeated");
    slot = &r;
  }
  return by_unit;
}

std::vector<const UnitRecord*> cell_records(const std::vector<const UnitRecord*>& by_unit,
                                            std::size_t cell, int trials) {
  std::vector<const UnitRecord*> out;
  const std::size_t t = static_cast<std::size_t>(trials);
  for (std::size_t k = 0; k < t; ++k)
    if (const UnitRecord* r = by_unit[cell * t + k]) out.push_back(r);
  return out;
}

void check_value_count(const UnitRecord& r, std::size_t count) {
  if (r.values.size() != count)
    throw std::invalid_argument("unit " + std::to_string(r.unit) + " holds " +
                                std::to_string(r.values.size()) + " values, not the " +
                                std::to_string(count) + " this experiment writes");
}

std::vector<UnitRecord> complete_records(std::vector<UnitRecord> records, long long count) {
  std::sort(records.begin(), records.end(),
            [](const UnitRecord& a, const UnitRecord& b) { return a.unit < b.unit; });
  if (static_cast<long long>(records.size()) != count)
    throw std::invalid_argument("expected " + std::to_string(count) + " unit records, got " +
                                std::to_string(records.size()));
  for (long long u = 0; u < count; ++u)
    if (records[static_cast<std::size_t>(u)].unit != u)
      throw std::invalid_argument("unit " + std::to_string(u) + " is missing or repeated");
  return records;
}

}  // namespace hopfield::experiments
