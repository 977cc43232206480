#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/corruption.hpp"
#include "core/dynamics.hpp"
#include "core/models/weight_models.hpp"
#include "helpers.hpp"

using namespace hopfield;
using hopfield::test::spins;

namespace {

ModelOptions sparse_model(double activity, double threshold) {
  ModelOptions m;
  m.model = Model::sparse;
  m.activity = activity;
  m.threshold = threshold;
  return m;
}

Network network_of(const PatternMatrix& x, const ModelOptions& m, Rule rule = Rule::hebbian) {
  Network net(static_cast<int>(x.rows()), rule);
  net.set_model(m);
  net.store_all(x);
  return net;
}

// The state of neurons i = 0..n-1 given by the bits of `code` (bit set: +1).
SpinVector state_of_bits(int n, int code) {
  SpinVector s(n);
  for (int i = 0; i < n; ++i) s[i] = (code >> i) & 1 ? Spin{1} : Spin{-1};
  return s;
}

// Fraction of the stored patterns that are fixed points or come back exactly from 10% flips
// (asynchronous T = 0 recall).
double fraction_kept(const Network& net, std::uint64_t seed) {
  Rng rng(seed, 5);
  int kept = 0;
  for (int mu = 0; mu < net.pattern_count(); ++mu) {
    const SpinVector xi = net.pattern(mu);
    DynamicsOptions o;
    o.seed = seed + static_cast<std::uint64_t>(mu);
    Recall still(net, xi, o, std::nullopt, Tracing::none);
    Recall back(net, flip_fraction(xi, 0.1, rng), o, std::nullopt, Tracing::none);
    still.run();
    back.run();
    kept += still.state() == xi || back.state() == xi;
  }
  return static_cast<double>(kept) / net.pattern_count();
}

// Fraction of the stored patterns recalled exactly from 5% flips.
double fraction_retrieved(const Network& net, Rng& rng) {
  int ok = 0;
  for (int mu = 0; mu < net.pattern_count(); ++mu) {
    const SpinVector xi = net.pattern(mu);
    DynamicsOptions o;
    o.seed = static_cast<std::uint64_t>(mu);
    Recall r(net, flip_fraction(xi, 0.05, rng), o, std::nullopt, Tracing::none);
    r.run();
    ok += r.state() == xi;
  }
  return static_cast<double>(ok) / net.pattern_count();
}

}  // namespace

