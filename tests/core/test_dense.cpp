// The dense associative memory (Krotov and Hopfield 2016) run by Recall: src/core/dense_memory.*
// and the dense branches of Network and Recall.
#include <catch2/catch.hpp>
#include <numeric>
#include <cmath>
#include <map>

#include "core/corruption.hpp"
#include "core/models/dense_memory.hpp"
#include "core/dynamics.hpp"
#include "helpers.hpp"

using namespace hopfield;
using hopfield::test::spins;

namespace {

DynamicsOptions options(UpdateMode mode, TieRule tie, std::uint64_t seed, int max_sweeps = 100) {
  DynamicsOptions o;
  o.mode = mode;
  o.tie = tie;
  o.seed = seed;
  o.max_sweeps = max_sweeps;
  return o;
}

Network dense_network(const PatternMatrix& x, Interaction f) {
  ModelOptions m;
  m.model = Model::dense;
  m.interaction = f;
  return test::network_with_model(x, m);
}

// How many of the stored patterns `which` come back from 10% flips (asynchronous, seeded by
// the pattern's index).
int retrieved_from_flips(const Network& net, const PatternMatrix& x, const std::vector<int>& which) {
  int retrieved = 0;
  for (int mu : which) {
    Rng rng(static_cast<std::uint64_t>(mu), kCorruptionStream);
    const SpinVector probe = flip_fraction(x.col(mu), 0.1, rng);
    const Recall r =
        recall(net, probe,
               options(UpdateMode::async_random, TieRule::keep, static_cast<std::uint64_t>(mu)));
    retrieved += r.state() == x.col(mu);
  }
  return retrieved;
}

constexpr Interaction kPoly2{InteractionKind::poly, 2};
constexpr Interaction kPoly3{InteractionKind::poly, 3};
constexpr Interaction kRectpoly3{InteractionKind::rectpoly, 3};
constexpr Interaction kExp{InteractionKind::exp, 0};
constexpr TieRule kAllTies[] = {TieRule::keep, TieRule::plus, TieRule::minus};

// F(x) of the definition, in long double, for the tests' own sums.
long double interaction_f(Interaction f, int x) {
  if (f.kind == InteractionKind::exp) return std::exp(static_cast<long double>(x));
  if (f.kind == InteractionKind::rectpoly && x < 0) return 0;
  return std::pow(static_cast<long double>(x), f.degree);
}

// E = -sum_mu F(xi^mu . s), straight from the definition.
long double naive_energy(const PatternMatrix& x, Interaction f, const SpinVector& s) {
  long double e = 0;
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu) e -= interaction_f(f, dot(x.col(mu), s));
  return e;
}

}  // namespace

