#include "core/experiments/prune_study.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/corruption.hpp"
#include "core/lab.hpp"
#include "core/parse.hpp"
#include "core/rng.hpp"

namespace hopfield::experiments {

namespace {
bool is_random_kind(const std::string& kind) {
  return kind == "random" || kind == "random-independent";
}
}  // namespace

PruneSweep parse_prune_sweep(const std::string& text) {
  const std::size_t colon = text.find(':');
  PruneSweep s;
  s.kind = text.substr(0, colon);
  try {
    check_prune_kind(s.kind);
  } catch (const std::invalid_argument&) {
    throw SpecError("prune",
                    "kind must be random, random-independent, smallest, magnitude or "
                    "signed, not '" +
                        s.kind + "' (use KIND:LEVELS)");
  }
  if (colon == std::string::npos)
    throw SpecError("prune", "expects KIND:LEVELS, not '" + text + "'");
  try {
    s.levels = parse_real_list(text.substr(colon + 1), "levels");
  } catch (const std::invalid_argument& e) {
    throw SpecError("prune", e.what());
  }
  for (double l : s.levels)
    if (!(l >= 0 && l <= 1))
      throw SpecError("prune", "levels must be in [0, 1], not " + json_number_short(l));
  return s;
}

SpinVector flip_with_replacement(const SpinVector& s, double fraction, Rng& rng) {
  if (!(fraction >= 0 && fraction <= 1))
    throw std::invalid_argument("flip fraction must be in [0, 1]");
  const int n = static_cast<int>(s.size());
  const int k = static_cast<int>(std::lround(fraction * n));
  std::vector<char> drawn(static_cast<std::size_t>(n), 0);
  for (int d = 0; d < k; ++d)
    drawn[static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(n)))] = 1;
  SpinVector out = s;
  for (int i = 0; i < n; ++i)
    if (drawn[static_cast<std::size_t>(i)]) out[i] = static_cast<Spin>(-out[i]);
  return out;
}

void PruneStudySpec::validate() const {
  if (patterns.path.empty()) throw SpecError("patterns", "give the pattern file of stored images");
  if (prune.empty()) throw SpecError("prune", "give at least one KIND:LEVELS (or a preset)");
  for (const PruneSweep& p : prune)
    if (p.levels.empty()) throw SpecError("prune", "levels must not be empty");
  if (noise.empty()) throw SpecError("noise", "must not be empty");
  for (double f : noise)
    if (!(f >= 0 && f <= 1)) throw SpecError("noise", "values must be fractions in [0, 1]");
  if (trials < 1) throw SpecError("trials", "must be at least 1");
  if (max_sweeps < 1) throw SpecError("maxSweeps", "must be at least 1");
  check_cost();
}

RunCost PruneStudySpec::cost(int file_patterns, int file_neurons) const {
  double levels = 0;
  for (const PruneSweep& p : prune) levels += static_cast<double>(p.levels.size());
  const double n = std::max(file_neurons, 1), p = std::max(file_patterns, 1);
  const double noises = static_cast<double>(noise.size());
  RunCost c;
  c.units = levels * trials;
  c.work = n * n * p + levels * n * n + c.units * (1 + noises) * n * n;
  // W, a pruned W per level, and a unit's own copy (float, 4 bytes a weight).
  c.bytes = records_bytes(c.units, 1 + noises) + (levels + 2) * 4 * n * n + n * p;
  return c;
}

void PruneStudySpec::check_cost(int file_patterns, int file_neurons) const {
  const int p = file_patterns, n = file_neurons;
  experiments::check_cost(
      cost(p, n),
      {{"prune", "use fewer prune levels",
        cost_with(*this, [](PruneStudySpec& s) { s.prune = {PruneSweep{s.prune.front().kind, {0}}}; }, p, n)},
       {"trials", "use fewer trials", cost_with(*this, [](PruneStudySpec& s) { s.trials = 1; }, p, n)},
       {"noise", "use fewer noise levels",
        cost_with(*this, [](PruneStudySpec& s) { s.noise.resize(1); }, p, n)},
       {"select", "select fewer or smaller patterns", cost(1, 1)}});
}

