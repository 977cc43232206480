#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/models/graded_response.hpp"
#include "core/models/real_dynamics.hpp"
#include "helpers.hpp"

using namespace hopfield;
using hopfield::test::spins;

namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<double> values_of(const SpinVector& s) {
  std::vector<double> v(static_cast<std::size_t>(s.size()));
  for (Eigen::Index i = 0; i < s.size(); ++i) v[i] = s[i];
  return v;
}

DynamicsOptions iterations(int max_sweeps) {
  DynamicsOptions o;
  o.max_sweeps = max_sweeps;
  return o;
}

Network modern_network(const PatternMatrix& x, double beta) {
  ModelOptions m;
  m.model = Model::modern;
  m.beta = beta;
  return test::network_with_model(x, m);
}

// Two neurons, W = (1/N) x x^T for x = (1, -1) (W12 = W21 = -0.5), I = (0.2, -0.1),
// g = tanh(2 u), tau = 0.5, RK4 step dt (units of tau).
Network tanh_pair(double dt) {
  Network net(2, Rule::hebbian, HebbianScale::inv_n);
  net.store(spins({1, -1}));
  net.set_bias(Eigen::Vector2d(0.2, -0.1));
  ModelOptions m;
  m.model = Model::continuous;
  m.gain_function = GainFunction::tanh;
  m.gain = 2.0;
  m.tau = 0.5;
  m.dt = dt;
  net.set_model(m);
  return net;
}

// The 1984 paper's 2-neuron network: W12 = W21 = 1 (Hebbian counts of the pattern (1, 1)),
// W11 = W22 = 0, I = 0, g = (2/pi) arctan(pi lambda u / 2) with lambda = 1.4, tau = 1.
ModelOptions paper_model() {
  ModelOptions m;
  m.model = Model::continuous;
  m.gain_function = GainFunction::arctan;
  m.gain = 1.4;
  m.tau = 1.0;
  m.dt = 0.05;
  return m;
}

Network paper_network() {
  Network net(2);
  net.store(spins({1, 1}));
  net.set_model(paper_model());
  return net;
}

const Eigen::Matrix2d kPaperW = (Eigen::Matrix2d() << 0, 1, 1, 0).finished();

// v* > 0 with v = g(v) for the paper's g (the stable states V1 = V2 = +-v*, where u = tau W V
// gives u = v), by bisection with the C library's atan.
double paper_stable_value() {
  const auto f = [](double v) { return 2 / kPi * std::atan(kPi * 1.4 * v / 2) - v; };
  double lo = 0.1, hi = 1.0;  // f(0.1) > 0 (slope 1.4 at 0), f(1) < 0
  for (int k = 0; k < 200; ++k) (f((lo + hi) / 2) > 0 ? lo : hi) = (lo + hi) / 2;
  return (lo + hi) / 2;
}

}  // namespace

// ---- modern continuous Hopfield ----