TEST_CASE("poly:2 is the Hebbian network: same states, outcomes, sweeps and flips", "[dense]") {
  // F(x) = x^2: G(r) = (r + 1)^2 - (r - 1)^2 = 4 r, so D_i = 4 sum_mu xi_i^mu r_mu = 4 h_i for
  // the zero-diagonal Hebbian W (h_i = sum_mu xi_i^mu sum_{j != i} xi_j^mu s_j): every update,
  // tie and random draw is the same. Energies: s^T W s = sum_mu m_mu^2 - P N, so
  // E_hebb = -1/2 (sum m^2 - P N) and E_dense = -sum m^2 = 2 E_hebb - P N.
  // N = 64 is even: r_mu (a sum of 63 spins) is odd, so h_i (P odd terms) can be 0 for even P.
  int ties_seen = 0;
  int tie_rule_mattered = 0;
  int runs = 0;
  for (int p = 3; p <= 10; ++p) {
    const int n = 64;
    const PatternMatrix x = test::random_patterns(n, p, 100 + static_cast<std::uint64_t>(p));
    Network classic = test::network_with(x);
    // Both of the classic model's field paths: from the patterns, and the dense integer W.
    if (p % 2 == 1) classic.set_field_path(Network::FieldPath::dense);
    const Network dense = dense_network(x, kPoly2);
    Rng rng(static_cast<std::uint64_t>(p), 7);
    for (int probe_kind = 0; probe_kind < 3; ++probe_kind) {
      const SpinVector probe =
          probe_kind == 0 ? test::random_spins(n, rng) : flip_fraction(x.col(probe_kind), 0.3, rng);
      const Eigen::VectorXd h = classic.local_fields(probe);
      for (int i = 0; i < n; ++i) ties_seen += h[i] == 0.0;
      for (UpdateMode mode : test::kAllModes) {
        std::vector<SpinVector> finals;
        for (TieRule tie : kAllTies) {
          const DynamicsOptions o = options(mode, tie, 1000 + static_cast<std::uint64_t>(p), 30);
          Recall a(classic, probe, o), b(dense, probe, o);
          while (!a.finished()) {
            a.step_sweep();
            b.step_sweep();
            REQUIRE(a.state() == b.state());
            REQUIRE(a.recent_flips() == b.recent_flips());
          }
          CHECK(b.finished());
          CHECK(a.outcome() == b.outcome());
          CHECK(a.sweeps() == b.sweeps());
          CHECK(a.trace().flips == b.trace().flips);
          CHECK(a.trace().hamming == b.trace().hamming);
          CHECK(a.trace().overlaps == b.trace().overlaps);
          for (int row = 0; row < a.trace().rows(); ++row)
            CHECK(b.trace().energy[row] == 2.0 * a.trace().energy[row] - p * n);
          CHECK(dense.energy(b.state()) == 2.0 * classic.energy(a.state()) - p * n);
          finals.push_back(b.state());
          ++runs;
        }
        tie_rule_mattered += finals[0] != finals[1] || finals[0] != finals[2];
      }
    }
  }
  CHECK(runs == 8 * 3 * 3 * 3);
  CHECK(ties_seen > 0);          // the probes hold ties...
  CHECK(tie_rule_mattered > 0);  // ...and some change where a run ends
}

TEST_CASE("hand-worked poly:3 on 5 neurons: D_i, ties and a sequential sweep", "[dense]") {
  // xi^1 = (+ + + + +), xi^2 = (+ - + - -), s = (- + + - +): m_1 = 1, m_2 = -1.
  // G(r) = (r + 1)^3 - (r - 1)^3 = 6 r^2 + 2: G(0) = 2, G(2) = 26, G(4) = 98.
  // r_mu = m_mu - xi_i^mu s_i, D_i = sum_mu xi_i^mu G(r_mu):
  //   i = 0 (xi = +,+; s = -): r = (2, 0)   D = 26 + 2 = 28
  //   i = 1 (xi = +,-; s = +): r = (0, 0)   D = 2 - 2 = 0   (a tie)
  //   i = 2 (xi = +,+; s = +): r = (0, -2)  D = 2 + 26 = 28
  //   i = 3 (xi = +,-; s = -): r = (2, -2)  D = 26 - 26 = 0 (a tie)
  //   i = 4 (xi = +,-; s = +): r = (0, 0)   D = 0           (a tie)
  // E = -(1^3 + (-1)^3) = 0.
  PatternMatrix x(5, 2);
  x.col(0) = spins({1, 1, 1, 1, 1});
  x.col(1) = spins({1, -1, 1, -1, -1});
  const SpinVector s = spins({-1, 1, 1, -1, 1});
  const Network net = dense_network(x, kPoly3);
  const Eigen::VectorXd d = net.local_fields(s);
  CHECK(std::vector<double>(d.data(), d.data() + 5) == std::vector<double>{28, 0, 28, 0, 0});
  CHECK(net.pattern_votes(s, 0) == std::vector<double>{26, 2});
  CHECK(net.pattern_votes(s, 3) == std::vector<double>{26, -26});
  CHECK(local_field(net, s, 2) == 28.0);
  CHECK(net.energy(s) == 0.0);

  SECTION("synchronous, keep: s_0 turns +, the ties stay") {
    Recall r(net, s, options(UpdateMode::synchronous, TieRule::keep, 0));
    r.step_sweep();
    CHECK(r.state() == spins({1, 1, 1, -1, 1}));
  }
  SECTION("sequential, keep: the tie at neuron 1 stays +, the sweep ends on xi^1") {
    // i = 0: D = 28 -> +; now s = (+ + + - +), m = (3, 1).
    // i = 1: r = (2, 2), D = 26 - 26 = 0: keeps +.   i = 2: r = (2, 0), D = 28: +.
    // i = 3: r = (4, 0), D = 98 - 2 = 96 -> + (flip); s = xi^1, m = (5, -1).
    // i = 4: r = (4, 0), D = 96: +. Sweep 2 from xi^1 flips nothing (D_i >= 96 everywhere).
    // E: 0, then -(125 - 1) = -124.
    const Recall r = recall(net, s, options(UpdateMode::async_sequential, TieRule::keep, 0));
    CHECK(r.state() == x.col(0));
    CHECK(r.outcome() == Outcome::fixed_point);
    CHECK(r.sweeps() == 2);
    CHECK(r.trace().flips == std::vector<int>{0, 2, 0});
    CHECK(r.trace().energy == std::vector<double>{0, -124, -124});
  }
  SECTION("sequential, minus: the tie at neuron 1 turns -, the sweep ends on xi^2") {
    // i = 0: D = 28 -> +; m = (3, 1).  i = 1: D = 0 -> - (flip); s = (+ - + - +), m = (1, 3).
    // i = 2: r = (0, 2), D = 2 + 26 = 28: +.  i = 3: r = (2, 2), D = 0 -> - (stays).
    // i = 4: r = (0, 4), D = 2 - 98 = -96 -> - (flip); s = xi^2, m = (-1, 5).
    // Sweep 2 from xi^2: D = (124, -96, 124, -96, -96), no flip. E: 0, -(-1 + 125) = -124.
    const Recall r = recall(net, s, options(UpdateMode::async_sequential, TieRule::minus, 0));
    CHECK(r.state() == x.col(1));
    CHECK(r.sweeps() == 2);
    CHECK(r.trace().flips == std::vector<int>{0, 3, 0});
    CHECK(r.trace().energy == std::vector<double>{0, -124, -124});
  }
}