TEST_CASE("sparse covariance weights, bias, fields and energy of a 2-pattern case by hand",
          "[weights]") {
  // sigma^1 = (1,1,0,0), sigma^2 = (1,0,1,0), a = 1/4, theta = 1/4.
  // sigma - a: d1 = (.75, .75, -.25, -.25), d2 = (.75, -.25, .75, -.25);
  // W01_ij = d1_i d1_j + d2_i d2_j:
  //   W01_01 = .5625 - .1875 = .375      W01_02 = -.1875 + .5625 = .375
  //   W01_03 = -.1875 - .1875 = -.375    W01_12 = -.1875 - .1875 = -.375
  //   W01_13 = -.1875 + .0625 = -.125    W01_23 = .0625 - .1875 = -.125
  // Row sums (.375, -.125, -.125, -.625), so b = rows / 4 - theta / 2 =
  //   (-.03125, -.15625, -.15625, -.28125).
  // Energy offset S / 8 - theta N / 2 with S = 2 (.375 + .375 - .375 - .375 - .125 - .125) = -.5:
  //   -.0625 - .5 = -.5625. At s = (1,1,-1,-1): E01 = -1/2 (2 x .375) + 1/4 x 2 = .125, and
  //   directly E = -1/2 (1.5 / 4) - (b0 + b1 - b2 - b3) = -.1875 - .25 = -.4375 = .125 - .5625.
  PatternMatrix x(4, 2);
  x.col(0) = spins({1, 1, -1, -1});
  x.col(1) = spins({1, -1, 1, -1});
  Eigen::Matrix4d w01;
  w01 << 0, .375, .375, -.375,  //
      .375, 0, -.375, -.125,    //
      .375, -.375, 0, -.125,    //
      -.375, -.125, -.125, 0;
  const Eigen::Vector4d b(-.03125, -.15625, -.15625, -.28125);
  const double theta = 0.25;

  CHECK(sparse_covariance_weights(x, 0.25).cast<double>() == w01);
  const Network net = network_of(x, sparse_model(0.25, theta));
  CHECK(net.raw_weights().cast<double>() == w01 / 4);
  CHECK(net.bias() == b);
  CHECK(net.weight_scale() == 1.0);
  CHECK(sparse_energy_offset(x, 0.25, theta) == -0.5625);
  CHECK(net.energy(x.col(0)) == Approx(-0.4375));

  // Every one of the 16 states: the +-1 fields are half the 0/1 fields h01 = W01 sigma - theta,
  // and the energies differ by the constant.
  for (int code = 0; code < 16; ++code) {
    const SpinVector s = state_of_bits(4, code);
    const Eigen::Vector4d sigma = (s.cast<double>().array() + 1.0) / 2.0;
    const Eigen::Vector4d h01 = w01 * sigma - Eigen::Vector4d::Constant(theta);
    const Eigen::VectorXd h = net.local_fields(s);
    for (int i = 0; i < 4; ++i) CHECK(h[i] == Approx(h01[i] / 2).margin(1e-12));
    const double e01 = -0.5 * sigma.dot(w01 * sigma) + theta * sigma.sum();
    CHECK(net.energy(s) - e01 == Approx(-0.5625).margin(1e-12));
  }
}

TEST_CASE("the sparse model's activity defaults to the patterns' and its bias replaces the user's",
          "[weights]") {
  // 3 active spins of 8: a = 3/8. With a = 1/2 the covariance rule is the Hebbian one / 4.
  PatternMatrix x(4, 2);
  x.col(0) = spins({1, 1, -1, -1});
  x.col(1) = spins({1, -1, -1, -1});
  CHECK(mean_activity(x) == 0.375);
  CHECK(mean_activity(PatternMatrix(4, 0)) == 0.5);
  CHECK(sparse_activity(x, sparse_model(-1, 0)) == 0.375);
  CHECK(sparse_activity(x, sparse_model(0.2, 0)) == 0.2);
  CHECK(sparse_covariance_weights(x, 0.5) == hebbian_weights(x) / 4);

  Network net(4, Rule::hebbian, HebbianScale::inv_n);
  net.store_all(x);
  const Eigen::VectorXd user = Eigen::Vector4d(1, 2, 3, 4);
  net.set_bias(user);
  net.set_model(sparse_model(-1, 1.0));
  CHECK(net.model_weights());
  CHECK(net.weight_scale() == 1.0);  // the Hebbian 1/N does not scale the model's W
  CHECK(net.bias() == sparse_weights(x, 0.375, 1.0).bias);
  net.set_model(ModelOptions{});
  CHECK(net.bias() == user);
  CHECK_FALSE(net.model_weights());
  CHECK(net.weight_scale() == 0.25);
}

