#include "core/models/real_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/detmath.hpp"

namespace hopfield {
namespace {

constexpr double kModernTolerance = 1e-12;

void check_real_trace_size(int max_sweeps, int patterns, bool attention) {
  const std::int64_t per_row = std::int64_t{patterns} * (attention ? 2 : 1) + 1;
  const std::int64_t entries = (std::int64_t{max_sweeps} + 1) * per_row;
  if (entries > kMaxTraceEntries)
    throw std::invalid_argument(
        "a recall of up to " + std::to_string(max_sweeps) + " iterations with " +
        std::to_string(patterns) + " stored patterns would trace " + std::to_string(entries) +
        " values (overlaps" + (attention ? " and attention" : "") + "), more than the limit of " +
        std::to_string(kMaxTraceEntries) + ": use at most " +
        std::to_string(kMaxTraceEntries / per_row - 1) + " max sweeps, or fewer patterns");
}

// out = W v for W = scale * W_raw: columns of W_raw added in index order, then scaled.
GradedSystem network_system(const Network& net) {
  GradedSystem sys;
  sys.model = net.model();
  const Eigen::MatrixXf* raw = &net.raw_weights();
  const double scale = net.weight_scale();
  sys.times_weights = [raw, scale](const std::vector<double>& v, std::vector<double>& out) {
    const std::size_t n = v.size();
    out.assign(n, 0.0);
    double* o = out.data();
    for (std::size_t j = 0; j < n; ++j) {
      const float* col = raw->col(static_cast<Eigen::Index>(j)).data();
      const double vj = v[j];
      if (vj == 0.0) continue;  // adds only zeros
      for (std::size_t i = 0; i < n; ++i) o[i] += col[i] * vj;
    }
    for (std::size_t i = 0; i < n; ++i) o[i] *= scale;
  };
  const Eigen::VectorXd& b = net.bias();
  sys.input.assign(b.data(), b.data() + b.size());
  return sys;
}

// x . v for one +-1 pattern column, in four interleaved partial sums (a fixed order either
// compiler can vectorize without reassociating).
double pattern_dot(const Spin* x, const double* v, int n) {
  double acc[4] = {0.0, 0.0, 0.0, 0.0};
  int i = 0;
  for (; i + 4 <= n; i += 4)
    for (int k = 0; k < 4; ++k) acc[k] += x[i + k] * v[i + k];
  for (; i < n; ++i) acc[0] += x[i] * v[i];
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

}  // namespace

RealRecall::RealRecall(const Network& network, std::vector<double> initial,
                       const DynamicsOptions& options, std::optional<SpinVector> target,
                       Tracing tracing)
    : net_(network),
      model_(network.model().model),
      options_(options),
      target_(std::move(target)),
      tracing_(tracing),
      values_(std::move(initial)) {
  const int n = net_.size();
  const int p = net_.pattern_count();
  if (!real_valued(model_))
    throw std::invalid_argument("RealRecall runs the modern and continuous models, not the " +
                                to_string(model_) + " one");
  check_options(options_);
  if (options_.temperature > 0)
    throw std::invalid_argument("the " + to_string(model_) +
                                " model is deterministic: set the temperature to 0");
  if (tracing_ == Tracing::full)
    check_real_trace_size(options_.max_sweeps, p, model_ == Model::modern);
  if (static_cast<int>(values_.size()) != n)
    throw std::invalid_argument("initial state has " + std::to_string(values_.size()) +
                                " values, the network has " + std::to_string(n) + " neurons");
  for (double v : values_)
    if (!std::isfinite(v)) throw std::invalid_argument("initial state values must be finite");
  if (target_) {
    if (target_->size() != n)
      throw std::invalid_argument("target pattern has the wrong number of neurons");
    check_spins(*target_, "target pattern");
  }
  signs_ = SpinVector::Ones(n);
  update_signs();
  recent_flips_.clear();  // the initial signs are no flips
  if (model_ == Model::modern) {
    beta_ = net_.model().beta;
    if (p > 0) modern_scores();
  } else {
    std::vector<double> u(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) u[i] = inverse_gain(net_.model(), values_[i]);  // may throw
    system_ = network_system(net_);
    graded_ = graded_state(system_, std::move(u));
    values_ = graded_.v;
  }
  record_row();
  // With nothing stored the modern update has nothing to move towards: the state is where
  // the run ends (E = 1/2 xi . xi, the log-sum-exp over no patterns left out), so that an
  // empty library under this model is a state like any other, not an error.
  if (model_ == Model::modern && p == 0) outcome_ = Outcome::fixed_point;
}

void RealRecall::modern_scores() {
  const auto& x = net_.patterns();
  const int n = net_.size();
  const int p = net_.pattern_count();
  scores_.resize(static_cast<std::size_t>(p));
  for (int mu = 0; mu < p; ++mu) scores_[mu] = pattern_dot(x.col(mu).data(), values_.data(), n);
  max_score_ = *std::max_element(scores_.begin(), scores_.end());
  softmax_.resize(static_cast<std::size_t>(p));
  double sum = 0.0;
  for (int mu = 0; mu < p; ++mu) {
    softmax_[mu] = det_exp(beta_ * (scores_[mu] - max_score_));  // <= 1: no overflow
    sum += softmax_[mu];
  }
  for (double& w : softmax_) w /= sum;
  log_sum_ = det_log(sum);  // sum >= 1 (the largest term is exp(0))
}

void RealRecall::modern_update() {
  const auto& x = net_.patterns();
  const int n = net_.size();
  std::vector<double> next(static_cast<std::size_t>(n), 0.0);
  double* out = next.data();
  for (int mu = 0; mu < net_.pattern_count(); ++mu) {
    const double w = softmax_[mu];
    if (w == 0.0) continue;  // underflowed weights add only zeros
    const Spin* col = x.col(mu).data();
    for (int i = 0; i < n; ++i) out[i] += w * col[i];
  }
  double change = 0.0, largest = 1.0;
  for (int i = 0; i < n; ++i) {
    change = std::max(change, std::abs(next[i] - values_[i]));
    largest = std::max(largest, std::abs(next[i]));
  }
  values_ = std::move(next);
  change_ = change / largest;
  modern_scores();
}

void RealRecall::update_signs() {
  recent_flips_.clear();
  for (int i = 0; i < signs_.size(); ++i) {
    const Spin s = values_[i] > 0 ? 1 : values_[i] < 0 ? -1 : signs_[i];
    if (s != signs_[i]) recent_flips_.push_back(i);
    signs_[i] = s;
  }
}

void RealRecall::step() {
  if (finished()) return;
  bool converged = false;
  if (model_ == Model::modern) {
    modern_update();
    converged = change_ <= kModernTolerance;
  } else {
    rk4_step(system_, graded_);
    values_ = graded_.v;
    converged = graded_converged(system_, graded_);
  }
  update_signs();
  record_row();
  if (converged)
    outcome_ = Outcome::fixed_point;
  else if (sweeps_ >= options_.max_sweeps)
    outcome_ = Outcome::max_sweeps;
}

Outcome RealRecall::run() {
  while (!finished()) step();
  return outcome_;
}

double RealRecall::energy() const {
  if (model_ == Model::continuous) return graded_energy(system_, graded_);
  double squares = 0.0;
  for (double v : values_) squares += v * v;
  // -(1/beta) log sum exp(beta s) = -max s - (1/beta) log sum exp(beta (s - max s)).
  return -max_score_ - log_sum_ / beta_ + 0.5 * squares;
}

void RealRecall::record_row() {
  ++sweeps_;
  if (tracing_ == Tracing::none) return;
  const int n = net_.size();
  const int p = net_.pattern_count();
  const auto& x = net_.patterns();
  trace_.energy.push_back(energy());
  int d = -1;
  if (target_) {
    d = hamming(*target_, signs_);
  } else {
    for (int mu = 0; mu < p; ++mu) {
      int agree = 0;  // x_mu . signs
      for (int i = 0; i < n; ++i) agree += x(i, mu) * signs_[i];
      const int to_pattern = (n - agree) / 2;
      const int nearest = std::min(to_pattern, n - to_pattern);
      if (d < 0 || nearest < d) d = nearest;
    }
  }
  trace_.hamming.push_back(d);
  trace_.flips.push_back(sweeps_ == 0 ? 0 : static_cast<int>(recent_flips_.size()));
  std::vector<double> m(static_cast<std::size_t>(p));
  for (int mu = 0; mu < p; ++mu)
    m[mu] =
        (model_ == Model::modern ? scores_[mu] : pattern_dot(x.col(mu).data(), values_.data(), n)) /
        n;
  trace_.overlaps.push_back(std::move(m));
  if (model_ == Model::modern) attention_.push_back(softmax_);
}

}  // namespace hopfield