TEST_CASE("rectpoly ignores anti-aligned patterns where odd poly does not", "[dense]") {
  // Same patterns, s = -xi^2 = (- + - + +): m_1 = 1, m_2 = -5.
  // poly:3, G(r) = 6 r^2 + 2 (even in r: an anti-aligned pattern pulls as hard as an aligned one,
  // since F is odd and -xi^2 is an energy maximum):
  //   i = 0 (xi = +,+; s = -): r = (2, -4)  D = G(2) + G(-4) = 26 + 98 = 124
  //   i = 1 (xi = +,-; s = +): r = (0, -4)  D = G(0) - G(-4) = 2 - 98 = -96; i = 2, 3, 4 alike.
  //   A synchronous step goes to (+ - + - -) = xi^2; E = -(1 - 125) = 124.
  // rectpoly:3, G(r) = max(r + 1, 0)^3 - max(r - 1, 0)^3: G(2) = 26, G(0) = 1, G(-4) = 0:
  //   D = (26, 1, 26, 1, 1): a synchronous step goes to xi^1; E = -(1 + 0) = -1.
  PatternMatrix x(5, 2);
  x.col(0) = spins({1, 1, 1, 1, 1});
  x.col(1) = spins({1, -1, 1, -1, -1});
  const SpinVector s = spins({-1, 1, -1, 1, 1});
  const Network poly = dense_network(x, kPoly3), rect = dense_network(x, kRectpoly3);
  const Eigen::VectorXd dp = poly.local_fields(s), dr = rect.local_fields(s);
  CHECK(std::vector<double>(dp.data(), dp.data() + 5) ==
        std::vector<double>{124, -96, 124, -96, -96});
  CHECK(std::vector<double>(dr.data(), dr.data() + 5) == std::vector<double>{26, 1, 26, 1, 1});
  CHECK(poly.energy(s) == 124.0);
  CHECK(rect.energy(s) == -1.0);
  Recall rp(poly, s, options(UpdateMode::synchronous, TieRule::keep, 0));
  Recall rr(rect, s, options(UpdateMode::synchronous, TieRule::keep, 0));
  rp.step_sweep();
  rr.step_sweep();
  CHECK(rp.state() == x.col(1));
  CHECK(rr.state() == x.col(0));
}

