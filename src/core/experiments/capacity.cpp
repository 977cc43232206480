#include "core/experiments/capacity.hpp"

#include <cmath>
#include <mutex>
#include <optional>

#include "core/corruption.hpp"
#include "core/detmath.hpp"
#include "core/lab.hpp"
#include "core/learning.hpp"
#include "core/rng.hpp"

namespace hopfield::experiments {

namespace {
constexpr int kValuesPerRule = 5;       // first_step_error, stable, retrieved, overlap, sweeps
constexpr int kDenseFromPatterns = 16;  // dense W when N <= 16 P (and N <= 1024)

bool flips(double h, Spin s, TieRule tie) {
  if (h != 0) return (h > 0) != (s > 0);
  return (tie == TieRule::plus && s < 0) || (tie == TieRule::minus && s > 0);
}

// Hebbian raw fields of every stored pattern at once, exact: in float while N P < 2^24 (core's
// hebbian_pattern_fields), else in double.
Eigen::MatrixXd hebbian_pattern_fields_double(const PatternMatrix& x) {
  const Eigen::MatrixXd xd = x.cast<double>();
  Eigen::MatrixXd h = xd * pattern_overlaps(x).cast<double>();
  h -= static_cast<double>(x.cols()) * xd;
  return h;
}

bool float_fields_exact(const PatternMatrix& x) {
  return static_cast<double>(x.rows()) * static_cast<double>(x.cols()) < 16777216.0;
}

template <class Real>
std::vector<int> flips_from_fields(const PatternMatrix& x,
                                   const Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>& h,
                                   TieRule tie) {
  std::vector<int> out(static_cast<std::size_t>(x.cols()), 0);
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu)
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      out[static_cast<std::size_t>(mu)] += flips(static_cast<double>(h(i, mu)), x(i, mu), tie);
  return out;
}
}  // namespace

std::vector<int> first_step_flips(const PatternMatrix& x, const Network& net, TieRule tie) {
  const Model model = net.model().model;
  if (model == Model::dense || real_valued(model)) {
    std::vector<int> out(static_cast<std::size_t>(x.cols()), 0);
    DynamicsOptions o;
    o.mode = UpdateMode::synchronous;
    o.tie = tie;
    o.max_sweeps = 1;
    for (Eigen::Index mu = 0; mu < x.cols(); ++mu) {
      const SpinVector xi = x.col(mu);
      Recall run(net, xi, o, std::nullopt, Tracing::none);
      run.step_sweep();
      out[static_cast<std::size_t>(mu)] = hamming(run.state(), xi);
    }
    return out;
  }
  if (net.rule() == Rule::hebbian && !net.pruned() && !has_weight_modifiers(net.model()) &&
      model == Model::classic) {
    if (float_fields_exact(x)) return flips_from_fields(x, hebbian_pattern_fields(x), tie);
    return flips_from_fields(x, hebbian_pattern_fields_double(x), tie);
  }
  std::vector<int> out(static_cast<std::size_t>(x.cols()), 0);
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu) {
    const Eigen::VectorXd h = net.local_fields(x.col(mu));
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      out[static_cast<std::size_t>(mu)] += flips(h[i], x(i, mu), tie);
  }
  return out;
}

void CapacitySpec::validate() const {
  const int n = size.neurons();
  check_model_options(model);
  if (n < 1) throw SpecError("neurons", "give the network size (neurons N or size WxH)");
  if (patterns.empty()) throw SpecError("patterns", "must not be empty");
  for (long long p : patterns)
    if (p < 1 || p > 100000) throw SpecError("patterns", "values must be 1..100000");
  if (rules.empty()) throw SpecError("rule", "must not be empty");
  const long long max_p = *std::max_element(patterns.begin(), patterns.end());
  const bool dense_w = model.model == Model::sparse || has_weight_modifiers(model);
  if (dense_w && n > kMaxDenseNeurons)
    throw SpecError("model", describe(model) + " needs a dense N x N matrix: at most " +
                                 std::to_string(kMaxDenseNeurons) + " neurons, not " +
                                 std::to_string(n));
  for (Rule r : rules) {
    if (r != Rule::hebbian && n > kMaxDenseNeurons)
      throw SpecError("rule", to_string(r) + " needs a dense N x N matrix: at most " +
                                  std::to_string(kMaxDenseNeurons) + " neurons, not " +
                                  std::to_string(n));
    if (r == Rule::pseudoinverse && max_p > n)
      throw SpecError("patterns",
                      "the pseudo-inverse rule stores at most N = " + std::to_string(n) +
                          " patterns, not " + std::to_string(max_p));
  }
  if (!(flip >= 0 && flip <= 1)) throw SpecError("flip", "must be a fraction in [0, 1]");
  if (trials < 1) throw SpecError("trials", "must be at least 1");
  check_trial_size(size.neurons(), trials);
  check_cost(cost(), {
      {"patterns", "use fewer or smaller pattern counts",
       cost_with(*this, [](CapacitySpec& s) { s.patterns = {1}; })},
      {"trials", "use fewer trials", cost_with(*this, [](CapacitySpec& s) { s.trials = 1; })},
      {size_key(size), "use a smaller network",
       cost_with(*this, [](CapacitySpec& s) { s.size = NetworkSize{1, 1, s.size.from_grid}; })},
      {"rule", "use fewer rules", cost_with(*this, [](CapacitySpec& s) { s.rules.resize(1); })},
  });
}

