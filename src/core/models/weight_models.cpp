#include "core/models/weight_models.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/corruption.hpp"
#include "core/dynamics.hpp"
#include "core/learning.hpp"
#include "core/parse.hpp"

namespace hopfield {

namespace {

constexpr std::uint64_t kSpuriousStream = 18;  // count_spurious_fixed_points' random states
constexpr std::uint64_t kAgeStream = 19;       // retrieval_by_age's patterns and flips

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

bool forgets(const ModelOptions& m) {
  return m.decay != 1.0 || m.clip > 0;
}

// One learning step of a palimpsest: W <- decay W + a b^T + symmetric b b^T, zero diagonal,
// then |W_ij| <= clip. In double per entry, stored as float, in a fixed order.
void learn_step(Eigen::MatrixXf& w, const SpinVector& a, const SpinVector& b, double symmetric,
                double decay, double clip) {
  const Eigen::Index n = w.rows();
  for (Eigen::Index j = 0; j < n; ++j) {
    float* col = w.col(j).data();
    const double bj = b[j];
    for (Eigen::Index i = 0; i < n; ++i) {
      double v = decay * static_cast<double>(col[i]) + a[i] * bj + symmetric * b[i] * bj;
      if (clip > 0) v = std::min(clip, std::max(-clip, v));
      col[i] = static_cast<float>(v);
    }
    col[j] = 0.0f;
  }
}

}  // namespace

bool needs_model_weights(const ModelOptions& m) {
  if (m.model == Model::sparse) return true;
  return (m.model == Model::classic || m.model == Model::continuous) && has_weight_modifiers(m);
}

void check_weight_model(const ModelOptions& m, Rule rule) {
  const bool modifier_model = m.model == Model::classic || m.model == Model::continuous;
  require(modifier_model || !has_weight_modifiers(m),
          "the weight modifiers (dreams, clip, decay, connectivity, the sequence rule) belong to "
          "the classic and continuous models, not to the " +
              to_string(m.model) + " model: turn them off first");
  require(m.model != Model::sparse || rule == Rule::hebbian,
          "the sparse model learns by its covariance rule: choose the Hebbian rule, not " +
              to_string(rule));
  require(rule == Rule::hebbian || (!m.sequence && !forgets(m)),
          "forgetting (decay, clip) and the sequence rule change Hebbian learning pattern by "
          "pattern: use them with the Hebbian rule, not " +
              to_string(rule));
}

ModelWeights model_weights(const PatternMatrix& patterns, Rule rule, const ModelOptions& m) {
  check_model_options(m);
  check_weight_model(m, rule);
  if (m.model == Model::sparse)
    return sparse_weights(patterns, sparse_activity(patterns, m), m.threshold);
  ModelWeights out;
  if (m.sequence)
    out.w_raw = sequence_weights(patterns, m.sequence_symmetric, m.decay, m.clip);
  else if (forgets(m))
    out.w_raw = forgetting_weights(patterns, m.decay, m.clip);
  else if (rule == Rule::storkey)
    out.w_raw = storkey_weights(patterns);
  else if (rule == Rule::pseudoinverse)
    out.w_raw = pseudoinverse_weights(patterns);
  else
    out.w_raw = hebbian_weights(patterns);
  if (m.connectivity < 1.0) {
    Rng rng(m.weight_seed, kDilutionStream);
    dilute(out.w_raw, m.connectivity, m.asymmetric_dilution, rng);
  }
  if (m.dreams > 0 && patterns.cols() > 0)
    unlearn(out.w_raw, m.dreams, m.dream_epsilon, m.weight_seed);
  return out;
}

// ---- sparse patterns ----

double mean_activity(const PatternMatrix& patterns) {
  if (patterns.size() == 0) return 0.5;
  long long active = 0;
  for (Eigen::Index k = 0; k < patterns.size(); ++k) active += patterns.data()[k] > 0;
  return static_cast<double>(active) / static_cast<double>(patterns.size());
}

double sparse_activity(const PatternMatrix& patterns, const ModelOptions& m) {
  return m.activity < 0 ? mean_activity(patterns) : m.activity;
}

Eigen::MatrixXf sparse_covariance_weights(const PatternMatrix& patterns, double a) {
  require(std::isfinite(a) && a >= 0 && a <= 1,
          "the activity must be between 0 and 1, not " + format_number(a));
  // With s = 2 sigma - 1 and H = sum_mu s s^T (exact integer counts), n_i = active count of
  // neuron i: sum_mu (sigma_i - a)(sigma_j - a) = H_ij / 4 + (1/2 - a)(n_i + n_j) - P (1/4 - a^2).
  const Eigen::Index n = patterns.rows(), p = patterns.cols();
  Eigen::MatrixXf w = hebbian_weights(patterns);
  std::vector<double> active(static_cast<std::size_t>(n), 0.0);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) active[static_cast<std::size_t>(i)] += patterns(i, mu) > 0;
  const double half_minus_a = 0.5 - a, offset = static_cast<double>(p) * (0.25 - a * a);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) {
      if (i == j) continue;
      const double v = 0.25 * static_cast<double>(w(i, j)) +
                       half_minus_a * (active[static_cast<std::size_t>(i)] +
                                       active[static_cast<std::size_t>(j)]) -
                       offset;
      w(i, j) = static_cast<float>(v);
    }
  return w;
}