TEST_CASE("modern, hand-worked: 4 neurons, 2 patterns, beta = ln 3", "[real]") {
  // x1 = (1, 1, 1, 1), x2 = (1, 1, -1, -1), xi0 = (1, 1, 0.5, 0).
  // Scores x.xi0 = (2.5, 1.5): exp(beta 2.5) : exp(beta 1.5) = 3 : 1, softmax (0.75, 0.25),
  // xi1 = 0.75 x1 + 0.25 x2 = (1, 1, 0.5, 0.5).
  // Scores x.xi1 = (3, 1): 9 : 1, softmax (0.9, 0.1), xi2 = (1, 1, 0.8, 0.8).
  // E0 = -(1/ln 3) ln(3^2.5 + 3^1.5) + 1/2 (1 + 1 + 0.25) = -(1.5 + ln 4 / ln 3) + 1.125
  //    = -1.6368595071429146;  E1 = -ln(3^3 + 3) / ln 3 + 1.25 = -1.8459032742893844.
  PatternMatrix x(4, 2);
  x.col(0) = spins({1, 1, 1, 1});
  x.col(1) = spins({1, 1, -1, -1});
  const double beta = std::log(3.0);
  const Network net = modern_network(x, beta);
  RealRecall r(net, {1, 1, 0.5, 0}, iterations(10));
  REQUIRE(r.attention().size() == 1);
  CHECK(r.attention()[0][0] == Approx(0.75).epsilon(1e-14));
  CHECK(r.attention()[0][1] == Approx(0.25).epsilon(1e-14));
  CHECK(r.trace().overlaps[0] == std::vector<double>{0.625, 0.375});
  CHECK(r.energy() == Approx(-1.6368595071429146).epsilon(1e-14));
  // The value 0 takes the initial sign +1, so the signs are x1.
  CHECK(r.signs() == x.col(0));
  CHECK(r.trace().hamming[0] == 0);

  r.step();
  const std::vector<double> xi1{1, 1, 0.5, 0.5};
  for (int i = 0; i < 4; ++i) CHECK(r.values()[i] == Approx(xi1[i]).epsilon(1e-14));
  CHECK(r.attention()[1][0] == Approx(0.9).epsilon(1e-14));
  CHECK(r.attention()[1][1] == Approx(0.1).epsilon(1e-14));
  CHECK(r.energy() == Approx(-1.8459032742893844).epsilon(1e-14));
  // The same energy from the definition, summed directly (no shift by the largest score).
  const auto direct = [&](const std::vector<double>& xi) {
    double sum = 0, squares = 0;
    for (int mu = 0; mu < 2; ++mu) {
      double s = 0;
      for (int i = 0; i < 4; ++i) s += x(i, mu) * xi[i];
      sum += std::exp(beta * s);
    }
    for (double v : xi) squares += v * v;
    return -std::log(sum) / beta + 0.5 * squares;
  };
  CHECK(r.energy() == Approx(direct(xi1)).epsilon(1e-14));
  CHECK(r.trace().energy[0] == Approx(direct({1, 1, 0.5, 0})).epsilon(1e-14));

  r.step();
  const std::vector<double> xi2{1, 1, 0.8, 0.8};
  for (int i = 0; i < 4; ++i) CHECK(r.values()[i] == Approx(xi2[i]).epsilon(1e-14));
  CHECK(r.trace().flips == std::vector<int>{0, 0, 0});
  CHECK_FALSE(r.finished());
}

TEST_CASE("modern: a value of exactly 0 keeps its previous sign", "[real]") {
  // Equal scores x1.xi0 = x2.xi0 = 2 give weights (1/2, 1/2) and xi1 = (1, 1, 0, 0), a fixed
  // point (its scores are equal too): neurons 3 and 4 keep their signs -1 and +1.
  PatternMatrix x(4, 2);
  x.col(0) = spins({1, 1, 1, 1});
  x.col(1) = spins({1, 1, -1, -1});
  const Network net = modern_network(x, 0.7);
  RealRecall r(net, {1, 1, -0.5, 0.5}, iterations(10));
  CHECK(r.run() == Outcome::fixed_point);
  CHECK(r.values() == std::vector<double>{1, 1, 0, 0});
  CHECK(r.signs() == spins({1, 1, -1, 1}));
  CHECK(r.trace().flips == std::vector<int>{0, 0, 0});
  CHECK(r.sweeps() == 2);
}

TEST_CASE("modern, large beta: one update retrieves a pattern from 10% flips", "[real]") {
  const int n = 64, p = 8;
  const PatternMatrix x = test::random_patterns(n, p, 31);
  const Network net = modern_network(x, 1.0);
  Rng rng(5);
  for (int mu = 0; mu < p; ++mu) {
    SpinVector probe = x.col(mu);
    const std::vector<int> order = rng.permutation(n);
    for (int k = 0; k < 6; ++k) probe[order[k]] = static_cast<Spin>(-probe[order[k]]);
    // The premise: x_mu . probe = 64 - 12 = 52 beats every other score by >= 25, so every other
    // weight is below exp(-25) < 1.4e-11 and their sum below 1e-9.
    int best_other = -n;
    for (int nu = 0; nu < p; ++nu)
      if (nu != mu) best_other = std::max(best_other, dot(SpinVector(x.col(nu)), probe));
    REQUIRE(52 - best_other >= 25);

    RealRecall r(net, values_of(probe), iterations(10), SpinVector(x.col(mu)));
    for (int nu = 0; nu < p; ++nu)
      CHECK(r.attention()[0][nu] == Approx(nu == mu ? 1.0 : 0.0).margin(1e-9));
    CHECK(r.trace().hamming[0] == 6);
    r.step();
    for (int i = 0; i < n; ++i) CHECK(r.values()[i] == Approx(x(i, mu)).margin(1e-9));
    CHECK(r.signs() == x.col(mu));
    CHECK(r.trace().hamming[1] == 0);
    CHECK(r.trace().flips[1] == 6);
    CHECK(r.recent_flips().size() == 6);
    CHECK(r.run() == Outcome::fixed_point);
  }
}