namespace {

// D_i for F = exp straight from the definition, in long double, with an exact tie test: the
// terms are xi e^{r_mu} (e - 1/e), and e is transcendental, so D_i = 0 exactly when for every
// value r the xi_i^mu of the patterns with r_mu = r sum to 0. Returns 0 for such a tie.
int naive_exp_sign(const PatternMatrix& x, const SpinVector& s, int i) {
  std::map<int, int> counts;
  long double d = 0;
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu) {
    const int xi = x(i, mu);
    const int r = dot(x.col(mu), s) - xi * s[i];
    counts[r] += xi;
    d += std::exp(static_cast<long double>(xi + r)) - std::exp(static_cast<long double>(-xi + r));
  }
  bool tie = true;
  for (const auto& [r, c] : counts) tie = tie && c == 0;
  if (tie) return 0;
  return d > 0 ? 1 : -1;
}

}  // namespace

TEST_CASE("exp on a small network agrees with a direct double computation", "[dense]") {
  // Even P: the xi_i^mu can cancel in pairs (a tie). Pairs of patterns with r_A = r_B need an
  // even number of differences outside neuron i, so several pattern sets.
  const int n = 8, p = 4;
  int ties = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const PatternMatrix x = test::random_patterns(n, p, 31 + static_cast<std::uint64_t>(trial / 8));
    const Network net = dense_network(x, kExp);
    Rng rng(static_cast<std::uint64_t>(trial), 5);
    const SpinVector s = test::random_spins(n, rng);
    CHECK(net.energy(s) == Approx(static_cast<double>(naive_energy(x, kExp, s))).epsilon(1e-14));
    const Eigen::VectorXd d = net.local_fields(s);
    for (int i = 0; i < n; ++i) {
      // Each pattern's term exp(xi + r) - exp(-xi + r), shifted by M = max_mu r_mu + 1.
      int m_shift = -n;
      for (int mu = 0; mu < p; ++mu)
        m_shift = std::max(m_shift, dot(x.col(mu), s) - x(i, mu) * s[i] + 1);
      const std::vector<double> votes = net.pattern_votes(s, i);
      for (int mu = 0; mu < p; ++mu) {
        const int xi = x(i, mu), r = dot(x.col(mu), s) - xi * s[i];
        const double term = std::exp(xi + r - m_shift) - std::exp(-xi + r - m_shift);
        CHECK(votes[static_cast<std::size_t>(mu)] == Approx(term).epsilon(1e-14));
      }
      const int expected = naive_exp_sign(x, s, i);
      ties += expected == 0;
      CHECK((d[i] > 0) - (d[i] < 0) == expected);
    }
    // A sequential recall takes, neuron by neuron, the sign the direct computation gives.
    const Recall r = recall(net, s, options(UpdateMode::async_sequential, TieRule::keep, 0));
    SpinVector t = s;
    for (int sweep = 0; sweep < 100; ++sweep) {
      int flips = 0;
      for (int i = 0; i < n; ++i) {
        const int sign = naive_exp_sign(x, t, i);
        if (sign != 0 && sign != t[i]) {
          t[i] = static_cast<Spin>(sign);
          ++flips;
        }
      }
      if (flips == 0) {
        CHECK(r.sweeps() == sweep + 1);
        break;
      }
    }
    CHECK(r.state() == t);
  }
  CHECK(ties > 0);  // the exact-tie path was exercised (pairs of patterns cancelling)
}

TEST_CASE("poly:3 at N = 100 retrieves P = 50 patterns from 10% flips", "[dense]") {
  // Krotov and Hopfield: F = x^n stores about N^(n-1) / (2 (2n-3)!! ln N) patterns without
  // error; n = 3, N = 100: 100^2 / (2 * 3 * ln 100) ~ 362. P = 50 is far below (the Hebbian
  // network's N / (2 ln N) at this N is ~11), so each pattern comes back from 10 flips.
  const int n = 100, p = 50;
  const PatternMatrix x = test::random_patterns(n, p, 41);
  const Network net = dense_network(x, kPoly3);
  std::vector<int> all(static_cast<std::size_t>(p));
  std::iota(all.begin(), all.end(), 0);
  CHECK(retrieved_from_flips(net, x, all) >= 0.95 * p);
}

TEST_CASE("exp at N = 64 retrieves from 10% flips with P = 1000 patterns stored", "[dense]") {
  // Demircigil et al.: F = exp stores about 2^(N/2) patterns. From 6 flips the target's overlap
  // is 52, while 999 random patterns reach about 3.3 sqrt(64) ~ 26 at most: its term outweighs
  // the others by ~e^(52 - 26) / 1000, so every sampled pattern comes back.
  const int n = 64, p = 1000;
  const PatternMatrix x = test::random_patterns(n, p, 51);
  const Network net = dense_network(x, kExp);
  Rng pick(9);
  CHECK(retrieved_from_flips(net, x, pick.sample_without_replacement(p, 50)) == 50);
}

