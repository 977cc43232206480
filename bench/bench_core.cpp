// Core benchmark: prints figures, asserts nothing. Same source natively and under node
// (wasm); scripts/bench.sh runs both and prints the native/wasm ratio.
//
//   hopfield_bench [--quick] [--json]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/corruption.hpp"
#include "core/dynamics.hpp"
#include "core/network.hpp"
#include "core/pruning.hpp"

using namespace hopfield;
using Clock = std::chrono::steady_clock;

namespace {

bool g_quick = false;
bool g_json = false;

// Median seconds per call of fn over `repeats` timed batches of `calls` calls each.
double median_seconds(int calls, const std::function<void()>& fn) {
  const int repeats = g_quick ? 3 : 9;
  std::vector<double> t;
  // Warm-up for 0.2 s: caches, and under node V8's tier-up from its baseline wasm compiler
  // to the optimising one, which a single call does not reach.
  for (const auto begin = Clock::now(); Clock::now() - begin < std::chrono::milliseconds(200);) fn();
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    for (int c = 0; c < calls; ++c) fn();
    t.push_back(std::chrono::duration<double>(Clock::now() - start).count() / calls);
  }
  std::nth_element(t.begin(), t.begin() + repeats / 2, t.end());
  return t[static_cast<std::size_t>(repeats / 2)];
}

void report(const std::string& name, double value, const char* unit, const std::string& note) {
  if (g_json)
    std::printf("{\"name\":\"%s\",\"value\":%.6g,\"unit\":\"%s\"}\n", name.c_str(), value, unit);
  else
    std::printf("%-44s %12.4g %-12s %s\n", name.c_str(), value, unit, note.c_str());
}