namespace {
constexpr int kValuesPerUnitAndRule = 5;
constexpr double kReuseBytesCap = 256.0 * 1024 * 1024;  // capacity.cpp's kReuseBytes
}  // namespace

RunCost CapacitySpec::cost() const {
  const int n = size.neurons();
  const double t = trials;
  RunCost c;
  c.units = static_cast<double>(patterns.size()) * t;
  double max_p = 1, weights = 0;
  for (long long p : patterns) {
    max_p = std::max(max_p, static_cast<double>(p));
    for (Rule r : rules)
      c.work += t * (learning_steps(n, static_cast<double>(p), r, model) +
                     static_cast<double>(p) * n * field_steps(n, static_cast<double>(p), r, model));
  }
  for (Rule r : rules) weights = std::max(weights, weight_bytes(n, r, model));
  // A trial's patterns (and the network's copies of them) and W, and the trials' states that
  // carry over from cell to cell when they fit (Capacity::prepare).
  const double unit = 4.0 * n * max_p + weights;
  const double reuse = t * unit;
  c.bytes = records_bytes(c.units, kValuesPerUnitAndRule * static_cast<double>(rules.size())) +
            unit + (patterns.size() > 1 && reuse <= kReuseBytesCap ? reuse : 0);
  return c;
}

CapacitySpec CapacitySpec::from_json(const JsonValue& json) {
  SpecReader r(json);
  CapacitySpec s;
  s.size = read_size(r, true);
  s.patterns = r.integers("patterns", {}, 1, 100000);
  s.rules.clear();
  for (const std::string& w : r.words("rule", {"hebbian"}))
    s.rules.push_back(choice("rule", w, parse_rule));
  s.flip = r.real("flip", 0.1, 0, 1);
  s.trials = static_cast<int>(r.integer("trials", 10, 1, 1000000));
  s.seed = r.seed("seed");
  s.source = read_source(r);
  s.dynamics = read_dynamics(r, 100);
  s.model = read_model(r);
  r.finish();
  s.validate();
  return s;
}

// --- Reusing a trial from one cell to the next ---------------------------------------------
// draw_patterns nests in P (a trial's first P patterns are the same whatever the count), so
// each trial's patterns are drawn once, for the largest P, and its Hebbian network (with the
// dense W of the recalls' fast path) carries over from one cell to the next, storing only the
// new patterns (W += xi xi^T, exact integers) instead of drawing and learning all P again:
// that was a sixth of the capacity run at N = 256, P = 1..64. The rows are the same bits with
// it off (reuse_trials(false); a test compares). One unit at a time holds a trial's state
// (threads take it in turn, or build their own when it is taken), and the trial's last cell
// drops it. Off when the states of all trials would pass kReuseBytes.
namespace {
constexpr double kReuseBytes = 256.0 * 1024 * 1024;
}

struct Capacity::TrialState {
  PatternMatrix x;             // the trial's patterns, as many as the largest P
  std::optional<Network> net;  // Hebbian with a dense W, storing the first columns of x
};

struct Capacity::Reuse {
  std::mutex mutex;
  std::vector<std::unique_ptr<TrialState>> trials;  // null: not made yet, or taken
  std::unique_ptr<TrialState> take(long long trial) {
    std::lock_guard<std::mutex> lock(mutex);
    return std::move(trials[static_cast<std::size_t>(trial)]);
  }
  void give(long long trial, std::unique_ptr<TrialState> state) {
    std::lock_guard<std::mutex> lock(mutex);
    trials[static_cast<std::size_t>(trial)] = std::move(state);
  }
};