TEST_CASE("sparse patterns at activity 0.1: the covariance rule retrieves them, Hebbian does not",
          "[weights]") {
  // N = 200, P = 20 (alpha 0.1), a = 0.1. Signal of the stored pattern in h01: (1 - a) N a (1 - a)
  // = 16.2 for an active neuron, -a N a (1 - a) = -1.8 for a silent one; the threshold between
  // them, theta = N a (1 - a)(1/2 - a) = 7.2, leaves ~9 against crosstalk of standard deviation
  // sqrt(P N a^3 (1 - a)^2) = 1.8. The Hebbian rule on the same +-1 patterns sees mostly the
  // common -1 background: they all look alike and none is recalled.
  const int n = 200, p = 20;
  const double a = 0.1, theta = n * a * (1 - a) * (0.5 - a);
  double sparse = 0, hebbian = 0;
  for (std::uint64_t t = 0; t < 3; ++t) {
    Rng rng(t, 7);
    const PatternMatrix x = random_sparse_patterns(n, p, a, rng);
    sparse += fraction_retrieved(network_of(x, sparse_model(a, theta)), rng) / 3;
    hebbian += fraction_retrieved(test::network_with(x), rng) / 3;
  }
  CHECK(sparse >= 0.75);   // measured 0.90
  CHECK(hebbian <= 0.05);  // measured 0
}

TEST_CASE("random sparse patterns are active with probability a", "[weights]") {
  Rng rng(3);
  const PatternMatrix x = random_sparse_patterns(100, 100, 0.2, rng);
  // 10000 Bernoulli(0.2) draws: mean 2000, standard deviation 40; 5 sd bounds.
  CHECK(mean_activity(x) * 10000 == Approx(2000).margin(200));
  CHECK_THROWS_AS(random_sparse_patterns(10, 2, 1.5, rng), std::invalid_argument);
}

TEST_CASE("unlearning by hand: a ferromagnet, then the antiferromagnet its dreams make",
          "[weights]") {
  // One pattern xi = (1,1,1,1): W = J - I (all ones off the diagonal). Each neuron's field is a
  // sum of 3 spins, never 0, and every random state runs to xi or -xi, so each dream subtracts
  // eps xi xi^T: 3 dreams of eps = 0.1 leave 0.7 off the diagonal.
  PatternMatrix x(4, 1);
  x.col(0) = spins({1, 1, 1, 1});
  Eigen::MatrixXf w = hebbian_weights(x);
  unlearn(w, 3, 0.1, 1);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) CHECK(w(i, j) == Approx(i == j ? 0.0 : 0.7).margin(1e-6));

  // eps = 1.5: the first dream makes W = -0.5 (J - I), whose fixed points are the balanced
  // states (two +1, two -1: a +1 neuron sees others summing to -1, field +0.5). The second dream
  // runs on that W (not the first one, whose fixed points are +-xi), so it subtracts 1.5 s s^T
  // for a balanced s: W_ij = -0.5 - 1.5 s_i s_j, i.e. -2 on the 2 same-sign pairs, +1 on the 4
  // others.
  w = hebbian_weights(x);
  unlearn(w, 2, 1.5, 7);
  int same = 0, opposite = 0;
  for (int i = 0; i < 4; ++i)
    for (int j = i + 1; j < 4; ++j) {
      CHECK(w(i, j) == w(j, i));
      same += w(i, j) == -2.0f;
      opposite += w(i, j) == 1.0f;
    }
  CHECK(same == 2);
  CHECK(opposite == 4);
  CHECK(w.diagonal().isZero(0.0f));
}

