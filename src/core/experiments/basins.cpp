#include "core/experiments/basins.hpp"

#include <algorithm>
#include <cmath>

#include "core/corruption.hpp"
#include "core/rng.hpp"

namespace hopfield::experiments {

namespace {
constexpr int kValuesPerPattern = 3;  // ending, final overlap, sweeps
}  // namespace

SpinVector corrupt_for_basins(const SpinVector& xi, int width, CorruptionKind kind, double amount,
                              Spin value, Rng& rng) {
  switch (kind) {
    case CorruptionKind::flip:
      return flip_fraction(xi, amount, rng);
    case CorruptionKind::mask:
      return mask_fraction(xi, amount, value, rng);
    case CorruptionKind::salt_pepper:
      return salt_and_pepper(xi, amount, rng);
    case CorruptionKind::rectangle: {
      const int height = static_cast<int>(xi.size()) / width;
      const int rows = static_cast<int>(std::lround(amount * height));
      return occlude_rectangle(xi, width, 0, 0, width, rows, value);
    }
    case CorruptionKind::invert:
      break;
  }
  throw std::invalid_argument("corruption must be flip, mask, saltpepper or rect");
}

void BasinsSpec::validate() const {
  if (patterns.path.empty() == (random == 0))
    throw SpecError("patterns",
                    "give a pattern file (patterns) or a count of random ones (random)");
  if (!patterns.path.empty() && size.neurons() > 0)
    throw SpecError("size", "comes from the pattern file; give it only with random patterns");
  if (random > 0) {
    if (size.neurons() < 1)
      throw SpecError("neurons", "random patterns need the size (neurons N or size WxH)");
    if (rule == Rule::pseudoinverse && random > size.neurons())
      throw SpecError("random", "the pseudo-inverse rule stores at most N patterns");
  }
  if (rule != Rule::hebbian && size.neurons() > kMaxDenseNeurons)
    throw SpecError("rule", to_string(rule) + " needs a dense N x N matrix: at most " +
                                std::to_string(kMaxDenseNeurons) + " neurons");
  if (corruption == CorruptionKind::invert)
    throw SpecError("corruption", "must be flip, mask, saltpepper or rect");
  if (mask_value != 1 && mask_value != -1) throw SpecError("maskValue", "must be -1 or 1");
  if (amounts.empty()) throw SpecError("amounts", "must not be empty");
  for (double a : amounts)
    if (!(a >= 0 && a <= 1)) throw SpecError("amounts", "values must be fractions in [0, 1]");
  if (trials < 1) throw SpecError("trials", "must be at least 1");
  if (size.neurons() > 0) check_trial_size(size.neurons(), trials);
  check_cost();
}

RunCost BasinsSpec::cost(int file_patterns, int file_neurons) const {
  const double p = random > 0 ? random : std::max(file_patterns, 1);
  const int n = random > 0 ? size.neurons() : std::max(file_neurons, 1);
  RunCost c;
  c.units = static_cast<double>(amounts.size()) * trials;
  c.work = learning_steps(n, p, rule, model) + c.units * p * n * field_steps(n, p, rule, model);
  c.bytes = records_bytes(c.units, kValuesPerPattern * p) + 4.0 * n * p + weight_bytes(n, rule, model);
  return c;
}

void BasinsSpec::check_cost(int file_patterns, int file_neurons) const {
  std::vector<CostFactor> factors = {
      {"amounts", "use fewer amounts",
       cost_with(*this, [](BasinsSpec& s) { s.amounts.resize(1); }, file_patterns, file_neurons)},
      {"trials", "use fewer trials",
       cost_with(*this, [](BasinsSpec& s) { s.trials = 1; }, file_patterns, file_neurons)},
  };
  if (random > 0) {
    factors.push_back({"random", "use fewer random patterns",
                       cost_with(*this, [](BasinsSpec& s) { s.random = 1; })});
    factors.push_back({size_key(size), "use a smaller network",
                       cost_with(*this, [](BasinsSpec& s) { s.size = NetworkSize{1, 1, s.size.from_grid}; })});
  } else {
    factors.push_back({"select", "select fewer patterns of the file", cost(1, file_neurons)});
  }
  experiments::check_cost(cost(file_patterns, file_neurons), factors);
}

BasinsSpec BasinsSpec::from_json(const JsonValue& json) {
  SpecReader r(json);
  BasinsSpec s;
  s.patterns.path = r.text("patterns", "");
  s.patterns.select = r.text("select", "");
  s.random = static_cast<int>(r.integer("random", 0, 1, 100000));
  s.size = read_size(r, false);
  s.rule = choice("rule", r.text("rule", "hebbian"), parse_rule);
  s.corruption = choice("corruption", r.text("corruption", "flip"), parse_corruption);
  s.mask_value = static_cast<Spin>(r.integer("maskValue", -1, -1, 1));
  s.amounts = r.reals("amounts", {}, 0, 1);
  s.trials = static_cast<int>(r.integer("trials", 10, 1, 1000000));
  s.seed = r.seed("seed");
  s.dynamics = read_dynamics(r, 100);
  s.per_pattern = r.flag("perPattern", false);
  s.model = read_model(r);
  r.finish();
  s.validate();
  return s;
}

Basins::Basins(BasinsSpec spec) : spec_(std::move(spec)) {
  spec_.validate();
}

int Basins::pattern_count() const {
  return spec_.random > 0 ? spec_.random : static_cast<int>(x_.cols());
}

void Basins::prepare() {
  if (spec_.random > 0) {
    x_ = draw_patterns(spec_.size.neurons(), spec_.random, {}, spec_.seed, 0,
                       pattern_activity(spec_.model));
    width_ = spec_.size.width;
    for (int mu = 0; mu < spec_.random; ++mu) names_.push_back("random #" + std::to_string(mu));
  } else {
    const std::vector<Pattern> loaded = load_selected(spec_.patterns, "patterns");
    if (spec_.rule != Rule::hebbian && loaded.front().size() > kMaxDenseNeurons)
      throw SpecError("rule", to_string(spec_.rule) + " needs a dense N x N matrix: at most " +
                                  std::to_string(kMaxDenseNeurons) + " neurons");
    spec_.check_cost(static_cast<int>(loaded.size()), loaded.front().size());
    width_ = loaded.front().width;
    x_.resize(loaded.front().size(), static_cast<Eigen::Index>(loaded.size()));
    for (std::size_t mu = 0; mu < loaded.size(); ++mu) {
      x_.col(static_cast<Eigen::Index>(mu)) = loaded[mu].spins;
      names_.push_back(loaded[mu].name);
    }
  }
  try {
    net_ = std::make_unique<Network>(build_network(x_, spec_.rule, HebbianScale::none, spec_.model));
  } catch (const std::invalid_argument& e) {
    throw SpecError(spec_.model == ModelOptions{} ? "rule" : "model", e.what());
  }
  // Built once here, then only read by the units (on any thread).
  if (!net_->uses_pattern_fields() && net_->model().model != Model::dense &&
      net_->model().model != Model::modern)
    net_->raw_weights();
  net_->patterns_transposed();
}

RunCost Basins::cost() const {
  return spec_.cost(pattern_count(), static_cast<int>(x_.rows()));
}

long long Basins::unit_count() const {
  return static_cast<long long>(spec_.amounts.size()) * spec_.trials;
}

UnitRecord Basins::run_unit(long long unit) const {
  const long long trial = unit % spec_.trials;
  const double amount = spec_.amounts[static_cast<std::size_t>(unit / spec_.trials)];
  // The same streams for every amount: flips at a larger amount extend those at a smaller.
  Rng corruption(spec_.seed, kCorruptionStream, static_cast<std::uint64_t>(trial));
  Rng dynamics(spec_.seed, kDynamicsStream, static_cast<std::uint64_t>(trial));
  const int p = static_cast<int>(x_.cols());
  UnitRecord rec{unit, {}};
  for (int mu = 0; mu < p; ++mu) {
    const SpinVector xi = x_.col(mu);
    const SpinVector probe =
        corrupt_for_basins(xi, width_, spec_.corruption, amount, spec_.mask_value, corruption);
    DynamicsOptions o = spec_.dynamics;
    o.seed = dynamics.next_u64();
    Recall run(*net_, probe, o, std::nullopt, Tracing::none);
    const int sweeps = run_to_end(run);
    const SpinVector& s = run.state();
    Ending ending = Ending::spurious;
    if (s == xi)
      ending = Ending::retrieved;
    else if (s == -xi)
      ending = Ending::inverse;
    else
      for (int nu = 0; nu < p; ++nu)
        if (nu != mu && (s == x_.col(nu) || s == -SpinVector(x_.col(nu)))) ending = Ending::other;
    rec.values.push_back(static_cast<double>(ending));
    rec.values.push_back(overlap(xi, s));
    rec.values.push_back(sweeps);
  }
  return rec;
}

Table Basins::aggregate(std::vector<UnitRecord> records) const {
  const auto by_unit = index_records(records, unit_count());
  Table t;
  t.columns = {"amount",
               "trials",
               "retrieved_fraction",
               "inverse_fraction",
               "other_fraction",
               "spurious_fraction",
               "mean_final_overlap",
               "mean_sweeps"};
  for (std::size_t a = 0; a < spec_.amounts.size(); ++a) {
    const auto done = cell_records(by_unit, a, spec_.trials);
    if (done.empty()) continue;
    double count[4] = {}, overlap_sum = 0, sweep_sum = 0, recalls = 0;
    for (const UnitRecord* rec : done) {
      const auto& v = rec->values;
      for (std::size_t j = 0; j + 2 < v.size(); j += kValuesPerPattern) {
        count[static_cast<int>(v[j])] += 1;
        overlap_sum += v[j + 1];
        sweep_sum += v[j + 2];
        recalls += 1;
      }
    }
    t.rows.push_back({Cell::of(spec_.amounts[a]), Cell::of(static_cast<double>(done.size())),
                      Cell::of(count[0] / recalls), Cell::of(count[1] / recalls),
                      Cell::of(count[2] / recalls), Cell::of(count[3] / recalls),
                      Cell::of(overlap_sum / recalls), Cell::of(sweep_sum / recalls)});
  }
  return t;
}

void Basins::write_extra(JsonWriter& json, const std::vector<UnitRecord>& records) const {
  // Amounts in increasing order; a pattern's radius is the last one retrieved >= 90%.
  std::vector<std::size_t> order(spec_.amounts.size());
  for (std::size_t a = 0; a < order.size(); ++a) order[a] = a;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return spec_.amounts[a] < spec_.amounts[b]; });
  const std::size_t p = records.empty() ? 0 : records.front().values.size() / kValuesPerPattern;
  const auto by_unit = index_records(records, unit_count());
  std::vector<std::vector<const UnitRecord*>> done;  // per amount, the trials run so far
  for (std::size_t a = 0; a < spec_.amounts.size(); ++a)
    done.push_back(cell_records(by_unit, a, spec_.trials));
  auto value = [&](std::size_t amount, std::size_t k, std::size_t mu, std::size_t what) {
    return done[amount][k]->values[mu * kValuesPerPattern + what];
  };
  json.key("basin_radius").begin_array();
  for (std::size_t mu = 0; mu < p; ++mu) {
    double radius = -1;
    for (std::size_t a : order) {
      const std::size_t trials = done[a].size();
      std::size_t hits = 0;
      for (std::size_t k = 0; k < trials; ++k) hits += value(a, k, mu, 0) == 0;
      if (trials == 0 || hits * 10 < trials * 9) break;
      radius = spec_.amounts[a];
    }
    json.number_short(radius);
  }
  json.end_array();
  if (!spec_.per_pattern) return;
  json.key("per_pattern").begin_array();
  for (std::size_t mu = 0; mu < p; ++mu) {
    json.begin_object().key("pattern").value(static_cast<int>(mu));
    for (std::size_t what : {std::size_t{0}, std::size_t{1}}) {
      json.key(what == 0 ? "retrieved_fraction" : "mean_final_overlap").begin_array();
      for (std::size_t a = 0; a < spec_.amounts.size(); ++a) {
        double sum = 0;
        for (std::size_t k = 0; k < done[a].size(); ++k)
          sum += what == 0 ? (value(a, k, mu, 0) == 0) : value(a, k, mu, 1);
        json.number_short(sum / static_cast<double>(done[a].size()));  // null if none yet
      }
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
}

void Basins::check_record(const UnitRecord& rec) const {
  const std::size_t p = static_cast<std::size_t>(pattern_count());
  if (p > 0)
    check_value_count(rec, p * kValuesPerPattern);
  else if (rec.values.empty() || rec.values.size() % kValuesPerPattern != 0)
    throw std::invalid_argument("unit " + std::to_string(rec.unit) + " holds " +
                                std::to_string(rec.values.size()) +
                                " values, not 3 per stored pattern (ending, overlap, sweeps)");
  static const char* const kNames[kValuesPerPattern] = {"ending", "final overlap", "sweeps"};
  const double max_sweeps = spec_.dynamics.max_sweeps;
  for (std::size_t k = 0; k < rec.values.size(); ++k) {
    const std::size_t v = k % kValuesPerPattern;
    const auto what = [&] {
      return "pattern " + std::to_string(k / kValuesPerPattern) + "'s " + kNames[v];
    };
    if (v == 0) check_value(rec, k, 0, 3, true, what);
    if (v == 1) check_value(rec, k, -1, 1, false, what);
    if (v == 2) check_value(rec, k, 0, max_sweeps, true, what);
  }
}

void Basins::write_spec(JsonWriter& json) const {
  if (spec_.random > 0) {
    json.key("random").value(spec_.random);
    write_size(json, spec_.size);
  } else {
    json.key("patterns").value(spec_.patterns.path);
    if (!spec_.patterns.select.empty()) json.key("select").value(spec_.patterns.select);
  }
  json.key("rule").value(to_string(spec_.rule));
  write_model(json, spec_.model);
  json.key("corruption").value(to_string(spec_.corruption));
  json.key("maskValue").value(static_cast<int>(spec_.mask_value));
  json.key("amounts").begin_array();
  for (double a : spec_.amounts) json.number_short(a);
  json.end_array();
  json.key("trials").value(spec_.trials);
  json.key("seed").raw(std::to_string(spec_.seed));
  write_dynamics(json, spec_.dynamics);
  if (spec_.per_pattern) json.key("perPattern").value(true);
}

}  // namespace hopfield::experiments