ModelWeights sparse_weights(const PatternMatrix& patterns, double a, double theta) {
  require(std::isfinite(theta), "the threshold must be a finite number");
  ModelWeights out;
  out.w_raw = sparse_covariance_weights(patterns, a);
  const Eigen::Index n = out.w_raw.rows();
  out.bias = Eigen::VectorXd::Constant(n, -0.5 * theta);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) out.bias[i] += 0.25 * static_cast<double>(out.w_raw(i, j));
  out.w_raw *= 0.25f;  // exact: a power of two
  return out;
}

double sparse_energy_offset(const PatternMatrix& patterns, double a, double theta) {
  const Eigen::MatrixXf w01 = sparse_covariance_weights(patterns, a);
  return w01.cast<double>().sum() / 8.0 - theta * static_cast<double>(patterns.rows()) / 2.0;
}

PatternMatrix random_sparse_patterns(int n, int p, double a, Rng& rng) {
  require(n >= 1 && p >= 0, "random sparse patterns need N >= 1 and P >= 0");
  require(std::isfinite(a) && a >= 0 && a <= 1,
          "the activity must be between 0 and 1, not " + format_number(a));
  check_network_capacity(n, p);
  PatternMatrix x(n, p);
  for (int mu = 0; mu < p; ++mu)
    for (int i = 0; i < n; ++i) x(i, mu) = rng.bernoulli(a) ? Spin{1} : Spin{-1};
  return x;
}

// ---- classic modifiers ----

Eigen::MatrixXf forgetting_weights(const PatternMatrix& patterns, double decay, double clip) {
  const Eigen::Index n = patterns.rows();
  Eigen::MatrixXf w = Eigen::MatrixXf::Zero(n, n);
  for (Eigen::Index mu = 0; mu < patterns.cols(); ++mu) {
    const SpinVector xi = patterns.col(mu);
    learn_step(w, xi, xi, 0.0, decay, clip);
  }
  return w;
}

Eigen::MatrixXf sequence_weights(const PatternMatrix& patterns, double symmetric, double decay,
                                 double clip) {
  const Eigen::Index n = patterns.rows(), p = patterns.cols();
  Eigen::MatrixXf w = Eigen::MatrixXf::Zero(n, n);
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    const SpinVector from = patterns.col(mu), to = patterns.col((mu + 1) % p);
    learn_step(w, to, from, symmetric, decay, clip);  // column j (from) drives row i (to)
  }
  return w;
}

void dilute(Eigen::MatrixXf& w, double c, bool asymmetric, Rng& rng) {
  require(std::isfinite(c) && c >= 0 && c <= 1,
          "the connectivity must be in [0, 1], not " + format_number(c));
  require(w.rows() == w.cols(), "dilution needs a square weight matrix");
  const Eigen::Index n = w.rows();
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = asymmetric ? 0 : j + 1; i < n; ++i) {
      if (i == j || rng.bernoulli(c)) continue;
      w(i, j) = 0.0f;
      if (!asymmetric) w(j, i) = 0.0f;
    }
}