SpinVector random_spins(int n, Rng& rng) {
  SpinVector s(n);
  for (int i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? 1 : -1;
  return s;
}

Network hebbian_network(int n, int p, bool dense) {
  Network net(n);
  Rng rng(1);
  for (int mu = 0; mu < p; ++mu) net.store(random_spins(n, rng));
  if (dense) {
    Rng none(0);
    prune_random(net, 0.0, none);  // same weights, but fields from the dense W
  }
  return net;
}

// Bytes moved per second by memcpy of a buffer as large as W at N = 784 (read + write).
double copy_bandwidth(std::size_t bytes) {
  std::vector<char> a(bytes, 1), b(bytes, 2);
  const double s = median_seconds(g_quick ? 5 : 50, [&] {
    std::memcpy(b.data(), a.data(), bytes);
    a[0] = b[bytes / 2];  // keep the copy observable
  });
  return 2.0 * static_cast<double>(bytes) / s;
}

void bench_sync(int n) {
  const Network net = hebbian_network(n, 10, true);
  Rng rng(2);
  const SpinVector s = random_spins(n, rng);
  Eigen::VectorXd h;
  const double s_per_step = median_seconds(g_quick ? 5 : 50, [&] { net.raw_fields(s, h); });
  const double w_bytes = 4.0 * n * n;
  const double copy = copy_bandwidth(static_cast<std::size_t>(w_bytes));
  report("sync steps/s, N=" + std::to_string(n) + " dense W", 1.0 / s_per_step, "steps/s", "");
  report("sync effective bandwidth (W read per step)", w_bytes / s_per_step / 1e9, "GB/s", "");
  report("memcpy probe, same size (read + write)", copy / 1e9, "GB/s", "");
  report("sync bandwidth / copy bandwidth", w_bytes / s_per_step / copy, "ratio",
         "target >= 0.5");
}

void bench_async(int n, int p, bool dense) {
  const Network net = hebbian_network(n, p, dense);
  // Times run() only: setting up a Recall (fields of the start state) is not a sweep.
  const int runs = g_quick ? 5 : 60;
  std::vector<double> ns_per_update;
  for (int batch = 0; batch < (g_quick ? 3 : 9); ++batch) {
    Rng rng(static_cast<std::uint64_t>(batch) + 3);
    double seconds = 0;
    long long updates = 0;
    for (int k = 0; k < runs; ++k) {
      DynamicsOptions o;
      o.seed = static_cast<std::uint64_t>(k);
      Recall r(net, random_spins(n, rng), o);
      const auto start = Clock::now();
      r.run();
      seconds += std::chrono::duration<double>(Clock::now() - start).count();
      updates += static_cast<long long>(r.sweeps()) * n;
    }
    ns_per_update.push_back(seconds / static_cast<double>(updates) * 1e9);
  }
  std::sort(ns_per_update.begin(), ns_per_update.end());
  report("async ns/neuron update, N=" + std::to_string(n) + " P=" + std::to_string(p) +
             (dense ? " (dense W)" : " (pattern fields)"),
         ns_per_update[ns_per_update.size() / 2], "ns", "random start, run to a fixed point");
}

void bench_full_recall(int n, int p) {
  const Network net = hebbian_network(n, p, false);
  std::uint64_t seed = 0;
  const double s = median_seconds(g_quick ? 2 : 20, [&] {
    Rng rng(++seed, kCorruptionStream);
    const SpinVector probe = flip_fraction(net.pattern(static_cast<int>(seed % p)), 0.2, rng);
    DynamicsOptions o;
    o.seed = seed;
    Recall r(net, probe, o);
    r.run();
  });
  report("full recall N=" + std::to_string(n) + " P=" + std::to_string(p) + " from 20% flips",
         s * 1e6, "us",
         net.uses_pattern_fields() ? "pattern fields O(NP)" : "dense W, incremental fields");
}

void bench_large() {
  // 128 x 128 Hebbian: never builds the 1 GB matrix.
  const int n = 128 * 128;
  const Network net = hebbian_network(n, 20, false);
  std::uint64_t seed = 0;
  const double s = median_seconds(1, [&] {
    Rng rng(++seed, kCorruptionStream);
    DynamicsOptions o;
    o.seed = seed;
    Recall r(net, flip_fraction(net.pattern(0), 0.2, rng), o);
    r.run();
  });
  report("full recall N=16384 P=20 from 20% flips", s * 1e3, "ms", "pattern fields, no W");
}

void bench_dense_model() {
  // The dense model (Krotov and Hopfield), F = x^3: O(P) per neuron update from the overlaps,
  // exact int64 sums. Each recall is timed whole (set-up included) from 10% flips of a pattern.
  const int n = 784, p = 1000;
  Network net = hebbian_network(n, p, false);
  ModelOptions model;
  model.model = Model::dense;
  model.interaction = {InteractionKind::poly, 3};
  net.set_model(model);
  net.patterns_transposed();  // built once per network, not per recall
  const int recalls = g_quick ? 5 : 40;
  std::vector<double> ms;
  double total_ms = 0;
  long long sweeps = 0;
  int retrieved = 0;
  for (int k = 0; k < recalls; ++k) {
    Rng rng(static_cast<std::uint64_t>(k), kCorruptionStream);
    const SpinVector target = net.pattern(k * 7 % p);
    const SpinVector probe = flip_fraction(target, 0.1, rng);
    DynamicsOptions o;
    o.seed = static_cast<std::uint64_t>(k);
    const auto start = Clock::now();
    Recall r(net, probe, o);
    r.run();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    total_ms += ms.back();
    sweeps += r.sweeps();
    retrieved += r.state() == target;
  }
  std::sort(ms.begin(), ms.end());
  report("dense poly:3 recall N=784 P=1000, 10% flips", ms[ms.size() / 2], "ms",
         "median; async to a fixed point, " + std::to_string(retrieved) + "/" +
             std::to_string(recalls) + " retrieved");
  report("dense poly:3 sweep N=784 P=1000", total_ms / static_cast<double>(sweeps), "ms",
         std::to_string(static_cast<double>(sweeps) / recalls).substr(0, 4) + " sweeps a recall");
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) g_quick = true;
    else if (std::strcmp(argv[i], "--json") == 0) g_json = true;
    else {
      std::fprintf(stderr, "usage: hopfield_bench [--quick] [--json]\n");
      return 2;
    }
  }
  if (!g_json) std::printf("%-44s %12s %-12s %s\n", "benchmark", "value", "unit", "note");
  bench_async(784, 10, false);
  bench_async(784, 10, true);
  bench_async(784, 100, true);
  bench_sync(784);
  for (int p : {10, 40, 100}) bench_full_recall(784, p);
  bench_large();
  bench_dense_model();
  return 0;
}
