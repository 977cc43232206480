#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "core/pruning.hpp"
#include "core/spectrum.hpp"
#include "helpers.hpp"

using namespace hopfield;

TEST_CASE("Hebbian W of orthogonal patterns has eigenvalues N - P and -P", "[spectrum]") {
  // Rows of the 8x8 Sylvester-Hadamard matrix are mutually orthogonal: X X^T has eigenvalue
  // N on the span of the P patterns and 0 elsewhere, so W = X X^T - P I has N - P (P times)
  // and -P (N - P times).
  PatternMatrix x(8, 3);
  for (int i = 0; i < 8; ++i)
    for (int mu = 0; mu < 3; ++mu) x(i, mu) = (__builtin_popcount(i & (mu + 1)) % 2) ? -1 : 1;
  const Network net = test::network_with(x);
  const Eigenvalues e = eigenvalues(net.raw_weights());
  REQUIRE(e.symmetric);
  REQUIRE(e.re.size() == 8);
  for (int k = 0; k < 5; ++k) CHECK(e.re[k] == Approx(-3).margin(1e-9));
  for (int k = 5; k < 8; ++k) CHECK(e.re[k] == Approx(5).margin(1e-9));
  for (double im : e.im) CHECK(im == 0);
}

TEST_CASE("a cyclic permutation's eigenvalues are the roots of unity", "[spectrum]") {
  Eigen::MatrixXf w = Eigen::MatrixXf::Zero(3, 3);
  w(1, 0) = w(2, 1) = w(0, 2) = 1;
  const Eigenvalues e = eigenvalues(w);
  REQUIRE_FALSE(e.symmetric);
  REQUIRE(e.re.size() == 3);
  // Sorted by real part, then imaginary: -1/2 - i sqrt3/2, -1/2 + i sqrt3/2, 1.
  CHECK(e.re[0] == Approx(-0.5));
  CHECK(e.im[0] == Approx(-std::sqrt(3.0) / 2));
  CHECK(e.re[1] == Approx(-0.5));
  CHECK(e.im[1] == Approx(std::sqrt(3.0) / 2));
  CHECK(e.re[2] == Approx(1));
  CHECK(e.im[2] == Approx(0).margin(1e-12));
  CHECK_THROWS_AS(eigenvalues(Eigen::MatrixXf::Zero(2, 3)), std::invalid_argument);
}

TEST_CASE("pruning entry by entry makes the spectrum complex; the trace stays 0", "[spectrum]") {
  Network sym = test::network_with(test::random_patterns(40, 5, 3));
  Network asym = sym;
  Rng rng(4), rng2(4);
  prune_random(sym, 0.5, rng);
  prune_random(asym, 0.5, rng2, PruneSymmetry::independent_entries);
  const Eigenvalues a = eigenvalues(sym.raw_weights());
  const Eigenvalues b = eigenvalues(asym.raw_weights());
  CHECK(a.symmetric);
  CHECK_FALSE(b.symmetric);
  CHECK(std::any_of(b.im.begin(), b.im.end(), [](double v) { return std::abs(v) > 1e-6; }));
  // Sum of eigenvalues = trace of W = 0 (no self-connections); complex ones come in pairs.
  CHECK(std::accumulate(a.re.begin(), a.re.end(), 0.0) == Approx(0).margin(1e-9));
  CHECK(std::accumulate(b.re.begin(), b.re.end(), 0.0) == Approx(0).margin(1e-9));
  CHECK(std::accumulate(b.im.begin(), b.im.end(), 0.0) == Approx(0).margin(1e-9));
}

TEST_CASE("histogram counts values into even bins, the last one closed", "[spectrum]") {
  const std::vector<double> v = {-1, -0.5, 0, 0.49, 0.5, 1, 1.5, -2};
  const Histogram h = histogram(v, -1, 1, 4);  // bins [-1,-.5) [-.5,0) [0,.5) [.5,1]
  CHECK(h.counts == std::vector<int>{1, 1, 2, 2});
  CHECK(h.bin_width() == 0.5);
  CHECK_THROWS_AS(histogram(v, 1, 1, 4), std::invalid_argument);
  CHECK_THROWS_AS(histogram(v, 0, 1, 0), std::invalid_argument);
}