void unlearn(Eigen::MatrixXf& w, int dreams, double eps, std::uint64_t seed) {
  require(dreams >= 0 && dreams <= kMaxDreams,
          "the number of dreams must be from 0 to " + std::to_string(kMaxDreams));
  require(std::isfinite(eps) && eps > 0, "the unlearning step eps must be a positive number");
  require(w.rows() == w.cols(), "unlearning needs a square weight matrix");
  const int n = static_cast<int>(w.rows());
  const float e = static_cast<float>(eps);
  SpinVector s(n);
  std::vector<double> h(static_cast<std::size_t>(n));
  for (int d = 0; d < dreams; ++d) {
    Rng rng(seed, kDreamStream, static_cast<std::uint64_t>(d));
    for (int i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? Spin{1} : Spin{-1};
    std::fill(h.begin(), h.end(), 0.0);
    for (int j = 0; j < n; ++j) {
      const float* col = w.col(j).data();
      for (int i = 0; i < n; ++i)
        h[static_cast<std::size_t>(i)] += s[j] * static_cast<double>(col[i]);
    }
    // Asynchronous T = 0 recall on the current W: sign of h, ties keep.
    for (int sweep = 0; sweep < kDreamSweeps; ++sweep) {
      int flips = 0;
      for (int i : rng.permutation(n)) {
        const double hi = h[static_cast<std::size_t>(i)];
        const Spin next = hi > 0 ? Spin{1} : hi < 0 ? Spin{-1} : s[i];
        if (next == s[i]) continue;
        s[i] = next;
        ++flips;
        const float* col = w.col(i).data();
        for (int k = 0; k < n; ++k)
          h[static_cast<std::size_t>(k)] += 2.0 * next * static_cast<double>(col[k]);
      }
      if (flips == 0) break;
    }
    // W -= eps s s^T off the diagonal: s_i s_j = +-1, so each entry moves by exactly -+e.
    for (int j = 0; j < n; ++j) {
      float* col = w.col(j).data();
      const float ej = s[j] > 0 ? e : -e;
      for (int i = 0; i < n; ++i)
        if (i != j) col[i] -= s[i] > 0 ? ej : -ej;
    }
  }
}

// ---- measurements ----

FixedPointCount count_spurious_fixed_points(const Network& net, int trials, std::uint64_t seed) {
  require(trials >= 0, "the number of trials must be 0 or more");
  FixedPointCount out;
  out.trials = trials;
  const int n = net.size();
  for (int t = 0; t < trials; ++t) {
    Rng rng(seed, kSpuriousStream, static_cast<std::uint64_t>(t));
    SpinVector s(n);
    for (int i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? Spin{1} : Spin{-1};
    DynamicsOptions options;
    options.seed = seed + static_cast<std::uint64_t>(t);
    Recall run(net, s, options, std::nullopt, Tracing::none);
    if (run.run() != Outcome::fixed_point) {
      ++out.not_converged;
      continue;
    }
    bool stored = false;
    for (int mu = 0; mu < net.pattern_count() && !stored; ++mu)
      stored = std::abs(dot(net.patterns().col(mu), run.state())) == n;
    ++(stored ? out.ended_at_stored : out.spurious);
  }
  return out;
}

std::vector<double> retrieval_by_age(int n, int stored, double clip, double decay,
                                     double flip_fraction, int trials, std::uint64_t seed) {
  require(stored >= 1 && trials >= 1, "retrieval by age needs at least one pattern and one trial");
  ModelOptions model;
  model.clip = clip;
  model.decay = decay;
  check_model_options(model);
  std::vector<double> retrieved(static_cast<std::size_t>(stored), 0.0);
  for (int t = 0; t < trials; ++t) {
    Rng rng(seed, kAgeStream, static_cast<std::uint64_t>(t));
    Network net(n);
    net.set_model(model);
    net.store_all(random_sparse_patterns(n, stored, 0.5, rng));
    for (int mu = 0; mu < stored; ++mu) {
      const SpinVector xi = net.pattern(mu);
      DynamicsOptions options;
      options.seed = rng.next_u64();
      Recall run(net, hopfield::flip_fraction(xi, flip_fraction, rng), options, std::nullopt,
                 Tracing::none);
      run.run();
      if (run.state() == xi) retrieved[static_cast<std::size_t>(stored - 1 - mu)] += 1.0;
    }
  }
  for (double& r : retrieved) r /= trials;
  return retrieved;
}

}  // namespace hopfield