TEST_CASE("dreaming raises the capacity of 256 neurons past alpha_c and removes spurious states",
          "[weights]") {
  // P = 40 (alpha 0.156, past 0.138): the Hebbian network keeps few of its patterns (measured
  // 27.5% fixed points or retrieved from 10% flips). Hopfield, Feinstein and Palmer's unlearning,
  // eps = 0.01 per dream in raw units (a pattern adds 1) and 1000 dreams, keeps them all (measured
  // 100%); too many dreams (eps x dreams well above P / 4) would unlearn the memories too.
  const int n = 256;
  ModelOptions dreaming;
  dreaming.dreams = 1000;
  dreaming.dream_epsilon = 0.01;
  dreaming.weight_seed = 3;
  const PatternMatrix x = test::random_patterns(n, 40, 5);
  const double before = fraction_kept(test::network_with(x), 1);
  const double after = fraction_kept(network_of(x, dreaming), 1);
  CHECK(before <= 0.5);
  CHECK(after >= 0.9);
  CHECK(after - before >= 0.4);

  // P = 20 (alpha 0.078): from 100 random states most runs end in spurious fixed points (mixtures,
  // measured 91); after 1000 dreams fewer do (measured 49), and more reach a stored pattern
  // (9 -> 51).
  const PatternMatrix y = test::random_patterns(n, 20, 6);
  const FixedPointCount plain = count_spurious_fixed_points(test::network_with(y), 100, 9);
  const FixedPointCount dreamt = count_spurious_fixed_points(network_of(y, dreaming), 100, 9);
  CHECK(plain.trials == 100);
  CHECK(plain.ended_at_stored + plain.spurious + plain.not_converged == 100);
  CHECK(dreamt.ended_at_stored + dreamt.spurious + dreamt.not_converged == 100);
  CHECK(plain.spurious >= 60);
  CHECK(dreamt.spurious <= plain.spurious - 20);
  CHECK(dreamt.ended_at_stored > plain.ended_at_stored);
}

TEST_CASE("count_spurious_fixed_points tells stored patterns from spurious states", "[weights]") {
  // One stored pattern of 6 neurons (a ferromagnet after a gauge flip): every random state runs
  // to xi or -xi, both count as stored. With no pattern W = 0 and every state is already a
  // fixed point (ties keep), and none is stored: all spurious.
  PatternMatrix x(6, 1);
  x.col(0) = spins({1, -1, 1, 1, -1, -1});
  const FixedPointCount one = count_spurious_fixed_points(test::network_with(x), 20, 4);
  CHECK(one.ended_at_stored == 20);
  const FixedPointCount none = count_spurious_fixed_points(Network(6), 20, 4);
  CHECK(none.spurious == 20);
}

TEST_CASE("forgetting by hand: decay and clip, pattern 0 oldest", "[weights]") {
  // xi1 = (1,1,-1), xi2 = (1,-1,1), decay 0.5: W = 0.5 xi1 xi1^T + xi2 xi2^T off the diagonal:
  //   W_01 = 0.5 - 1 = -0.5, W_02 = -0.5 + 1 = 0.5, W_12 = -0.5 - 1 = -1.5.
  // With clip 1 as well, W_12 = -1.5 is cut to -1 after the second pattern.
  PatternMatrix x(3, 2);
  x.col(0) = spins({1, 1, -1});
  x.col(1) = spins({1, -1, 1});
  Eigen::Matrix3f expect;
  expect << 0, -0.5f, 0.5f, -0.5f, 0, -1.5f, 0.5f, -1.5f, 0;
  CHECK(forgetting_weights(x, 0.5, 0.0) == expect);
  expect(1, 2) = expect(2, 1) = -1;
  CHECK(forgetting_weights(x, 0.5, 1.0) == expect);
  ModelOptions m;
  m.decay = 0.5;
  m.clip = 1.0;
  CHECK(network_of(x, m).raw_weights() == expect);
  CHECK(forgetting_weights(x, 1.0, 0.0) == hebbian_weights(x));  // no forgetting: Hebbian
}

TEST_CASE("palimpsest: with decay or clip the newest patterns survive 10 N stored", "[weights]") {
  // N = 100, 1000 random patterns. Plain Hebbian (alpha = 10) is far past blackout: nothing is
  // recalled. Decay 0.9 (W <- 0.9 W + xi xi^T) or a bound |W_ij| <= 3 forget gradually: the
  // signal of a pattern of age k is ~0.9^k against a bounded noise, so the newest ~5 (0.05 N)
  // come back from 10% flips and the old ones are gone (measured over ages 0-4: decay 100%,
  // clip 95%; none from age 8 on).
  const std::vector<double> plain = retrieval_by_age(100, 1000, 0.0, 1.0, 0.1, 2, 1);
  const std::vector<double> decay = retrieval_by_age(100, 1000, 0.0, 0.9, 0.1, 4, 1);
  const std::vector<double> clip = retrieval_by_age(100, 1000, 3.0, 1.0, 0.1, 4, 1);
  REQUIRE(decay.size() == 1000);
  const auto mean = [](const std::vector<double>& r, int from, int to) {
    double s = 0;
    for (int k = from; k < to; ++k) s += r[static_cast<std::size_t>(k)];
    return s / (to - from);
  };
  CHECK(mean(plain, 0, 1000) == 0.0);
  for (const std::vector<double>* r : {&decay, &clip}) {
    CHECK(mean(*r, 0, 5) >= 0.9);
    CHECK(mean(*r, 20, 1000) <= 0.01);
  }
}

