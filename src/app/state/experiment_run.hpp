// An experiment run from the app (the Experiments window, hopfield.runExperiment): its spec,
// the unit records as they arrive from a backend that computes them off the main thread (a
// std::thread on the desktop, a Web Worker in the browser), progress with an ETA, and the rows
// so far. No ImGui here.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/experiments/experiment.hpp"

namespace hlab {

// Computes an experiment's units somewhere else than the UI thread.
class ExperimentBackend {
 public:
  virtual ~ExperimentBackend() = default;
  // Starts on `spec_json` (read by experiments::make_experiment), with `files` (name, bytes)
  // readable under those names by the spec ("source": "library.txt"). Cancels any run before.
  virtual void start(const std::string& spec_json,
                     const std::vector<std::pair<std::string, std::string>>& files) = 0;
  virtual void cancel() = 0;
  struct Update {
    std::vector<hopfield::experiments::UnitRecord> records;  // arrived since the last poll
    bool finished = false;  // every unit is done, or it failed (then `error` says why)
    std::string error;
  };
  // What arrived since the last call; called once per frame on the UI thread.
  virtual Update poll() = 0;
};

// The build's own backend: a std::thread natively, a Web Worker in the browser.
std::unique_ptr<ExperimentBackend> make_experiment_backend();

enum class RunState { idle, running, done, cancelled, failed };

class ExperimentRun {
 public:
  using Clock = std::chrono::steady_clock;
  // Checks the spec (throws experiments::SpecError naming the field, or std::invalid_argument
  // for JSON that does not parse) and starts it on `backend`, replacing any run before.
  void start(const std::string& spec_json,
             const std::vector<std::pair<std::string, std::string>>& files,
             ExperimentBackend& backend);
  // The same for a spec already parsed (App::start_experiment reads it once: the spec is
  // checked from that value, and the backend is given it written out again).
  void start(const hopfield::JsonValue& spec,
             const std::vector<std::pair<std::string, std::string>>& files,
             ExperimentBackend& backend);
  void cancel(ExperimentBackend& backend);
  // Takes in what the backend computed, at most kRefreshSeconds apart while it runs, and all
  // of it at once when the run ends; true when something changed. The table, plot and
  // progress change four times a second and the frames in between draw nothing: on a 2-core
  // machine drawing WebGL on the CPU the page then keeps 53-56 fps while the worker computes
  // (10 refreshes a second: 49-52 fps; 20, as the worker used to post: 38-46 fps). The Web
  // Worker posts its records as often (worker.cpp).
  bool update(ExperimentBackend& backend, Clock::time_point now = Clock::now());
  static constexpr double kRefreshSeconds = 0.25;

  RunState state() const { return state_; }
  const std::string& error() const { return error_; }
  const std::string& spec_json() const { return spec_; }
  const hopfield::experiments::Experiment* experiment() const { return experiment_.get(); }
  long long done() const { return static_cast<long long>(records_.size()); }
  long long total() const { return experiment_ ? experiment_->unit_count() : 0; }
  double elapsed_seconds() const;
  // Seconds left at the rate so far; negative when not known yet.
  double eta_seconds() const;
  // The rows of the cells done so far (all rows once it is done).
  const hopfield::experiments::Table& table() const { return table_; }
  // Bumped whenever the table changes (for plot caches).
  std::uint64_t version() const { return version_; }
  // How many runs were started (the UI opens its window on a new one).
  std::uint64_t runs() const { return runs_; }
  // The whole result as `hopfield-cli <experiment> --json` prints it; throws unless done.
  std::string result_json() const;
  std::string result_csv() const;

 private:
  RunState state_ = RunState::idle;
  std::string spec_, error_;
  std::unique_ptr<hopfield::experiments::Experiment> experiment_;
  std::vector<hopfield::experiments::UnitRecord> records_;
  hopfield::experiments::Table table_;
  Clock::time_point started_, ended_, taken_;
  std::vector<hopfield::experiments::UnitRecord> pending_;  // polled, not yet in the table
  // Moves pending_ into the records and the table; the error when they do not aggregate (a
  // unit sent twice), the table then as it was.
  std::string take_pending();
  std::uint64_t version_ = 0;
  std::uint64_t runs_ = 0;
};

// The hopfield-cli line that computes the same experiment: each key as its flag (camelCase to
// --kebab-case), lists joined by commas. Throws for a spec that is not a JSON object.
std::string cli_command(const std::string& spec_json);

}  // namespace hlab