Capacity::Capacity(CapacitySpec spec) : spec_(std::move(spec)) {
  spec_.validate();
}

Capacity::~Capacity() = default;

void Capacity::prepare() {
  const long long max_p = *std::max_element(spec_.patterns.begin(), spec_.patterns.end());
  pool_ = load_pool(spec_.source, spec_.size.neurons(), max_p);
  // Per trial: its patterns and the network's copies of them (8 bits, 8 and 16 transposed),
  // and the dense W when the recalls use one (float).
  const int neurons = spec_.size.neurons();
  const bool dense_w = spec_.model == ModelOptions{} && neurons <= 1024 &&
                       std::find(spec_.rules.begin(), spec_.rules.end(), Rule::hebbian) !=
                           spec_.rules.end();
  const double n = neurons;
  const double bytes = spec_.trials * (4.0 * n * static_cast<double>(max_p) + (dense_w ? 4.0 * n * n : 0.0));
  reuse_.reset();
  if (reuse_wanted_ && spec_.patterns.size() > 1 && bytes <= kReuseBytes) {
    reuse_ = std::make_unique<Reuse>();
    reuse_->trials.resize(static_cast<std::size_t>(spec_.trials));
  }
}

long long Capacity::unit_count() const {
  return static_cast<long long>(spec_.patterns.size()) * spec_.trials;
}

UnitRecord Capacity::run_unit(long long unit) const {
  const long long trial = unit % spec_.trials;
  const std::size_t cell = static_cast<std::size_t>(unit / spec_.trials);
  const int p = static_cast<int>(spec_.patterns[cell]);
  const int n = spec_.size.neurons();
  std::unique_ptr<TrialState> state = reuse_ ? reuse_->take(trial) : nullptr;
  if (!state) {
    state = std::make_unique<TrialState>();
    const long long count =
        reuse_ ? *std::max_element(spec_.patterns.begin(), spec_.patterns.end()) : p;
    state->x = draw_patterns(n, static_cast<int>(count), pool_, spec_.seed, trial,
                             pattern_activity(spec_.model));
  }
  const PatternMatrix x = state->x.leftCols(p);
  UnitRecord rec{unit, {}};
  for (Rule rule : spec_.rules) {
    // P recalls of several sweeps each on one network: a dense W (N^2 P, or N^2 a pattern
    // carried over) makes a sweep O(N + flips N) instead of O(N P). Measured faster from
    // N <= 16 P on. (The fast paths are for the classic model's plain W; other models run
    // their own.)
    const bool plain = spec_.model == ModelOptions{};
    const bool dense_hebbian =
        plain && rule == Rule::hebbian && n <= 1024 && n <= kDenseFromPatterns * p;
    std::optional<Network> own;
    try {
      if (dense_hebbian && reuse_ && state->net && state->net->pattern_count() <= p) {
        const int stored = state->net->pattern_count();
        state->net->store_all(state->x.middleCols(stored, p - stored));
      } else {
        own = build_network(x, rule, HebbianScale::none, spec_.model);
        if (dense_hebbian) own->set_field_path(Network::FieldPath::dense);
        if (plain && !own->uses_pattern_fields()) own->raw_weights();
        if (dense_hebbian && reuse_) {
          state->net = std::move(own);
          own.reset();
        }
      }
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("capacity, P = " + std::to_string(p) + ", trial " +
                                  std::to_string(trial) + ": " + e.what());
    }
    const Network& net = own ? *own : *state->net;
    // With a dense Hebbian W the stored patterns' fields (exact in float) also start each
    // recall: its probe differs from the pattern in a few neurons (NearbyFields).
    const bool nearby =
        plain && rule == Rule::hebbian && !net.uses_pattern_fields() && float_fields_exact(x);
    Eigen::MatrixXf pattern_fields;
    if (nearby) pattern_fields = hebbian_pattern_fields(x);
    const std::vector<int> errors = nearby ? flips_from_fields(x, pattern_fields, spec_.dynamics.tie)
                                           : first_step_flips(x, net, spec_.dynamics.tie);
    long long error_sum = 0;
    int stable = 0;
    for (int e : errors) {
      error_sum += e;
      stable += e == 0;
    }
    // The same probes and update orders for every rule: streams restart per rule.
    Rng corruption(spec_.seed, kCorruptionStream, static_cast<std::uint64_t>(trial));
    Rng dynamics(spec_.seed, kDynamicsStream, static_cast<std::uint64_t>(trial));
    int retrieved = 0;
    double overlap_sum = 0, sweep_sum = 0;
    for (int mu = 0; mu < p; ++mu) {
      const SpinVector xi = x.col(mu);
      const SpinVector probe = flip_fraction(xi, spec_.flip, corruption);
      DynamicsOptions o = spec_.dynamics;
      o.seed = dynamics.next_u64();
      const NearbyFields from_pattern =
          nearby ? NearbyFields{&xi, pattern_fields.col(mu).data()} : NearbyFields{};
      Recall run(net, probe, o, std::nullopt, Tracing::none, from_pattern);
      const int sweeps = run_to_end(run);
      retrieved += run.state() == xi;
      overlap_sum += overlap(xi, run.state());
      sweep_sum += sweeps;
    }
    rec.values.push_back(static_cast<double>(error_sum) / (static_cast<double>(n) * p));
    rec.values.push_back(static_cast<double>(stable) / p);
    rec.values.push_back(static_cast<double>(retrieved) / p);
    rec.values.push_back(overlap_sum / p);
    rec.values.push_back(sweep_sum / p);
  }
  if (reuse_ && cell + 1 < spec_.patterns.size()) reuse_->give(trial, std::move(state));
  return rec;
}

