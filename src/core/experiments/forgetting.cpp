#include "core/experiments/forgetting.hpp"

#include "core/corruption.hpp"
#include "core/rng.hpp"

namespace hopfield::experiments {

void ForgettingSpec::validate() const {
  const int n = size.neurons();
  if (n < 1) throw SpecError("neurons", "give the network size (neurons N or size WxH)");
  if (n > kMaxDenseNeurons)
    throw SpecError("neurons", "forgetting learns a dense N x N matrix: at most " +
                                   std::to_string(kMaxDenseNeurons) + " neurons, not " +
                                   std::to_string(n));
  if (stored < 1) throw SpecError("stored", "give the length of the stream, at least 1");
  try {
    check_network_capacity(n, stored);
    check_model_options(model);
  } catch (const std::invalid_argument& e) {
    throw SpecError("stored", e.what());
  }
  if (model.model != Model::classic)
    throw SpecError("model", "forgetting is a property of the classic model's learning");
  if (!(flip >= 0 && flip <= 1)) throw SpecError("flip", "must be a fraction in [0, 1]");
  if (trials < 1) throw SpecError("trials", "must be at least 1");
  check_trial_size(size.neurons(), trials);
  check_cost(cost(), {
      {"stored", "use a shorter stream", cost_with(*this, [](ForgettingSpec& s) { s.stored = 1; })},
      {"trials", "use fewer trials", cost_with(*this, [](ForgettingSpec& s) { s.trials = 1; })},
      {size_key(size), "use a smaller network",
       cost_with(*this, [](ForgettingSpec& s) { s.size = NetworkSize{1, 1, s.size.from_grid}; })},
  });
}

RunCost ForgettingSpec::cost() const {
  const double n = size.neurons(), p = stored, t = trials;
  RunCost c;
  c.units = t;
  c.work = t * p * 2 * n * n;
  c.bytes = records_bytes(t, 2 * p) + 8 * n * n + n * p;
  return c;
}

ForgettingSpec ForgettingSpec::from_json(const JsonValue& json) {
  SpecReader r(json);
  ForgettingSpec s;
  s.size = read_size(r, true);
  s.stored = static_cast<int>(r.integer("stored", 0, 1, kMaxPatterns));
  s.flip = r.real("flip", 0.1, 0, 1);
  s.trials = static_cast<int>(r.integer("trials", 10, 1, 1000000));
  s.seed = r.seed("seed");
  s.dynamics = read_dynamics(r, 100);
  s.model = read_model(r);
  r.finish();
  s.validate();
  return s;
}

Forgetting::Forgetting(ForgettingSpec spec) : spec_(std::move(spec)) { spec_.validate(); }

UnitRecord Forgetting::run_unit(long long unit) const {
  const int n = spec_.size.neurons(), p = spec_.stored;
  const PatternMatrix x = draw_patterns(n, p, {}, spec_.seed, unit);
  const Network net = build_network(x, Rule::hebbian, HebbianScale::none, spec_.model);
  net.raw_weights();
  Rng corruption(spec_.seed, kCorruptionStream, static_cast<std::uint64_t>(unit));
  Rng dynamics(spec_.seed, kDynamicsStream, static_cast<std::uint64_t>(unit));
  UnitRecord rec{unit, std::vector<double>(2 * static_cast<std::size_t>(p), 0.0)};
  for (int mu = 0; mu < p; ++mu) {  // pattern mu was stored p - 1 - mu patterns ago
    const SpinVector xi = x.col(mu);
    const SpinVector probe = flip_fraction(xi, spec_.flip, corruption);
    DynamicsOptions o = spec_.dynamics;
    o.seed = dynamics.next_u64();
    Recall run(net, probe, o, std::nullopt, Tracing::none);
    run_to_end(run);
    const std::size_t age = static_cast<std::size_t>(p - 1 - mu);
    rec.values[age] = run.state() == xi ? 1.0 : 0.0;
    rec.values[static_cast<std::size_t>(p) + age] = overlap(xi, run.state());
  }
  return rec;
}

Table Forgetting::aggregate(std::vector<UnitRecord> records) const {
  const auto by_unit = index_records(records, unit_count());
  Table t;
  t.columns = {"neurons", "stored", "age", "retrieved_fraction", "mean_final_overlap"};
  const auto done = cell_records(by_unit, 0, spec_.trials);
  if (done.empty()) return t;
  const std::size_t p = static_cast<std::size_t>(spec_.stored);
  for (std::size_t age = 0; age < p; ++age) {
    double retrieved = 0, overlap_sum = 0;
    for (const UnitRecord* rec : done) {
      retrieved += rec->values[age];
      overlap_sum += rec->values[p + age];
    }
    const double k = static_cast<double>(done.size());
    t.rows.push_back({Cell::of(spec_.size.neurons()), Cell::of(spec_.stored),
                      Cell::of(static_cast<double>(age)), Cell::of(retrieved / k),
                      Cell::of(overlap_sum / k)});
  }
  return t;
}

void Forgetting::check_record(const UnitRecord& rec) const {
  const std::size_t p = static_cast<std::size_t>(spec_.stored);
  check_value_count(rec, 2 * p);
  for (std::size_t k = 0; k < 2 * p; ++k) {
    const auto what = [&] {
      return std::string(k < p ? "retrieved" : "final overlap") + " at age " +
             std::to_string(k % p);
    };
    if (k < p)
      check_value(rec, k, 0, 1, true, what);
    else
      check_value(rec, k, -1, 1, false, what);
  }
}

void Forgetting::write_spec(JsonWriter& json) const {
  write_size(json, spec_.size);
  json.key("stored").value(spec_.stored);
  json.key("flip").number_short(spec_.flip);
  json.key("trials").value(spec_.trials);
  json.key("seed").raw(std::to_string(spec_.seed));
  write_dynamics(json, spec_.dynamics);
  write_model(json, spec_.model);
}

}  // namespace hopfield::experiments