TEST_CASE("modern, small beta: the state converges to the mean of the patterns", "[real]") {
  // At beta -> 0 the softmax is uniform and the fixed point is X 1 / P. Its distance to the
  // fixed point at beta is about (beta / P) |sum_mu x_mu (x_mu . xi - mean)| ~ 1e-7 here
  // (beta = 1e-7, scores spread by ~3); at beta = 1e-4 it would be ~1e-4.
  const int n = 64, p = 8;
  const PatternMatrix x = test::random_patterns(n, p, 32);
  const Network net = modern_network(x, 1e-7);
  std::vector<double> mean(n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int mu = 0; mu < p; ++mu) mean[i] += x(i, mu);
    mean[i] /= p;
  }
  for (int mu : {0, 5}) {
    RealRecall r(net, values_of(x.col(mu)), iterations(100));
    CHECK(r.run() == Outcome::fixed_point);
    CHECK(r.sweeps() < 10);
    for (int i = 0; i < n; ++i) CHECK(r.values()[i] == Approx(mean[i]).margin(1e-6));
  }
}

TEST_CASE("modern: the energy never increases along updates", "[real]") {
  Rng rng(77);
  for (int p : {3, 10, 40})
    for (double beta : {0.01, 0.1, 0.5, 2.0}) {
      const int n = 48;
      const Network net = modern_network(test::random_patterns(n, p, 40 + p), beta);
      std::vector<double> xi(n);
      for (double& v : xi) v = 2 * rng.uniform() - 1;
      RealRecall r(net, xi, iterations(30));
      r.run();
      const auto& e = r.trace().energy;
      REQUIRE(e.size() >= 2);
      for (std::size_t t = 1; t < e.size(); ++t)
        CHECK(e[t] <= e[t - 1] + 1e-12 * std::max(1.0, std::abs(e[t - 1])));
      CHECK(e.back() < e.front());  // a random start is no fixed point
    }
}

TEST_CASE("RealRecall refuses what it cannot run, with a message", "[real]") {
  const PatternMatrix x = test::random_patterns(16, 2, 3);
  const Network modern = modern_network(x, 1.0);
  DynamicsOptions hot = iterations(10);
  hot.temperature = 0.5;
  CHECK_THROWS_AS(RealRecall(modern, std::vector<double>(16, 0.1), hot), std::invalid_argument);
  const Network classic = test::network_with(x);
  CHECK_THROWS_AS(RealRecall(classic, std::vector<double>(16, 0.1), iterations(10)),
                  std::invalid_argument);
  CHECK_THROWS_AS(RealRecall(modern, std::vector<double>(15, 0.1), iterations(10)),
                  std::invalid_argument);
  CHECK_THROWS_AS(RealRecall(modern, std::vector<double>(16, NAN), iterations(10)),
                  std::invalid_argument);
  Network empty(16);
  ModelOptions m;
  m.model = Model::modern;
  empty.set_model(m);
  // Nothing stored: nothing to move towards, so the state is where the run ends, with
  // E = 1/2 xi . xi = 16 x 0.01 / 2 (an empty library is a state like any other).
  RealRecall nothing(empty, std::vector<double>(16, 0.1), iterations(10));
  CHECK(nothing.finished());
  CHECK(nothing.outcome() == Outcome::fixed_point);
  CHECK(nothing.sweeps() == 0);
  CHECK(nothing.energy() == Approx(0.08));
  const Network paper = paper_network();
  CHECK_THROWS_AS(RealRecall(paper, {0.5, 1.5}, iterations(10)), std::invalid_argument);
}

// ---- continuous graded response (Hopfield 1984) ----