Table Capacity::aggregate(std::vector<UnitRecord> records) const {
  const auto by_unit = index_records(records, unit_count());
  Table t;
  t.columns = {"rule",
               "neurons",
               "patterns",
               "alpha",
               "first_step_error",
               "first_step_error_theory",
               "stable_fraction",
               "retrieved_fraction",
               "mean_final_overlap",
               "mean_sweeps"};
  const std::string model = model_cell(spec_.model);
  if (!model.empty()) t.columns.insert(t.columns.begin() + 1, "model");
  const int n = spec_.size.neurons();
  for (std::size_t r = 0; r < spec_.rules.size(); ++r)
    for (std::size_t c = 0; c < spec_.patterns.size(); ++c) {
      const double p = static_cast<double>(spec_.patterns[c]);
      const auto done = cell_records(by_unit, c, spec_.trials);
      if (done.empty()) continue;
      double mean[kValuesPerRule] = {};
      for (const UnitRecord* rec : done)
        for (int v = 0; v < kValuesPerRule; ++v)
          mean[v] += rec->values[r * kValuesPerRule + static_cast<std::size_t>(v)];
      for (double& m : mean) m /= static_cast<double>(done.size());
      t.rows.push_back({Cell::of(uses_rule(spec_.model.model) ? to_string(spec_.rules[r])
                                                              : std::string("-")),
                        Cell::of(n), Cell::of(p), Cell::of(p / n), Cell::of(mean[0]),
                        Cell::of(0.5 * det_erfc(std::sqrt(n / (2.0 * p)))), Cell::of(mean[1]),
                        Cell::of(mean[2]), Cell::of(mean[3]), Cell::of(mean[4])});
      if (!model.empty()) t.rows.back().insert(t.rows.back().begin() + 1, Cell::of(model));
    }
  return t;
}

void Capacity::check_record(const UnitRecord& rec) const {
  static const char* const kNames[kValuesPerRule] = {"first_step_error", "stable_fraction",
                                                     "retrieved_fraction", "mean_final_overlap",
                                                     "mean_sweeps"};
  // Per rule: three fractions, a mean overlap, and a mean of sweeps 0..maxSweeps.
  static const double kMin[kValuesPerRule] = {0, 0, 0, -1, 0};
  const double max[kValuesPerRule] = {1, 1, 1, 1, static_cast<double>(spec_.dynamics.max_sweeps)};
  check_value_count(rec, spec_.rules.size() * kValuesPerRule);
  for (std::size_t k = 0; k < rec.values.size(); ++k) {
    const std::size_t v = k % kValuesPerRule;
    check_value(rec, k, kMin[v], max[v], false, [&] {
      return to_string(spec_.rules[k / kValuesPerRule]) + " " + kNames[v];
    });
  }
}

void Capacity::write_spec(JsonWriter& json) const {
  write_size(json, spec_.size);
  json.key("patterns").begin_array();
  for (long long p : spec_.patterns) json.value(p);
  json.end_array();
  json.key("rule").begin_array();
  for (Rule r : spec_.rules) json.value(to_string(r));
  json.end_array();
  json.key("flip").number_short(spec_.flip);
  json.key("trials").value(spec_.trials);
  json.key("seed").raw(std::to_string(spec_.seed));
  write_source(json, spec_.source);
  write_dynamics(json, spec_.dynamics);
  write_model(json, spec_.model);
}

}  // namespace hopfield::experiments