TEST_CASE("the dense energy never rises along an asynchronous run", "[dense]") {
  // Flipping s_i changes E by s_i D_i (s_i before the flip), and a flip happens only when D_i
  // has the other sign: E falls by exactly |D_i| (exact integers for poly and rectpoly).
  const int n = 40, p = 20;
  const PatternMatrix x = test::random_patterns(n, p, 61);
  for (Interaction f :
       {Interaction{InteractionKind::poly, 3}, Interaction{InteractionKind::poly, 4},
        Interaction{InteractionKind::rectpoly, 3}, Interaction{InteractionKind::rectpoly, 5},
        kExp}) {
    const Network net = dense_network(x, f);
    Rng rng(3);
    for (int trial = 0; trial < 5; ++trial) {
      const SpinVector s0 = test::random_spins(n, rng);
      Recall r(net, s0,
               options(UpdateMode::async_random, TieRule::keep, static_cast<std::uint64_t>(trial)));
      int flips = 0;
      while (!r.finished()) {
        const SpinVector before = r.state();
        const double e_before = r.energy();
        const int i = r.step_neuron();
        const double e_after = r.energy();
        if (f.kind == InteractionKind::exp) {
          CHECK(e_after <= e_before * (1 - 1e-13));
          if (r.state() != before) CHECK(e_after < e_before);
        } else {
          CHECK(e_after <= e_before);
          if (r.state() != before) {
            ++flips;
            CHECK(e_after == e_before - std::abs(net.local_fields(before)[i]));
          }
        }
      }
      CHECK(r.energy() == Approx(static_cast<double>(naive_energy(x, f, r.state()))));
      if (f.kind != InteractionKind::exp) CHECK(flips > 0);
    }
  }
}

TEST_CASE("the dense model refuses a temperature", "[dense]") {
  const Network net = dense_network(test::random_patterns(16, 2, 1), kPoly3);
  DynamicsOptions o;
  o.temperature = 0.5;
  CHECK_THROWS_WITH(Recall(net, net.pattern(0), o),
                    Catch::Contains("the dense model runs at T = 0"));
}

TEST_CASE("int64 where the bound allows, double beyond it, same signs as 128-bit integers",
          "[dense]") {
  // P * 2 * (N + 1)^n < 2^62: at N = 784, n = 5 that is P <= 7735.
  CHECK(DenseInteraction(Interaction{InteractionKind::poly, 5}, 784, 7735).exact());
  CHECK_FALSE(DenseInteraction(Interaction{InteractionKind::poly, 5}, 784, 7736).exact());
  CHECK_FALSE(DenseInteraction(kExp, 784, 1).exact());
  // poly:10 at N = 64, P = 5 runs in double (terms up to 2 * 64^10 ~ 2^61): near a pattern its
  // decision signs must still match the exact sums, here in 128-bit integers.
  __extension__ typedef __int128 Int128;
  const Interaction f{InteractionKind::poly, 10};
  const int n = 64, p = 5;
  const PatternMatrix x = test::random_patterns(n, p, 71);
  const Network net = dense_network(x, f);
  REQUIRE_FALSE(DenseInteraction(f, n, p).exact());
  Rng rng(8);
  for (int trial = 0; trial < 20; ++trial) {
    const SpinVector s = flip_fraction(x.col(trial % p), 0.05 * (trial % 8), rng);
    const Eigen::VectorXd d = net.local_fields(s);
    for (int i = 0; i < n; ++i) {
      Int128 exact = 0;
      for (int mu = 0; mu < p; ++mu) {
        const int xi = x(i, mu), r = dot(x.col(mu), s) - xi * s[i];
        Int128 plus = 1, minus = 1;
        for (int k = 0; k < 10; ++k) {
          plus *= xi + r;
          minus *= -xi + r;
        }
        exact += plus - minus;
      }
      CHECK((d[i] > 0) - (d[i] < 0) == (exact > 0) - (exact < 0));
    }
  }
}