PruneStudySpec PruneStudySpec::from_json(const JsonValue& json) {
  SpecReader r(json);
  PruneStudySpec s;
  s.preset = r.text("preset", "");
  if (!s.preset.empty() && s.preset != "published" && s.preset != "fixed")
    throw SpecError("preset", "must be published or fixed, not '" + s.preset + "'");
  const bool published = s.preset == "published";
  s.patterns.path = r.text("patterns", "");
  // The study's four 16x16 Caltech silhouettes: two sea horses, two headphones.
  s.patterns.select = r.text("select", s.preset.empty() ? "" : "7383,7384,5403,5404");
  for (const std::string& p : r.strings("prune")) s.prune.push_back(parse_prune_sweep(p));
  if (s.prune.empty() && !s.preset.empty()) {
    s.prune.push_back(
        parse_prune_sweep(published ? "random-independent:0:1:0.05" : "random:0:1:0.05"));
    s.prune.push_back(
        parse_prune_sweep(published ? "signed:0,0.25,0.5,0.75,1" : "magnitude:0,0.25,0.5,0.75,1"));
  }
  s.noise = r.reals("noise",
                    s.preset.empty() ? std::vector<double>{} : std::vector<double>{0.25, 0.5, 0.75},
                    0, 1);
  const std::string flips = r.text("flips", published ? "with-replacement" : "exact");
  if (flips != "exact" && flips != "with-replacement")
    throw SpecError("flips", "must be exact or with-replacement, not '" + flips + "'");
  s.flips = flips == "exact" ? FlipDraws::exact : FlipDraws::with_replacement;
  s.scale = choice("scale", r.text("scale", "p"), parse_scale);
  s.trials = static_cast<int>(r.integer("trials", 100, 1, 1000000));
  s.seed = r.seed("seed");
  s.max_sweeps = static_cast<int>(r.integer("maxSweeps", 50, 1, 1000000));
  if (!(read_model(r) == ModelOptions{}))
    throw SpecError("model", "the pruning study prunes the classic Hebbian W, as published; "
                             "run it without a model (or use capacity and basins with one)");
  r.finish();
  s.validate();
  return s;
}

PruneStudy::PruneStudy(PruneStudySpec spec) : spec_(std::move(spec)) {
  spec_.validate();
  for (const PruneSweep& p : spec_.prune)
    for (double l : p.levels) levels_.push_back({p.kind, l});
}

PruneReport PruneStudy::prune(Network& net, const std::string& kind, double level, Rng& rng) {
  return apply_prune(net, kind, level, rng);
}

void PruneStudy::prepare() {
  const std::vector<Pattern> images = load_selected(spec_.patterns, "patterns");
  const int n = images.front().size();
  if (n > kMaxDenseNeurons)
    throw SpecError("patterns", "pruning needs a dense N x N matrix: at most " +
                                    std::to_string(kMaxDenseNeurons) + " neurons, not " +
                                    std::to_string(n));
  spec_.check_cost(static_cast<int>(images.size()), n);
  x_.resize(n, static_cast<Eigen::Index>(images.size()));
  for (std::size_t mu = 0; mu < images.size(); ++mu)
    x_.col(static_cast<Eigen::Index>(mu)) = images[mu].spins;
  base_ = std::make_unique<Network>(build_network(x_, Rule::hebbian, spec_.scale));
  base_->raw_weights();
  base_->patterns_transposed();  // copies share the built caches; units only read them
  // Deterministic kinds prune the same way every trial: once here, shared read-only.
  pruned_.assign(levels_.size(), nullptr);
  sparsity_.assign(levels_.size(), 0.0);
  for (std::size_t l = 0; l < levels_.size(); ++l) {
    if (is_random_kind(levels_[l].kind)) continue;
    auto net = std::make_shared<Network>(*base_);
    Rng unused(0);
    sparsity_[l] = prune(*net, levels_[l].kind, levels_[l].level, unused).sparsity();
    pruned_[l] = std::move(net);
  }
}

PruneSpectra prune_spectra(const PatternMatrix& x, HebbianScale scale, const std::string& kind,
                           double level, std::uint64_t seed) {
  const PruneSweep sweep = parse_prune_sweep(kind + ":" + json_number_short(level));
  if (x.cols() == 0) throw SpecError("patterns", "store at least one pattern");
  if (x.rows() > kMaxDenseNeurons)
    throw SpecError("patterns", "the spectrum needs a dense N x N matrix: at most " +
                                    std::to_string(kMaxDenseNeurons) + " neurons");
  const Network base = build_network(x, Rule::hebbian, scale);
  Network pruned = base;
  Rng rng(seed, kPruningStream, 0);
  PruneSpectra out;
  out.sparsity = PruneStudy::prune(pruned, sweep.kind, sweep.levels.front(), rng).sparsity();
  // Of W_raw (exact integers for the unpruned W), then scaled: eig(c A) = c eig(A).
  auto scaled = [](const Network& net) {
    Eigenvalues e = eigenvalues(net.raw_weights());
    for (double& v : e.re) v *= net.weight_scale();
    for (double& v : e.im) v *= net.weight_scale();
    return e;
  };
  out.before = scaled(base);
  out.after = scaled(pruned);
  return out;
}