TEST_CASE("dilution keeps the expected fraction of weights, symmetric or not", "[weights]") {
  // 5 patterns make every Hebbian weight odd, never 0. 100 neurons: 4950 pairs, 9900 entries.
  // c = 0.3: symmetric keeps Binomial(4950, 0.3) pairs (mean 1485, sd 32.2), asymmetric keeps
  // Binomial(9900, 0.3) entries (mean 2970, sd 45.6); bounds at 5 sd.
  const PatternMatrix x = test::random_patterns(100, 5, 30);
  const Eigen::MatrixXf full = hebbian_weights(x);
  for (bool asymmetric : {false, true}) {
    ModelOptions m;
    m.connectivity = 0.3;
    m.asymmetric_dilution = asymmetric;
    m.weight_seed = 11;
    const Network net = network_of(x, m);
    const Eigen::MatrixXf& w = net.raw_weights();
    int kept = 0;
    for (int j = 0; j < 100; ++j)
      for (int i = 0; i < 100; ++i) {
        if (w(i, j) != 0) ++kept;
        CHECK((w(i, j) == 0 || w(i, j) == full(i, j)));
      }
    if (asymmetric) {
      CHECK(kept == Approx(2970).margin(228));
      CHECK(w != w.transpose());
    } else {
      CHECK(kept == Approx(2 * 1485).margin(2 * 161));
      CHECK(w == w.transpose());
    }
    CHECK(w.diagonal().isZero(0.0f));
  }
  // By hand, 4 neurons: c = 1 keeps all; a tiny c removes every off-diagonal weight.
  const PatternMatrix y = test::random_patterns(4, 3, 1);
  Eigen::MatrixXf w = hebbian_weights(y);
  Rng rng(1);
  dilute(w, 1.0, true, rng);
  CHECK(w == hebbian_weights(y));
  dilute(w, 1e-12, false, rng);
  CHECK(w.isZero(0.0f));
}

