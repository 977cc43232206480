// The web bridge's experiments: they run in a Web Worker (hopfield-worker.js, see worker.cpp,
// started by js/experiment_worker.js); its messages come back through hl_worker_message and
// wait in the backend until the App polls. See bridge.cpp.
#include <emscripten.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/state/app.hpp"
#include "app/state/experiment_run.hpp"
#include "app/web/bridge.hpp"
#include "core/io/json.hpp"
#include "core/report.hpp"

namespace {

using hlab::App;
using hlab::the_app;
using namespace hlab::web;

class WorkerBackend : public hlab::ExperimentBackend {
 public:
  void start(const std::string& spec_json,
             const std::vector<std::pair<std::string, std::string>>& files) override {
    pending_ = {};
    ++started_;
    hopfield::JsonWriter list;
    list.begin_array();
    for (const auto& [name, bytes] : files) list.begin_array().value(name).value(bytes).end_array();
    list.end_array();
    EM_ASM({ Module.hopfieldWorkerStart(UTF8ToString($0), JSON.parse(UTF8ToString($1))); },
           spec_json.c_str(), list.str().c_str());
  }
  void cancel() override {
    EM_ASM({ Module.hopfieldWorkerStop(); });
  }
  Update poll() override { return std::exchange(pending_, Update{}); }
  // How many runs were started: tells one run's status from the next one's.
  int started() const { return started_; }

  void message(const std::string& type, const std::string& text) {
    if (type == "records") {
      try {
        for (auto& r : hopfield::experiments::parse_records(hopfield::parse_json(text)))
          pending_.records.push_back(std::move(r));
      } catch (const std::exception& e) {
        pending_.finished = true;
        pending_.error = std::string("the worker sent records that do not read: ") + e.what();
      }
    } else {
      pending_.finished = true;
      if (type == "error") pending_.error = text.empty() ? "the experiment worker failed" : text;
    }
  }

 private:
  Update pending_;
  int started_ = 0;
};

WorkerBackend* g_worker = nullptr;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void hl_worker_message(const char* type, const char* text) {
  if (g_worker) g_worker->message(type ? type : "", text ? text : "");
}

EMSCRIPTEN_KEEPALIVE const char* hl_experiment_start(const char* spec_json) {
  return guarded([&] { the_app().start_experiment(spec_json ? spec_json : ""); });
}

EMSCRIPTEN_KEEPALIVE void hl_experiment_cancel() { the_app().cancel_experiment(); }

// {state, done, total, etaSeconds, elapsedSeconds, error, run: how many runs were started}
EMSCRIPTEN_KEEPALIVE const char* hl_experiment_status() {
  App& app = the_app();
  app.poll_experiment();  // also when no frames are drawn (a hidden tab)
  const hlab::ExperimentRun& run = app.experiment();
  static const char* const kStates[] = {"idle", "running", "done", "cancelled", "failed"};
  hopfield::JsonWriter json;
  json.begin_object();
  json.key("state").value(kStates[static_cast<int>(run.state())]);
  json.key("done").value(run.done());
  json.key("total").value(run.total());
  json.key("etaSeconds").value(run.eta_seconds());
  json.key("elapsedSeconds").value(run.elapsed_seconds());
  json.key("error").value(run.error());
  json.key("run").value(g_worker ? g_worker->started() : 0);
  json.end_object();
  result() = json.str();
  return result().c_str();
}

// The finished experiment as `hopfield-cli <experiment> --json` prints it, or "" while there
// is none (the status, hl_experiment_status, says why).
EMSCRIPTEN_KEEPALIVE const char* hl_experiment_result() {
  try {
    result() = the_app().experiment().result_json();
  } catch (const std::exception&) {
    result().clear();
  }
  return result().c_str();
}

}  // extern "C"

namespace hlab {

std::unique_ptr<ExperimentBackend> make_experiment_backend() {
  auto backend = std::make_unique<WorkerBackend>();
  g_worker = backend.get();
  return backend;
}

}  // namespace hlab
