// Runs an experiment's units on the calling thread or on K std::threads. Natively threads
// share nothing but an atomic unit counter and the read-only experiment; under Emscripten
// (built without pthreads, and static hosts send no COOP/COEP headers for SharedArrayBuffer)
// everything runs on the calling thread: the web page runs it in a Web Worker instead.
#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <stdexcept>

#include "core/experiments/experiment.hpp"

#ifndef __EMSCRIPTEN__
#include <thread>
#endif

namespace hopfield::experiments {

int max_threads() {
#ifdef __EMSCRIPTEN__
  return 1;
#else
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#endif
}

void run_unit_loop(const Experiment& experiment, const std::vector<long long>& units,
                   const std::function<long long()>& next, const std::function<bool()>& stop,
                   const std::function<void(long long position, UnitRecord&& record)>& record) {
  const long long total = static_cast<long long>(units.size());
  while (!(stop && stop())) {
    const long long k = next();
    if (k >= total) return;
    record(k, experiment.run_unit(units[static_cast<std::size_t>(k)]));
  }
}

std::vector<long long> all_units(const Experiment& experiment) {
  std::vector<long long> units(static_cast<std::size_t>(experiment.unit_count()));
  for (std::size_t u = 0; u < units.size(); ++u) units[u] = static_cast<long long>(u);
  return units;
}

RunResult run_units(const Experiment& experiment, const RunOptions& o) {
  if (o.shard_count < 1 || o.shard_index < 0 || o.shard_index >= o.shard_count)
    throw std::invalid_argument("shard must be I/M with 0 <= I < M, not " +
                                std::to_string(o.shard_index) + "/" +
                                std::to_string(o.shard_count));
  if (o.threads < 1 || o.threads > 1024)
    throw std::invalid_argument("threads must be 1..1024, not " + std::to_string(o.threads));
  std::vector<long long> units;
  for (long long u = o.shard_index; u < experiment.unit_count(); u += o.shard_count)
    units.push_back(u);
  const long long total = static_cast<long long>(units.size());
  RunResult result;
  result.records.resize(units.size());
  auto cancelled = [&] { return o.cancel && o.cancel->load(); };
  auto report = [&](long long done) {
    if (o.progress) o.progress(done, total);
  };
  const int threads = static_cast<int>(
      std::min<long long>(std::min(o.threads, max_threads()), std::max(1LL, total)));
  report(0);
  if (threads <= 1) {
    long long taken = 0, done = 0;
    run_unit_loop(experiment, units, [&] { return taken++; }, cancelled,
                  [&](long long k, UnitRecord&& r) {
                    result.records[static_cast<std::size_t>(k)] = std::move(r);
                    report(done = k + 1);
                  });
    if (done < total) {
      result.records.resize(static_cast<std::size_t>(done));
      result.cancelled = true;
    }
    return result;
  }
#ifndef __EMSCRIPTEN__
  std::atomic<long long> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  std::vector<char> finished(units.size(), 0);
  auto worker = [&] {
    try {
      run_unit_loop(experiment, units, [&] { return next.fetch_add(1); }, [&] { return stop.load(); },
                    [&](long long k, UnitRecord&& r) {
                      result.records[static_cast<std::size_t>(k)] = std::move(r);
                      finished[static_cast<std::size_t>(k)] = 1;
                      done.fetch_add(1);
                    });
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  while (done.load() < total && !stop.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (cancelled()) stop = true;
    report(std::min(done.load(), total));
  }
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  if (stop.load()) {
    std::vector<UnitRecord> kept;
    for (std::size_t k = 0; k < units.size(); ++k)
      if (finished[k]) kept.push_back(std::move(result.records[k]));
    result.records = std::move(kept);
    result.cancelled = true;
    return result;
  }
  report(total);
#endif
  return result;
}

}  // namespace hopfield::experiments