TEST_CASE("sequence rule by hand and a sequence of 4 patterns recalled as a cycle", "[weights]") {
  // xi0 = (1,1,-1,-1), xi1 = (1,-1,1,-1), xi2 = (1,-1,-1,1); W_ij = xi1_i xi0_j + xi2_i xi1_j +
  // xi0_i xi2_j, zero diagonal:
  //   row 0 = xi0 + xi1 + xi2 = (., -1, -1, -1)      row 1 = -xi0 - xi1 + xi2 = (-1, ., -1, 3)
  //   row 2 = xi0 - xi1 - xi2 = (-1, 3, ., -1)       row 3 = -xi0 + xi1 - xi2 = (-1, -1, 3, .)
  // From xi0: h = W xi0 = (1, -3, 3, -5), whose signs are xi1.
  // The symmetric part 0.5 sum_mu xi xi^T adds 0.5 x (-1) to every off-diagonal entry.
  PatternMatrix x(4, 3);
  x.col(0) = spins({1, 1, -1, -1});
  x.col(1) = spins({1, -1, 1, -1});
  x.col(2) = spins({1, -1, -1, 1});
  Eigen::Matrix4f expect;
  expect << 0, -1, -1, -1, -1, 0, -1, 3, -1, 3, 0, -1, -1, -1, 3, 0;
  CHECK(sequence_weights(x, 0.0, 1.0, 0.0) == expect);
  Eigen::Matrix4f with_symmetric = expect.array() - 0.5f;
  with_symmetric.diagonal().setZero();
  CHECK(sequence_weights(x, 0.5, 1.0, 0.0) == with_symmetric);
  ModelOptions m;
  m.sequence = true;
  const Network small = network_of(x, m);
  CHECK(small.local_fields(x.col(0)) == Eigen::Vector4d(1, -3, 3, -5));

  // N = 100, P = 4 random patterns (low load): synchronous recall from pattern 0 steps through
  // 1, 2, 3 and back to 0, the state 4 steps before: a cycle of 4 states, where it stops.
  const PatternMatrix y = test::random_patterns(100, 4, 12);
  const Network net = network_of(y, m);
  DynamicsOptions o;
  o.mode = UpdateMode::synchronous;
  o.max_sweeps = 12;
  Recall r(net, y.col(0), o);
  for (int t = 1; t <= 4; ++t) {
    CHECK_FALSE(r.finished());
    r.step_sweep();
    CHECK(r.state() == y.col(t % 4));
    CHECK(r.trace().overlaps.back()[static_cast<std::size_t>(t % 4)] == 1.0);
  }
  CHECK(r.outcome() == Outcome::cycle);
  CHECK(r.cycle_length() == 4);
  CHECK(r.sweeps() == 4);
  // A sweep limit below the cycle's length ends the run first; the same run at T > 0 is not
  // deterministic and never called a cycle.
  o.max_sweeps = 3;
  CHECK(recall(net, y.col(0), o).outcome() == Outcome::max_sweeps);
  o.max_sweeps = 12;
  o.temperature = 0.05;
  const Recall warm = recall(net, y.col(0), o);
  CHECK(warm.outcome() == Outcome::max_sweeps);
  CHECK(warm.cycle_length() == 0);
}

TEST_CASE("synchronous runs stop at the first repeated state: fixed point, 2-cycle or cycle of L",
          "[weights][dynamics]") {
  // A second implementation: iterate s <- sign(W s + b) (ties keep s_i) and remember every
  // state seen; the first repeat, L steps after its first visit, is a fixed point (L = 1), a
  // 2-cycle or a cycle of L states, reached after that many steps. Sequence-rule networks of
  // random patterns (half of them diluted asymmetrically) from random states: asymmetric W,
  // whose synchronous dynamics can have any period.
  std::map<int, int> lengths;  // L -> runs
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    ModelOptions m;
    m.sequence = true;
    if (seed % 2 == 1) {
      m.connectivity = 0.6;
      m.asymmetric_dilution = true;
      m.weight_seed = seed;
    }
    const Network net = network_of(test::random_patterns(24, 5, seed), m);
    Rng rng(seed, 7);
    const SpinVector start = test::random_spins(24, rng);
    std::map<std::string, int> seen;
    SpinVector s = start;
    int step = 0, length = 0;
    for (; step <= 2000; ++step) {
      const auto [it, fresh] = seen.emplace(to_string(s), step);
      if (!fresh) {
        length = step - it->second;
        break;
      }
      const Eigen::VectorXd h = net.local_fields(s);
      for (int i = 0; i < 24; ++i)
        if (h[i] != 0) s[i] = h[i] > 0 ? 1 : -1;
    }
    REQUIRE(length > 0);
    INFO("seed " << seed << ": the state repeats after " << step << " steps, period " << length);
    DynamicsOptions o;
    o.mode = UpdateMode::synchronous;
    o.max_sweeps = 5000;
    const Recall r = recall(net, start, o);
    CHECK(r.state() == s);
    CHECK(r.sweeps() == step);
    if (length == 1) {
      CHECK(r.outcome() == Outcome::fixed_point);
    } else {
      CHECK(r.outcome() == (length == 2 ? Outcome::two_cycle : Outcome::cycle));
      CHECK(r.cycle_length() == length);
    }
    ++lengths[length];
  }
  // The test means something only if longer cycles occurred.
  int longer = 0;
  for (const auto& [length, runs] : lengths) longer += length >= 3 ? runs : 0;
  INFO("runs with a cycle of 3 or more states: " << longer);
  CHECK(longer >= 20);  // 56 of the 60, with periods 4 to 16
}

