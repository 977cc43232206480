#include "core/dynamics.hpp"

#include "core/models/real_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/cpu_dispatch.hpp"
#include "core/detmath.hpp"

namespace hopfield {
void check_options(const DynamicsOptions& o) {
  if (!std::isfinite(o.temperature) || o.temperature < 0)
    throw std::invalid_argument("temperature must be a finite number >= 0");
  if (o.max_sweeps < 1) throw std::invalid_argument("max sweeps must be at least 1");
}

double glauber_field_scale(const Network& net) {
  // The sparse model's +-1 field is half its 0/1 field h01 = W01 sigma - theta, so c = 1 makes
  // P(sigma = 1) = 1 / (1 + exp(-h01 / T)): Glauber of the 0/1 network, T in h01's units.
  if (net.model().model == Model::sparse) return 1.0;
  return net.rule() == Rule::hebbian ? 1.0 / net.size() : 1.0;
}

void check_trace_size(int max_sweeps, int patterns) {
  const std::int64_t rows = std::int64_t{max_sweeps} + 1;
  const std::int64_t entries = rows * (std::int64_t{patterns} + 1);
  if (entries > kMaxTraceEntries)
    throw std::invalid_argument(
        "a recall of up to " + std::to_string(max_sweeps) + " sweeps with " +
        std::to_string(patterns) + " stored patterns would trace " + std::to_string(entries) +
        " values, more than the limit of " + std::to_string(kMaxTraceEntries) + ": use at most " +
        std::to_string(kMaxTraceEntries / (std::int64_t{patterns} + 1) - 1) +
        " max sweeps, or fewer patterns");
}

Recall::Recall(const Network& network, const SpinVector& initial, const DynamicsOptions& options,
               std::optional<SpinVector> target, Tracing tracing, NearbyFields nearby)
    : net_(network),
      options_(options),
      target_(std::move(target)),
      rng_(options.seed, kDynamicsStream),
      state_(initial),
      fields_from_patterns_(network.model().model == Model::dense || network.uses_pattern_fields()),
      scale_(network.weight_scale()),
      glauber_scale_(glauber_field_scale(network)),
      bias_(network.bias().data()),
      tie_(options.tie == TieRule::plus ? 1 : options.tie == TieRule::minus ? -1 : 0),
      tracing_(tracing) {
  check_options(options);
  if (real_valued(network.model().model)) {
    if (initial.size() != net_.size())
      throw std::invalid_argument("initial state has " + std::to_string(initial.size()) +
                                  " neurons, the network has " + std::to_string(net_.size()));
    check_spins(initial, "initial state");
    // Modern: the +-1 values as they are. Continuous: u = +-1 (V = g(+-1)), not the clamped
    // +-(1 - 1e-6), whose u is so deep in saturation that it takes ~ln(1e6) tau to move.
    const ModelOptions& m = network.model();
    const double one = m.model == Model::continuous ? gain(m, 1.0) : 1.0;
    std::vector<double> values(static_cast<std::size_t>(initial.size()));
    for (Eigen::Index i = 0; i < initial.size(); ++i)
      values[static_cast<std::size_t>(i)] = initial[i] * one;
    real_ = std::make_unique<RealRecall>(network, std::move(values), options, target_, tracing);
    return;
  }
  check_trace_size(options.max_sweeps, network.pattern_count());
  if (network.model().model == Model::dense) {
    if (options.temperature > 0)
      throw std::invalid_argument(
          "the dense model runs at T = 0: set the temperature to 0 (Glauber dynamics are "
          "implemented for the classic model only)");
    dense_.emplace(network.model().interaction, network.size(), network.pattern_count());
  }
  if (initial.size() != net_.size())
    throw std::invalid_argument("initial state has " + std::to_string(initial.size()) +
                                " neurons, the network has " + std::to_string(net_.size()));
  check_spins(initial, "initial state");
  if (target_) {
    if (target_->size() != net_.size())
      throw std::invalid_argument("target pattern has the wrong number of neurons");
    check_spins(*target_, "target pattern");
  }
  patterns_t_ = &net_.patterns_transposed();
  // The overlaps give the fields from patterns and the trace's overlaps and distances.
  track_overlaps_ = fields_from_patterns_ || tracing_ == Tracing::full;
  if (!fields_from_patterns_) {
    weights_ = &net_.raw_weights();
    // Unpruned Hebbian W holds integers and |h_i| <= (N - 1) P: below 2^24 the fields are
    // exact in float, and a flip's O(N) update runs twice as wide as in double.
    integer_fields_ = net_.rule() == Rule::hebbian && !net_.pruned() &&
                      static_cast<double>(net_.size()) * net_.pattern_count() < 16777216.0;
  }
  const bool from_nearby = integer_fields_ && !track_overlaps_ && nearby.state != nullptr;
  if (from_nearby && nearby.state->size() != net_.size())
    throw std::invalid_argument("nearby fields have the wrong number of neurons");
  if (!from_nearby) update_overlaps();  // not kept up to date when untraced, so not needed
  if (!fields_from_patterns_) {
    if (from_nearby)
      fields_from_nearby(nearby);
    else if (integer_fields_)
      integer_fields_from_overlaps();
    else
      net_.raw_fields(state_, h_raw_);
    float_sign_rule_ = integer_fields_ && scale_ > 0 && net_.bias().isZero(0.0);
  }
  const int n = net_.size();
  order_.resize(static_cast<std::size_t>(n));
  std::iota(order_.begin(), order_.end(), 0);
  record_row(0);
}

Recall::Recall(const Network& network, const std::vector<double>& initial_values,
               const DynamicsOptions& options, std::optional<SpinVector> target, Tracing tracing)
    : net_(network),
      options_(options),
      target_(std::move(target)),
      rng_(options.seed, kDynamicsStream),
      fields_from_patterns_(false),
      scale_(1.0),
      glauber_scale_(1.0),
      bias_(network.bias().data()),
      tie_(0),
      tracing_(tracing) {
  if (!real_valued(network.model().model))
    throw std::invalid_argument("grey-level states are for the modern and continuous models; the " +
                                to_string(network.model().model) + " model takes +1/-1 states");
  real_ = std::make_unique<RealRecall>(network, initial_values, options, target_, tracing);
}

Recall::Recall(Recall&&) noexcept = default;
Recall::~Recall() = default;

Outcome Recall::real_outcome() const { return real_->outcome(); }
const SpinVector& Recall::real_state() const { return real_->signs(); }
const Trace& Recall::real_trace() const { return real_->trace(); }
int Recall::real_sweeps() const { return real_->sweeps(); }
const std::vector<int>& Recall::real_flips() const { return real_->recent_flips(); }

const std::vector<double>& Recall::state_values() const {
  static const std::vector<double> none;
  return real_ ? real_->values() : none;
}

const std::vector<std::vector<double>>& Recall::attention() const {
  static const std::vector<std::vector<double>> none;
  return real_ ? real_->attention() : none;
}

double Recall::raw_field(int i) const {
  if (!fields_from_patterns_) return integer_fields_ ? h_float_[i] : h_raw_[i];
  return pattern_field(i);
}

double Recall::pattern_field(int i) const {
  // h_raw_i = sum_mu xi_i^mu m^mu - P s_i (the diagonal of sum xi xi^T removed).
  const std::int16_t* xi = patterns_t_->col(i).data();
  const std::int16_t* m = m_.data();
  const int p = static_cast<int>(m_.size());
  static_assert(kMaxPatternSpins <= kFieldOverflowBound);  // |sum| <= N P, capped by Network
  int sum = 0;  // |sum| <= N P < 2^31 for every network the core allows
  for (int mu = 0; mu < p; ++mu) sum += static_cast<int>(xi[mu]) * static_cast<int>(m[mu]);
  return static_cast<double>(sum - p * state_[i]);
}

Spin Recall::decide(int i) {
  const Spin current = state_[i];
  if (options_.temperature > 0) {
    // T has one unit whatever the display scale: the field of W_raw / N for Hebbian weights.
    const double h_t = glauber_scale_ * raw_field(i) + bias_[i];
    return rng_.uniform() < glauber_probability(h_t, options_.temperature) ? Spin{1} : Spin{-1};
  }
  return sign_update(i, current);
}

Spin Recall::sign_update(int i, Spin current) const {
  const int tie = tie_ != 0 ? tie_ : current;
  if (dense_) {
    const int sign = dense_->decision_sign(patterns_t_->col(i).data(), m_.data(), current);
    return static_cast<Spin>(sign != 0 ? sign : tie);
  }
  // Without branches on the field's sign: in random order it is a coin toss for the branch
  // predictor, and the mispredictions were most of a batch recall's time.
  const double h = scale_ * raw_field(i) + bias_[i];
  const int sign = (h > 0) - (h < 0);
  return static_cast<Spin>(sign != 0 ? sign : tie);
}

Spin Recall::float_sign(int i, Spin current) const {
  const float h = h_float_[static_cast<std::size_t>(i)];
  const int sign = (h > 0) - (h < 0);
  const int tie = tie_ != 0 ? tie_ : current;
  return static_cast<Spin>(sign != 0 ? sign : tie);
}

bool Recall::at_fixed_point() const {
  if (real_) return false;  // their runs test convergence themselves
  if (options_.temperature > 0) return false;
  if (float_sign_rule_) {
    for (int i = 0; i < net_.size(); ++i)
      if (float_sign(i, state_[i]) != state_[i]) return false;
    return true;
  }
  for (int i = 0; i < net_.size(); ++i)
    if (sign_update(i, state_[i]) != state_[i]) return false;
  return true;
}

void Recall::apply_flip(int i, Spin value) {
  state_[i] = value;
  const int twice = 2 * value;
  const std::int16_t* xi = patterns_t_->col(i).data();
  if (track_overlaps_) {
    std::int16_t* m = m_.data();
    const int p = static_cast<int>(m_.size());
    for (int mu = 0; mu < p; ++mu) m[mu] = static_cast<std::int16_t>(m[mu] + twice * xi[mu]);
  }
  if (integer_fields_) {
    add_float_column(i, value);  // the same update in float: integers below 2^24, exact
  } else if (!fields_from_patterns_) {
    // h_raw += (s_new - s_old) W(:, i) = 2 s_new W(:, i): O(N) per flip, not O(N^2).
    const float* col = weights_->col(i).data();
    double* h = h_raw_.data();
    const int n = net_.size();
    if (value > 0)
      for (int j = 0; j < n; ++j) h[j] += 2.0 * static_cast<double>(col[j]);
    else
      for (int j = 0; j < n; ++j) h[j] -= 2.0 * static_cast<double>(col[j]);
  }
  recent_flips_.push_back(i);
  ++sweep_flips_;
}

// m = Xi^T s in exact integers, one neuron's column of P spins at a time (no int copy of Xi).
void Recall::update_overlaps() {
  m_.assign(static_cast<std::size_t>(patterns_t_->rows()), 0);
  std::int16_t* m = m_.data();
  const int p = static_cast<int>(m_.size());
  for (int i = 0; i < net_.size(); ++i) {
    const std::int16_t* xi = patterns_t_->col(i).data();
    const int s = state_[i];
    // Partial sums stay within +/- N <= 16384: no overflow in 16 bits.
    for (int mu = 0; mu < p; ++mu) m[mu] = static_cast<std::int16_t>(m[mu] + s * xi[mu]);
  }
}

int Recall::next_neuron() const {
  if (real_) return -1;
  if (finished() || options_.mode == UpdateMode::synchronous) return -1;
  if (position_ == 0 && options_.mode == UpdateMode::async_random) return -1;  // not drawn yet
  return order_[static_cast<std::size_t>(position_)];
}

void Recall::begin_sweep() {
  if (options_.mode == UpdateMode::async_random) {
    std::iota(order_.begin(), order_.end(), 0);
    rng_.shuffle(order_);
  }
  sweep_flips_ = 0;
}

void Recall::update_until(int end) {
  if (options_.temperature == 0 && float_sign_rule_) {
    // The batch experiments' case: sign(scale h + 0) is the sign of the exact integer h.
    for (; position_ < end; ++position_) {
      const int i = order_[static_cast<std::size_t>(position_)];
      const Spin current = state_[i];
      const Spin next = float_sign(i, current);
      if (next != current) apply_flip(i, next);
    }
  }
  if (options_.temperature == 0) {
    // The T = 0 rule in a loop of its own: decide() stays out of line in some builds (wasm).
    for (; position_ < end; ++position_) {
      const int i = order_[static_cast<std::size_t>(position_)];
      const Spin current = state_[i];
      const Spin next = sign_update(i, current);
      if (next != current) apply_flip(i, next);
    }
  }
  for (; position_ < end; ++position_) {
    const int i = order_[static_cast<std::size_t>(position_)];
    const Spin next = decide(i);
    if (next != state_[i]) apply_flip(i, next);
  }
  if (position_ == net_.size()) {
    position_ = 0;
    end_iteration(sweep_flips_);
  }
}

int Recall::step_neuron() {
  if (finished()) return -1;
  if (real_) {
    real_->step();
    return -1;
  }
  recent_flips_.clear();
  if (options_.mode == UpdateMode::synchronous) {
    synchronous_step();
    return -1;
  }
  if (position_ == 0) begin_sweep();
  const int i = order_[static_cast<std::size_t>(position_)];
  update_until(position_ + 1);
  return i;
}

namespace {
// FNV-1a over the spins: compared before the states themselves in the cycle search.
std::uint64_t spin_hash(const SpinVector& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (Eigen::Index i = 0; i < s.size(); ++i)
    h = (h ^ static_cast<std::uint8_t>(s[i])) * 0x100000001b3ULL;
  return h;
}
}  // namespace

void Recall::synchronous_step() {
  const int n = net_.size();
  SpinVector next(n);
  for (int i = 0; i < n; ++i) next[i] = decide(i);
  int flips = 0;
  for (int i = 0; i < n; ++i)
    if (next[i] != state_[i]) {
      ++flips;
      recent_flips_.push_back(i);
    }
  state_.swap(next);  // `next` is now the state before the step
  update_overlaps();
  if (integer_fields_)
    integer_fields_from_overlaps();
  else if (!fields_from_patterns_)
    net_.raw_fields(state_, h_raw_);
  // Deterministic at T = 0: the state seen L steps back means a cycle of L states.
  // history_[k] is the state k + 1 steps back (the start joins on the first step).
  int cycle = 0;
  if (flips > 0 && options_.temperature == 0) {
    if (history_.empty()) history_.emplace_front(spin_hash(next), std::move(next));
    const std::uint64_t now = spin_hash(state_);
    for (std::size_t k = 1; k < history_.size() && cycle == 0; ++k)
      if (history_[k].first == now && history_[k].second == state_) cycle = static_cast<int>(k) + 1;
    history_.emplace_front(now, state_);
    if (history_.size() > static_cast<std::size_t>(kMaxCycleLength)) history_.pop_back();
  }
  end_iteration(flips);
  if (cycle > 0 && outcome_ == Outcome::running) {
    outcome_ = cycle == 2 ? Outcome::two_cycle : Outcome::cycle;
    cycle_length_ = cycle;
  }
}

void Recall::step_sweep() {
  if (finished()) return;
  if (real_) {
    real_->step();
    return;
  }
  recent_flips_.clear();
  if (options_.mode == UpdateMode::synchronous) {
    synchronous_step();
    return;
  }
  if (position_ == 0) begin_sweep();
  update_until(net_.size());
}

Outcome Recall::run() {
  while (!finished()) step_sweep();
  return outcome();
}

namespace {
// h += 2 col or h -= 2 col: exact integers in float, element by element, so 256-bit vectors
// (where the processor has them: cpu_dispatch.hpp) give the same bits twice as wide.
HOPFIELD_CLONES("avx2")
void add_twice(float* h, const float* col, int n, bool plus) {
  if (plus)
    for (int i = 0; i < n; ++i) h[i] += 2.0f * col[i];
  else
    for (int i = 0; i < n; ++i) h[i] -= 2.0f * col[i];
}
}  // namespace

// h_float += (s_new - s_old) W(:, j) = 2 s_new W(:, j) for neuron j now at `value`.
void Recall::add_float_column(int j, Spin value) {
  add_twice(h_float_.data(), weights_->col(j).data(), net_.size(), value > 0);
}

void Recall::fields_from_nearby(const NearbyFields& nearby) {
  const int n = net_.size();
  h_float_.assign(nearby.raw_fields, nearby.raw_fields + n);
  for (int j = 0; j < n; ++j)
    if (state_[j] != (*nearby.state)[j]) add_float_column(j, state_[j]);  // as a flip would
}

void Recall::integer_fields_from_overlaps() {
  h_float_.resize(static_cast<std::size_t>(net_.size()));
  for (int i = 0; i < net_.size(); ++i) h_float_[static_cast<std::size_t>(i)] = static_cast<float>(pattern_field(i));
}

double Recall::energy() const {
  if (real_) return real_->energy();
  if (dense_) return dense_->energy(m_.data());
  if (!fields_from_patterns_ && !integer_fields_)
    return net_.energy_from_raw_fields(state_, h_raw_);
  // s^T W_raw s = sum_mu (m^mu)^2 - P N for Hebbian counts; exact in integers.
  long long quadratic = 0;
  if (integer_fields_) {
    // s^T W_raw s from the fields (exact integers): the overlaps are not kept up to date
    // when nothing is traced.
    for (int i = 0; i < net_.size(); ++i)
      quadratic += static_cast<long long>(state_[i] * h_float_[static_cast<std::size_t>(i)]);
  } else {
    for (std::int16_t m : m_) quadratic += 1LL * m * m;
    quadratic -= static_cast<long long>(m_.size()) * net_.size();
  }
  double linear = 0.0;
  for (int i = 0; i < net_.size(); ++i) linear += state_[i] * net_.bias()[i];
  // "+ 0.0" turns -0 (an empty network) into 0, as energy_from_raw_fields does.
  return -0.5 * net_.weight_scale() * static_cast<double>(quadratic) - linear + 0.0;
}

void Recall::record_row(int flips) {
  ++sweeps_;
  if (tracing_ == Tracing::none) return;
  const int n = net_.size();
  trace_.energy.push_back(energy());
  int d = -1;
  if (target_) {
    d = hamming(*target_, state_);
  } else {
    for (std::int16_t m : m_) {
      const int to_pattern = (n - m) / 2;  // Hamming = (N - xi.s) / 2
      const int nearest = std::min(to_pattern, n - to_pattern);
      if (d < 0 || nearest < d) d = nearest;
    }
  }
  trace_.hamming.push_back(d);
  trace_.flips.push_back(flips);
  std::vector<double> m(static_cast<std::size_t>(m_.size()));
  for (std::size_t mu = 0; mu < m_.size(); ++mu) m[mu] = static_cast<double>(m_[mu]) / n;
  trace_.overlaps.push_back(std::move(m));
}

void Recall::end_iteration(int flips) {
  record_row(flips);
  if (flips == 0 && options_.temperature == 0) outcome_ = Outcome::fixed_point;
  else if (sweeps() >= options_.max_sweeps) outcome_ = Outcome::max_sweeps;
}

Recall recall(const Network& network, const SpinVector& initial, const DynamicsOptions& options,
              std::optional<SpinVector> target) {
  Recall r(network, initial, options, std::move(target));
  r.run();
  return r;
}

}  // namespace hopfield
