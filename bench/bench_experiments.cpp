// Experiments benchmark: prints figures, asserts nothing (issue 9's speed targets).
//   hopfield_bench_experiments [--quick] [--data DIR]
// 1. capacity N = 256, P = 1..64, 20 trials, recall from 10% flips, one thread;
// 2. the pruning study as published (21 random levels + 5 thresholds, 3 noise levels, the
//    4 silhouettes, 100 trials) on the 16x16 Caltech silhouettes in DIR (default
//    ../shared/data), else on 4 random 16x16 patterns (it says which);
// 3. the spectrum of W before and after pruning at 16x16 and 28x28 (symmetric, asymmetric);
// 4. capacity N = 4096, P = 100..600, 10 trials, on 1 and 2 threads, and the peak memory.
// --quick runs 4. with 2 trials.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/experiments/prune_study.hpp"
#include "core/io/pattern_io.hpp"
#include "core/rng.hpp"

using namespace hopfield;
using Clock = std::chrono::steady_clock;

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

double g_cpu = 0;  // CPU seconds of the last run_seconds (all threads)

// Wall-clock seconds of one whole run (prepare, units, rows); its CPU time in g_cpu.
double run_seconds(const std::string& spec, int threads, long long* units = nullptr) {
  auto e = experiments::make_experiment(parse_json(spec));
  const double cpu = cpu_seconds();
  const auto start = Clock::now();
  e->prepare();
  experiments::RunOptions o;
  o.threads = threads;
  const experiments::RunResult r = experiments::run_units(*e, o);
  const std::string rows = experiments::result_csv(*e, r.records);
  if (units) *units = e->unit_count();
  g_cpu = cpu_seconds() - cpu;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

bool exists(const std::string& path) {
  return std::ifstream(path).good();
}

// Four random 16x16 patterns as a text file, when the silhouettes are not there.
std::string random_images_file() {
  std::vector<Pattern> images;
  Rng rng(7);
  for (int k = 0; k < 4; ++k) {
    Pattern p = Pattern::filled(16, 16, -1, "random " + std::to_string(k));
    for (int i = 0; i < 256; ++i) p.spins[i] = rng.bernoulli(0.5) ? 1 : -1;
    images.push_back(p);
  }
  const std::string path = "bench_random_images.txt";
  std::ofstream(path) << write_text_patterns(images);
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::string data = std::string(HOPFIELD_SHARED_DATA_DIR);
  for (int a = 1; a < argc; ++a) {
    if (!std::strcmp(argv[a], "--quick"))
      quick = true;
    else if (!std::strcmp(argv[a], "--data") && a + 1 < argc)
      data = argv[++a];
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("Hopfield Lab experiments benchmark (%d threads available); wall s (CPU s)\n",
              experiments::max_threads());

  // Five runs: the machine's other work moves single figures by 20% on a shared VM.
  long long units = 0;
  std::vector<double> runs;
  for (int k = 0; k < 5; ++k)
    runs.push_back(run_seconds(
        R"({"experiment":"capacity","neurons":256,"patterns":"1:64:1","trials":20,"flip":0.1})", 1,
        &units));
  std::sort(runs.begin(), runs.end());
  std::printf(
      "capacity N=256 P=1..64, 20 trials, 10%% flips, 1 thread: %8.3f s median of 5 (%.3f-%.3f) "
      "%lld units; target <= 1 s\n",
      runs[2], runs.front(), runs.back(), units);
  double t = 0;

  const std::string silhouettes = data + "/caltech101-silhouettes-16-images-idx3-ubyte.gz";
  std::string file = silhouettes, what = "the 4 Caltech silhouettes 7383,7384,5403,5404";
  std::string select = "";
  if (!exists(silhouettes)) {
    file = random_images_file();
    what = "4 random 16x16 patterns (" + silhouettes + " not found)";
    select = R"(,"select":"0,1,2,3")";
  }
  t = run_seconds(R"({"experiment":"prune-study","patterns":")" + file +
                      R"(","preset":"published")" + select + "}",
                  1, &units);
  if (file != silhouettes) std::remove(file.c_str());
  std::printf(
      "prune study as published (26 levels x 3 noise x 100 trials) on %s, 1 thread: %8.3f s (%.3f) "
      "%lld units; target <= 2 s\n",
      what.c_str(), t, g_cpu, units);

  // The Experiments window's spectrum of W before and after pruning (two eigen-solves).
  for (int side : {16, 28}) {
    Rng rng(3);
    PatternMatrix x(side * side, 4);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.bernoulli(0.5) ? 1 : -1;
    for (const char* kind : {"random", "random-independent"}) {
      const auto start = Clock::now();
      const auto s = experiments::prune_spectra(x, HebbianScale::inv_p, kind, 0.5, 1);
      std::printf("spectrum before/after %s pruning, N=%d, 4 random patterns: %8.3f s (%zu eigenvalues)\n",
                  kind, side * side, std::chrono::duration<double>(Clock::now() - start).count(),
                  s.after.re.size());
    }
  }

  const std::string big =
      std::string(R"({"experiment":"capacity","size":"64x64","patterns":"100:600:100","trials":)") +
      (quick ? "2" : "10") + "}";
  for (int threads : {1, 2}) {
    t = run_seconds(big, threads, &units);
    std::printf(
        "capacity N=4096 P=100..600 step 100, %s trials, %d thread%s: %8.3f s (%.3f) %lld units\n",
        quick ? "2" : "10", threads, threads > 1 ? "s" : " ", t, g_cpu, units);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory of this process: %.1f MB\n",
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
