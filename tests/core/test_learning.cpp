#include <catch2/catch.hpp>

#include "core/dynamics.hpp"
#include "core/learning.hpp"
#include "helpers.hpp"

using namespace hopfield;
using hopfield::test::spins;

TEST_CASE("Hebbian weights by hand", "[learning]") {
  PatternMatrix x(3, 2);
  x.col(0) = spins({1, -1, 1});
  x.col(1) = spins({1, 1, -1});
  const Eigen::MatrixXf w = hebbian_weights(x);
  // W_01 = (1)(-1) + (1)(1) = 0, W_02 = 1 - 1 = 0, W_12 = -1 - 1 = -2, zero diagonal.
  Eigen::MatrixXf expected(3, 3);
  expected << 0, 0, 0, 0, 0, -2, 0, -2, 0;
  CHECK(w == expected);
}

TEST_CASE("Hebbian weights, overlaps and pattern fields equal their sums, across word boundaries",
          "[learning]") {
  // Spins are packed 64 to a word (the wasm build's weights, every build's overlaps): sizes
  // below, at and above a word, against the plain integer sums of the definitions.
  for (auto [n, p] : {std::pair{5, 3}, {64, 64}, {65, 63}, {130, 129}, {200, 7}}) {
    const PatternMatrix x = test::random_patterns(n, p, static_cast<std::uint64_t>(n + p));
    Eigen::MatrixXi o(p, p);
    for (int a = 0; a < p; ++a)
      for (int b = 0; b < p; ++b) {
        int sum = 0;
        for (int i = 0; i < n; ++i) sum += x(i, a) * x(i, b);
        o(a, b) = sum;
      }
    CHECK(pattern_overlaps(x) == o);
    Eigen::MatrixXf w(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        int sum = 0;
        for (int mu = 0; mu < p; ++mu) sum += x(i, mu) * x(j, mu);
        w(i, j) = i == j ? 0.0f : static_cast<float>(sum);
      }
    CHECK(hebbian_weights(x) == w);
    // h^mu = W_raw xi^mu, the field each stored pattern sees.
    const Eigen::MatrixXf h = w * x.cast<float>();
    CHECK(hebbian_pattern_fields(x) == h);
  }
}

TEST_CASE("an empty network's Hebbian weights are zero at every size", "[learning]") {
  // No patterns: W = 0 (Eigen's rank update of zero columns used to divide by zero at N = 300,
  // so the weights panel or pruning of an empty grid crashed).
  for (int n : {1, 10, 300}) {
    const Eigen::MatrixXf w = hebbian_weights(PatternMatrix(n, 0));
    REQUIRE(w.rows() == n);
    REQUIRE(w.cols() == n);
    CHECK(w.isZero(0.0f));
    CHECK(Network(n).raw_weights().isZero(0.0f));
  }
}

TEST_CASE("unlearning by subtraction restores the previous weights exactly", "[learning]") {
  const PatternMatrix x = test::random_patterns(40, 6, 1);
  Eigen::MatrixXf w = hebbian_weights(x.leftCols(5));
  const Eigen::MatrixXf before = w;
  hebbian_update(w, x.col(5), +1);
  CHECK(w == hebbian_weights(x));
  hebbian_update(w, x.col(5), -1);
  CHECK(w == before);
}

// Storkey's rule straight from the formula, with h_ij = sum_{k != i, j} W_ik xi_k written as
// the explicit sum: a second implementation to check the optimized one against.
static Eigen::MatrixXd storkey_reference(const PatternMatrix& x) {
  const auto n = x.rows();
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu) {
    Eigen::MatrixXd next = w;
    auto h = [&](Eigen::Index i, Eigen::Index j) {
      double s = 0;
      for (Eigen::Index k = 0; k < n; ++k)
        if (k != i && k != j) s += w(i, k) * x(k, mu);
      return s;
    };
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j)
        if (i != j)
          next(i, j) = w(i, j) + (double(x(i, mu) * x(j, mu)) - x(i, mu) * h(j, i) -
                                  h(i, j) * x(j, mu)) / double(n);
    w = next;
  }
  return w;
}