TEST_CASE("continuous, the 1984 paper's 2 neurons: two stable states, energy decreasing",
          "[real]") {
  const double v_star = paper_stable_value();
  const Network net = paper_network();
  for (double a = -0.9; a < 0.95; a += 0.2)
    for (double b = -0.9; b < 0.95; b += 0.2) {
      if (std::abs(a + b) < 1e-9) continue;  // the anti-diagonal leads to the saddle at 0
      const double side = a + b > 0 ? 1.0 : -1.0;
      const auto path =
          trajectory_2d(kPaperW, Eigen::Vector2d::Zero(), paper_model(), {a, b}, 5000);
      REQUIRE(path.size() < 5001);  // converged
      CHECK(path.back()[0] == Approx(side * v_star).margin(1e-6));
      CHECK(path.back()[1] == Approx(side * v_star).margin(1e-6));

      // RealRecall runs the same RK4 steps, and its energy decreases along every one of them.
      RealRecall r(net, {a, b}, iterations(5000));
      CHECK(r.run() == Outcome::fixed_point);
      REQUIRE(static_cast<std::size_t>(r.sweeps()) + 1 == path.size());
      CHECK(r.values()[0] == path.back()[0]);
      CHECK(r.values()[1] == path.back()[1]);
      const auto& e = r.trace().energy;
      for (std::size_t t = 1; t < e.size(); ++t) CHECK(e[t] <= e[t - 1] + 1e-13);
      CHECK(r.signs() == (side > 0 ? spins({1, 1}) : spins({-1, -1})));
    }
}

TEST_CASE("continuous energy matches the 1984 formula in V", "[real]") {
  // arctan: E = -V1 V2 - (4 / (pi^2 lambda)) sum ln cos(pi V_i / 2) (W12 = 1, I = 0, tau = 1);
  // tanh, lambda = 2, tau = 0.5, W12 = -0.5, I = (0.2, -0.1):
  // E = 0.5 V1 V2 - I.V + (1/tau) (1/lambda) sum [V atanh V + 1/2 ln(1 - V^2)].
  const Network paper = paper_network();
  for (const std::array<double, 2> v :
       {std::array<double, 2>{0.3, -0.5}, {0.9, 0.85}, {-0.2, 0.0}}) {
    const RealRecall r(paper, {v[0], v[1]}, iterations(1));
    double e = -v[0] * v[1];
    for (double vi : v) e -= 4 / (kPi * kPi * 1.4) * std::log(std::cos(kPi * vi / 2));
    CHECK(r.energy() == Approx(e).epsilon(1e-12).margin(1e-15));
  }
  const Network net = tanh_pair(ModelOptions{}.dt);
  for (const std::array<double, 2> v : {std::array<double, 2>{0.3, -0.5}, {0.99, 0.85}}) {
    const RealRecall r(net, {v[0], v[1]}, iterations(1));
    double e = 0.5 * v[0] * v[1] - 0.2 * v[0] + 0.1 * v[1];
    for (double vi : v) e += 2 * 0.5 * (vi * std::atanh(vi) + 0.5 * std::log(1 - vi * vi));
    CHECK(r.energy() == Approx(e).epsilon(1e-12));
  }
}

TEST_CASE("continuous: one RK4 step of dt * tau, against a straightforward RK4", "[real]") {
  // W = (1/N) x x^T for x = (1, -1): W12 = W21 = -0.5; I = (0.2, -0.1); g = tanh(2 u);
  // tau = 0.5, dt = 0.1, so the step is h = 0.05. Start V = (0.3, 0.6).
  const Network net = tanh_pair(0.1);
  const ModelOptions& m = net.model();

  Eigen::Matrix2d w;
  w << 0, -0.5, -0.5, 0;
  const Eigen::Vector2d input(0.2, -0.1);
  const auto f = [&](const Eigen::Vector2d& u) -> Eigen::Vector2d {
    const Eigen::Vector2d v(std::tanh(2 * u[0]), std::tanh(2 * u[1]));
    return -u / 0.5 + w * v + input;
  };
  Eigen::Vector2d u(std::atanh(0.3) / 2, std::atanh(0.6) / 2);
  const double h = 0.05;
  for (int step = 1; step <= 3; ++step) {
    const Eigen::Vector2d k1 = f(u), k2 = f(u + h / 2 * k1), k3 = f(u + h / 2 * k2),
                          k4 = f(u + h * k3);
    u += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    RealRecall r(net, {0.3, 0.6}, iterations(step));
    CHECK(r.run() == Outcome::max_sweeps);
    CHECK(r.values()[0] == Approx(std::tanh(2 * u[0])).epsilon(1e-13));
    CHECK(r.values()[1] == Approx(std::tanh(2 * u[1])).epsilon(1e-13));
    const auto path = trajectory_2d(w, input, m, {0.3, 0.6}, step);
    CHECK(path.back()[0] == Approx(std::tanh(2 * u[0])).epsilon(1e-13));
    CHECK(path.back()[1] == Approx(std::tanh(2 * u[1])).epsilon(1e-13));
  }
}

