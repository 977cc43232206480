// The experiments lab for Python: the core's spec reader, runner and JSON
// (core/experiments/experiment.hpp), run with the GIL released; progress and Ctrl+C are looked
// at from the calling thread between units.

#include <atomic>
#include <chrono>

#include "core/experiments/experiment.hpp"
#include "core/json.hpp"
#include "python/bindings.hpp"

namespace hopfield::python {
namespace {

namespace ex = experiments;

// The JSON text hopfield-cli EXPERIMENT --json (or --shard I/M) prints for `spec` (JSON).
std::string run_experiment(const std::string& spec, int threads, int shard_index, int shard_count,
                           bool sharded, py::object progress) {
  std::unique_ptr<ex::Experiment> e = ex::make_experiment(parse_json(spec));
  {
    py::gil_scoped_release release;
    e->prepare();
  }
  using clock = std::chrono::steady_clock;
  std::atomic<bool> cancel{false};
  bool python_error = false;  // a signal or the progress callback raised: the error is set
  auto last = clock::now();
  ex::RunOptions o;
  o.threads = threads;
  o.shard_index = shard_index;
  o.shard_count = shard_count;
  o.cancel = &cancel;
  o.progress = [&](long long done, long long total) {
    const auto now = clock::now();
    if (python_error || (done > 0 && done < total && now - last < std::chrono::milliseconds(50)))
      return;
    last = now;
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) {
      python_error = true;
    } else if (!progress.is_none()) {
      try {
        progress(done, total);
      } catch (py::error_already_set& err) {
        err.restore();
        python_error = true;
      }
    }
    if (python_error) cancel = true;
  };
  ex::RunResult r;
  {
    py::gil_scoped_release release;
    r = ex::run_units(*e, o);
  }
  if (python_error) throw py::error_already_set();
  if (sharded) return ex::shard_json(*e, shard_index, shard_count, r.records);
  return ex::result_json(*e, r.records);
}

std::string merge_shards(const std::vector<std::string>& texts) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < texts.size(); ++k) names.push_back("shard " + std::to_string(k));
  const ex::Merged m = ex::merge_shards(texts, names);
  return ex::result_json(*m.experiment, m.records);
}

}  // namespace

void bind_experiments(py::module_& m) {
  m.def("run_experiment", &run_experiment);
  m.def("merge_shards", &merge_shards);
  m.def("version", &ex::program_version);
}

}  // namespace hopfield::python