RunCost PruneStudy::cost() const {
  return spec_.cost(static_cast<int>(x_.cols()), static_cast<int>(x_.rows()));
}

long long PruneStudy::unit_count() const {
  return static_cast<long long>(levels_.size()) * spec_.trials;
}

UnitRecord PruneStudy::run_unit(long long unit) const {
  const std::size_t l = static_cast<std::size_t>(unit / spec_.trials);
  const long long trial = unit % spec_.trials;
  const auto k = static_cast<std::uint64_t>(trial);
  std::shared_ptr<const Network> net = pruned_[l];
  double sparsity = sparsity_[l];
  if (!net) {
    auto fresh = std::make_shared<Network>(*base_);
    Rng rng(spec_.seed, kPruningStream, k);
    sparsity = prune(*fresh, levels_[l].kind, levels_[l].level, rng).sparsity();
    net = std::move(fresh);
  }
  const int mu = static_cast<int>(trial % x_.cols());
  const SpinVector xi = x_.col(mu);
  const int n = static_cast<int>(xi.size());
  Rng corruption(spec_.seed, kCorruptionStream, k);
  Rng dynamics(spec_.seed, kDynamicsStream, k);
  UnitRecord rec{unit, {sparsity}};
  for (double noise : spec_.noise) {
    const SpinVector probe = spec_.flips == FlipDraws::exact
                                 ? flip_fraction(xi, noise, corruption)
                                 : flip_with_replacement(xi, noise, corruption);
    DynamicsOptions o;
    o.mode = UpdateMode::async_random;
    o.max_sweeps = spec_.max_sweeps;
    o.seed = dynamics.next_u64();
    Recall run(*net, probe, o, std::nullopt, Tracing::none);
    run_to_end(run);
    rec.values.push_back(100.0 * (1.0 - static_cast<double>(hamming(xi, run.state())) / n));
  }
  return rec;
}

Table PruneStudy::aggregate(std::vector<UnitRecord> records) const {
  const auto by_unit = index_records(records, unit_count());
  Table t;
  t.columns = {"kind", "level",  "noise", "trials", "mean_performance", "min",
               "q1",   "median", "q3",    "max",    "sparsity"};
  for (std::size_t l = 0; l < levels_.size(); ++l) {
    const auto done = cell_records(by_unit, l, spec_.trials);
    if (done.empty()) continue;
    const double trials = static_cast<double>(done.size());
    for (std::size_t j = 0; j < spec_.noise.size(); ++j) {
      std::vector<double> perf;
      double sparsity = 0;
      for (const UnitRecord* rec : done) {
        sparsity += rec->values[0];
        perf.push_back(rec->values[1 + j]);
      }
      const Summary s = summarize(perf);
      t.rows.push_back({Cell::of(levels_[l].kind), Cell::of(levels_[l].level),
                        Cell::of(spec_.noise[j]), Cell::of(trials), Cell::of(s.mean),
                        Cell::of(s.min), Cell::of(s.q1), Cell::of(s.median), Cell::of(s.q3),
                        Cell::of(s.max), Cell::of(sparsity / trials)});
    }
  }
  return t;
}

void PruneStudy::check_record(const UnitRecord& rec) const {
  check_value_count(rec, 1 + spec_.noise.size());
  check_value(rec, 0, 0, 1, false, [] { return "sparsity"; });
  for (std::size_t j = 0; j < spec_.noise.size(); ++j)
    check_value(rec, 1 + j, 0, 100, false, [&] {
      return "performance at noise " + json_number_short(spec_.noise[j]);
    });
}

void PruneStudy::write_spec(JsonWriter& json) const {
  json.key("patterns").value(spec_.patterns.path);
  if (!spec_.patterns.select.empty()) json.key("select").value(spec_.patterns.select);
  if (!spec_.preset.empty()) json.key("preset").value(spec_.preset);
  json.key("prune").begin_array();
  for (const PruneSweep& p : spec_.prune) {
    std::string text = p.kind + ":";
    for (std::size_t i = 0; i < p.levels.size(); ++i) {
      if (i) text += ',';
      text += json_number_short(p.levels[i]);
    }
    json.value(text);
  }
  json.end_array();
  json.key("noise").begin_array();
  for (double f : spec_.noise) json.number_short(f);
  json.end_array();
  json.key("flips").value(spec_.flips == FlipDraws::exact ? "exact" : "with-replacement");
  json.key("scale").value(to_string(spec_.scale));
  json.key("trials").value(spec_.trials);
  json.key("seed").raw(std::to_string(spec_.seed));
  json.key("maxSweeps").value(spec_.max_sweeps);
}

}  // namespace hopfield::experiments