TEST_CASE("continuous: a +-1 probe is clamped to +-(1 - 1e-6)", "[real]") {
  const PatternMatrix x = test::random_patterns(8, 1, 9);
  Network net = test::network_with(x);
  ModelOptions m;
  m.model = Model::continuous;
  m.gain_function = GainFunction::tanh;
  net.set_model(m);
  const RealRecall r(net, values_of(x.col(0)), iterations(10));
  for (int i = 0; i < 8; ++i) CHECK(r.values()[i] == Approx(x(i, 0) * (1 - 1e-6)).epsilon(1e-12));
  CHECK(std::isfinite(r.energy()));
}

TEST_CASE("continuous: a Hebbian network of 64 graded neurons retrieves a pattern", "[real]") {
  const int n = 64;
  const PatternMatrix x = test::random_patterns(n, 3, 12);
  Network net = test::network_with(x, Rule::hebbian, HebbianScale::inv_n);
  ModelOptions m;
  m.model = Model::continuous;
  m.gain_function = GainFunction::tanh;
  m.gain = 4.0;
  m.dt = 0.1;
  net.set_model(m);
  SpinVector probe = x.col(1);
  for (int i = 0; i < 6; ++i) probe[5 * i] = static_cast<Spin>(-probe[5 * i]);
  std::vector<double> start = values_of(probe);
  for (double& v : start) v *= 0.5;  // grey levels
  RealRecall r(net, start, iterations(2000), SpinVector(x.col(1)));
  CHECK(r.run() == Outcome::fixed_point);
  CHECK(r.signs() == x.col(1));
  CHECK(r.trace().hamming.front() == 6);
  CHECK(r.trace().hamming.back() == 0);
  CHECK(r.trace().overlaps.back()[1] > 0.9);
  const auto& e = r.trace().energy;
  for (std::size_t t = 1; t < e.size(); ++t) CHECK(e[t] <= e[t - 1] + 1e-12);
  CHECK(r.attention().empty());
}

TEST_CASE("continuous, the 2-neuron energy landscape: minima, corner maxima, saddle", "[real]") {
  const int steps = 101;  // odd: the centre cell is the origin
  const double v_star = paper_stable_value();
  const auto grid = energy_landscape_2d(kPaperW, Eigen::Vector2d::Zero(), paper_model(), steps);
  REQUIRE(grid.size() == static_cast<std::size_t>(steps * steps));
  const auto at = [&](int r, int c) { return grid[static_cast<std::size_t>(r * steps + c)]; };
  const auto centre = [&](int k) { return -1.0 + (k + 0.5) * 2.0 / steps; };
  const double cell = 2.0 / steps;

  // One minimum on each side of the anti-diagonal, within a cell of +-(v*, v*).
  for (const double side : {1.0, -1.0}) {
    int best_r = -1, best_c = -1;
    for (int r = 0; r < steps; ++r)
      for (int c = 0; c < steps; ++c)
        if (side * (r + c - (steps - 1)) > 0 && (best_r < 0 || at(r, c) < at(best_r, best_c))) {
          best_r = r;
          best_c = c;
        }
    CHECK(centre(best_c) == Approx(side * v_star).margin(cell));
    CHECK(centre(best_r) == Approx(side * v_star).margin(cell));
  }
  // The largest values: the upper-left (V1 ~ -1, V2 ~ 1) and lower-right corners.
  const double top = *std::max_element(grid.begin(), grid.end());
  CHECK(top == std::max(at(steps - 1, 0), at(0, steps - 1)));
  CHECK(at(steps - 1, 0) == Approx(at(0, steps - 1)).epsilon(1e-12));
  CHECK(at(steps - 1, 0) > at(steps - 1, steps - 1) + 1.5);  // -V1 V2 = +1 there, -1 at (1, 1)

  // The origin is a saddle: along the anti-diagonal the centre is the lowest, along the
  // diagonal the energy rises from each minimum to a local maximum at the centre.
  const int mid = steps / 2;
  for (int k = 0; k < steps; ++k)
    if (k != mid) CHECK(at(steps - 1 - k, k) > at(mid, mid));
  const int k_star = static_cast<int>(std::lround((v_star + 1) / cell - 0.5));
  for (int k = mid + 1; k <= k_star; ++k) {
    CHECK(at(k, k) < at(k - 1, k - 1));
    CHECK(at(steps - 1 - k, steps - 1 - k) < at(steps - k, steps - k));
  }
}