TEST_CASE("a network with model weights relearns from scratch on every store and remove",
          "[weights]") {
  const PatternMatrix x = test::random_patterns(64, 6, 21);
  ModelOptions m;
  m.dreams = 20;
  m.connectivity = 0.7;
  m.decay = 0.95;
  m.weight_seed = 2;
  Network one_by_one(64);
  one_by_one.set_model(m);
  for (int mu = 0; mu < 6; ++mu) one_by_one.store(x.col(mu));
  one_by_one.remove(2);
  PatternMatrix rest(64, 5);
  rest << x.leftCols(2), x.rightCols(3);
  const ModelWeights direct = model_weights(rest, Rule::hebbian, m);
  CHECK(one_by_one.raw_weights() == direct.w_raw);
  CHECK(one_by_one.model_weights());
  CHECK(one_by_one.pruned());                // no fast path may compute W from the patterns
  CHECK_FALSE(one_by_one.weights_pruned());  // but nothing was pruned
  CHECK_FALSE(one_by_one.uses_pattern_fields());
  one_by_one.set_rule(Rule::hebbian, HebbianScale::inv_n);
  CHECK(one_by_one.raw_weights() == direct.w_raw);

  // The classic model without modifiers is the plain Hebbian network again.
  one_by_one.set_model(ModelOptions{});
  CHECK_FALSE(one_by_one.pruned());
  CHECK_FALSE(one_by_one.model_weights());
  CHECK(one_by_one.raw_weights() == hebbian_weights(rest));
}

TEST_CASE("combinations that make no sense and oversized dense models are refused", "[weights]") {
  const auto refused = [](Network& net, const ModelOptions& m, const std::string& words) {
    const ModelOptions before = net.model();
    try {
      net.set_model(m);
      FAIL("accepted " + describe(m));
    } catch (const std::invalid_argument& e) {
      CHECK_THAT(std::string(e.what()), Catch::Contains(words));
    }
    CHECK(net.model() == before);
  };
  Network net(16);
  ModelOptions sparse_sequence = sparse_model(0.1, 0);
  sparse_sequence.sequence = true;
  refused(net, sparse_sequence, "classic and continuous models");
  ModelOptions dense_dreams;
  dense_dreams.model = Model::dense;
  dense_dreams.dreams = 5;
  refused(net, dense_dreams, "not to the dense model");
  Network storkey(16, Rule::storkey);
  ModelOptions decay;
  decay.decay = 0.9;
  refused(storkey, decay, "Hebbian rule, not storkey");
  refused(storkey, sparse_model(0.1, 0), "covariance rule");
  // The rule cannot change under a model that needs Hebbian learning either.
  net.set_model(decay);
  CHECK_THROWS_AS(net.set_rule(Rule::storkey), std::invalid_argument);
  CHECK(net.rule() == Rule::hebbian);
  // Dreams on Storkey weights are fine.
  ModelOptions dreams;
  dreams.dreams = 3;
  CHECK_NOTHROW(storkey.set_model(dreams));

  Network big(kMaxSide * kMaxSide);
  refused(big, sparse_model(0.1, 0), "needs the full N x N weight matrix");
  refused(big, dreams, "at most " + std::to_string(kMaxDenseNeurons) + " neurons");
  CHECK_FALSE(big.model_weights());
  CHECK(big.uses_pattern_fields());
}
