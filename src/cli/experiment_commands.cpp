#include "cli/experiment_commands.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/options.hpp"
#include "cli/output.hpp"
#include "core/io/pattern_io.hpp"

namespace hopfield::cli {
namespace {

// A one-line bar with ETA on stderr, redrawn at most 10 times a second.
class ProgressBar {
 public:
  void operator()(long long done, long long total) {
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100) && done > 0) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double fraction =
        total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    const int filled = static_cast<int>(fraction * 30);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(30, '-');
    char eta[32] = "";
    if (done > 0 && done < total)
      std::snprintf(eta, sizeof eta, ", ETA %.0f s", elapsed / fraction - elapsed);
    std::fprintf(stderr, "\r[%s] %3.0f%% %lld/%lld units%s   ", bar.c_str(), 100 * fraction, done,
                 total, eta);
    if (done == total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// Whether stderr is a terminal. Emscripten 3.1.6's isatty() says yes for every standard
// stream under node, even redirected, so the wasm CLI shows the bar only with --progress.
bool stderr_is_terminal() {
#ifdef __EMSCRIPTEN__
  return false;
#else
  return isatty(STDERR_FILENO) != 0;
#endif
}

}  // namespace

bool is_experiment_command(const std::string& command) {
  return command == "capacity" || command == "basins" || command == "temperature" ||
         command == "prune-study" || command == "forgetting";
}

std::string spec_error_message(const experiments::SpecError& e) {
  const std::string what = e.what();
  const std::string prefix = e.field() + ": ";
  const std::string detail =
      what.compare(0, prefix.size(), prefix) == 0 ? what.substr(prefix.size()) : what;
  if (detail == "is not a setting of this experiment")
    return "unknown option: " + key_to_flag(e.field());
  return key_to_flag(e.field()) + ": " + detail;
}

int run_experiment(const std::string& command, const std::vector<std::string>& args) {
  const ExperimentOptions o = parse_experiment_options(command, args);
  std::unique_ptr<experiments::Experiment> e = experiments::make_experiment(o.spec);
  e->prepare();
  experiments::RunOptions run;
  run.threads = o.threads;
  run.shard_index = o.shard_index;
  run.shard_count = o.shard_count;
  if (o.progress || stderr_is_terminal()) run.progress = ProgressBar();
  const experiments::RunResult result = experiments::run_units(*e, run);
  std::string out;
  if (o.sharded)
    out = experiments::shard_json(*e, o.shard_index, o.shard_count, result.records);
  else if (o.json)
    out = experiments::result_json(*e, result.records);
  else
    out = experiments::result_csv(*e, result.records);
  write_stdout(out);
  return 0;
}

int run_merge(const std::vector<std::string>& args) {
  bool csv = false;
  std::vector<std::string> files, texts;
  for (const std::string& a : args) {
    if (a == "--csv")
      csv = true;
    else if (a == "--json")
      csv = false;
    else if (a.compare(0, 2, "--") == 0)
      throw UsageError("unknown option: " + a);
    else
      files.push_back(a);
  }
  if (files.empty())
    throw UsageError("merge needs the shard files: hopfield-cli merge SHARD.json...");
  // Each shard read as any file is, at most kMaxReadBytes.
  for (const std::string& f : files) texts.push_back(load_bytes(f));
  experiments::Merged m;
  try {
    m = experiments::merge_shards(texts, files);
  } catch (const experiments::SpecError&) {
    throw;
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const std::string out = csv ? experiments::result_csv(*m.experiment, m.records)
                              : experiments::result_json(*m.experiment, m.records);
  write_stdout(out);
  return 0;
}

}  // namespace hopfield::cli
