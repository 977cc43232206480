// Shared test fixtures: random +/-1 patterns and small hand-made vectors.
#pragma once

#include <initializer_list>

#include "core/dynamics.hpp"
#include "core/learning.hpp"
#include "core/network.hpp"
#include "core/rng.hpp"

namespace hopfield::test {

// Every update mode, for the tests that run each.
inline constexpr UpdateMode kAllModes[] = {UpdateMode::synchronous, UpdateMode::async_random,
                                           UpdateMode::async_sequential};

inline SpinVector spins(std::initializer_list<int> values) {
  SpinVector s(static_cast<Eigen::Index>(values.size()));
  int i = 0;
  for (int v : values) s[i++] = static_cast<Spin>(v);
  return s;
}

inline SpinVector random_spins(int n, Rng& rng) {
  SpinVector s(n);
  for (int i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? 1 : -1;
  return s;
}

inline PatternMatrix random_patterns(int n, int p, std::uint64_t seed) {
  Rng rng(seed, 99);
  PatternMatrix x(n, p);
  for (int mu = 0; mu < p; ++mu) x.col(mu) = random_spins(n, rng);
  return x;
}

inline Network network_with(const PatternMatrix& x, Rule rule = Rule::hebbian,
                            HebbianScale scale = HebbianScale::none) {
  Network net(static_cast<int>(x.rows()), rule, scale);
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu) net.store(x.col(mu));
  return net;
}

// A network holding the columns of x under `model` (models.hpp).
inline Network network_with_model(const PatternMatrix& x, const ModelOptions& model) {
  Network net = network_with(x);
  net.set_model(model);
  return net;
}

// The dense scaled weight matrix W = scale * W_raw, in double.
inline Eigen::MatrixXd dense_weights(const Network& net) {
  return net.weight_scale() * net.raw_weights().cast<double>();
}

// One entry W_ij of the scaled weight matrix.
inline double weight(const Network& net, int i, int j) {
  return net.weight_scale() * static_cast<double>(net.raw_weights()(i, j));
}

}  // namespace hopfield::test
