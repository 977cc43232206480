// The memory models' speed: prints figures, asserts nothing. Same source natively and under
// node (wasm).
//
//   hopfield_bench_models [--quick]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/models/real_dynamics.hpp"
#include "core/rng.hpp"

using namespace hopfield;

namespace {

bool g_quick = false;

// Median milliseconds per call of fn over timed batches, after a 0.2 s warm-up (caches, and
// V8's tier-up under node).
double median_ms(const std::function<void()>& fn) {
  using Clock = std::chrono::steady_clock;
  const int repeats = g_quick ? 3 : 9;
  for (const auto begin = Clock::now(); Clock::now() - begin < std::chrono::milliseconds(200);) fn();
  std::vector<double> t;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    fn();
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::nth_element(t.begin(), t.begin() + repeats / 2, t.end());
  return t[static_cast<std::size_t>(repeats / 2)];
}

// One modern update xi <- X softmax(beta X^T xi) at N = 784, P = 10000 random +-1 patterns:
// RealRecall::step(), which applies the update and computes the next scores X^T xi (two
// N x P passes). Timed as (construct + step) - construct, from a random grey state. beta =
// 0.01 spreads the attention over every pattern; beta = 1 makes it nearly one-hot, and the
// update skips the weights that underflow to 0.
void bench_modern_update() {
  const int n = 784, p = 10000;
  Rng rng(1);
  PatternMatrix x(n, p);
  for (int mu = 0; mu < p; ++mu)
    for (int i = 0; i < n; ++i) x(i, mu) = rng.bernoulli(0.5) ? 1 : -1;
  std::vector<double> start(static_cast<std::size_t>(n));
  for (double& v : start) v = 2 * rng.uniform() - 1;
  DynamicsOptions options;
  options.max_sweeps = 10;
  for (const double beta : {0.01, 1.0}) {
    Network net(n);
    net.store_all(x);
    ModelOptions m;
    m.model = Model::modern;
    m.beta = beta;
    net.set_model(m);
    const double setup = median_ms([&] { RealRecall r(net, start, options, {}, Tracing::none); });
    const double both = median_ms([&] {
      RealRecall r(net, start, options, {}, Tracing::none);
      r.step();
    });
    std::printf("modern update, N = %d, P = %d, beta = %-5g %8.3f ms per update\n", n, p, beta,
                both - setup);
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--quick") == 0) g_quick = true;
  bench_modern_update();
  return 0;
}