TEST_CASE("Storkey rule: first pattern is Hebbian / N; later ones match the formula",
          "[learning]") {
  PatternMatrix one(3, 1);
  one.col(0) = spins({1, -1, 1});
  Eigen::MatrixXf w1 = storkey_weights(one);
  CHECK(w1(0, 1) == Approx(-1.0 / 3));
  CHECK(w1(0, 2) == Approx(1.0 / 3));
  CHECK(w1(1, 1) == 0.0f);

  const PatternMatrix x = test::random_patterns(24, 5, 2);
  const Eigen::MatrixXf w = storkey_weights(x);
  const Eigen::MatrixXd ref = storkey_reference(x);
  CHECK((w.cast<double>() - ref).cwiseAbs().maxCoeff() < 1e-6);
  CHECK(w == w.transpose());
}

TEST_CASE("pseudo-inverse rule is the projection onto the stored patterns", "[learning]") {
  const PatternMatrix x = test::random_patterns(60, 20, 3);
  const Eigen::MatrixXd w = pseudoinverse_weights(x).cast<double>();
  const Eigen::MatrixXd xd = x.cast<double>();
  CHECK((w * xd - xd).cwiseAbs().maxCoeff() < 1e-5);  // W xi = xi
  CHECK((w * w - w).cwiseAbs().maxCoeff() < 1e-5);    // idempotent
  CHECK(w.trace() == Approx(20.0).epsilon(1e-5));      // rank P
  CHECK((w - w.transpose()).cwiseAbs().maxCoeff() < 1e-6);
}

TEST_CASE("pseudo-inverse rule rejects dependent patterns and P > N", "[learning]") {
  PatternMatrix x(4, 3);
  x.col(0) = spins({1, 1, 1, 1});
  x.col(1) = spins({1, -1, 1, -1});
  x.col(2) = -x.col(0);  // dependent
  CHECK_THROWS_WITH(pseudoinverse_weights(x), Catch::Contains("pattern 2"));
  CHECK_THROWS_WITH(pseudoinverse_weights(test::random_patterns(4, 5, 1)),
                    Catch::Contains("cannot be linearly independent"));
}

TEST_CASE("pseudo-inverse stores P <= N independent patterns as exact fixed points",
          "[learning]") {
  // P = 0.5 N is far beyond Hebbian capacity (0.138 N).
  const PatternMatrix x = test::random_patterns(100, 50, 4);
  const Network pi = test::network_with(x, Rule::pseudoinverse);
  const Network hebb = test::network_with(x, Rule::hebbian);
  int hebbian_fixed = 0;
  for (int mu = 0; mu < 50; ++mu) {
    DynamicsOptions o;
    o.mode = UpdateMode::synchronous;
    o.max_sweeps = 1;
    CHECK(recall(pi, x.col(mu), o).trace().flips[1] == 0);
    hebbian_fixed += recall(hebb, x.col(mu), o).trace().flips[1] == 0;
  }
  CHECK(hebbian_fixed < 50);  // shows the test is not trivially true
}

// Patterns that share a prototype: each pixel copied from it with probability 0.85.
static PatternMatrix correlated_patterns(int n, int p, std::uint64_t seed) {
  Rng rng(seed, 7);
  const SpinVector prototype = test::random_spins(n, rng);
  PatternMatrix x(n, p);
  for (int mu = 0; mu < p; ++mu)
    for (int i = 0; i < n; ++i) x(i, mu) = rng.bernoulli(0.85) ? prototype[i] : -prototype[i];
  return x;
}

TEST_CASE("Storkey beats Hebbian on correlated patterns", "[learning]") {
  int storkey_fixed = 0, hebbian_fixed = 0, total = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const PatternMatrix x = correlated_patterns(100, 8, seed);
    const Network st = test::network_with(x, Rule::storkey);
    const Network hb = test::network_with(x, Rule::hebbian);
    for (int mu = 0; mu < x.cols(); ++mu, ++total) {
      DynamicsOptions o;
      o.seed = seed;
      storkey_fixed += recall(st, x.col(mu), o).state() == x.col(mu);
      hebbian_fixed += recall(hb, x.col(mu), o).state() == x.col(mu);
    }
  }
  INFO("Storkey retrieved " << storkey_fixed << ", Hebbian " << hebbian_fixed << " of " << total);
  CHECK(storkey_fixed > hebbian_fixed + total / 4);
}
