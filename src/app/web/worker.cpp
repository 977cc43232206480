// The experiments' Web Worker (hopfield-worker.js): the core without any UI, running one
// experiment's units off the page's thread. The page posts {spec, files}; the worker posts back
// {type: 'records', text} batches (as [[unit, values...]] JSON, every value exact; one every
// kBatchMs, the page's refresh of the Experiments window: each message is work on the page's
// thread, and 20 a second cost it 3-4 of its 60 frames on a 2-core machine), then
// {type: 'done'} or {type: 'error', text}. Cancelling is the page's terminate().
#include <emscripten.h>

#include <exception>
#include <string>
#include <vector>

#include "app/state/experiment_run.hpp"  // the refresh rate only: header-only, no UI
#include "core/experiments/experiment.hpp"
#include "core/io/json.hpp"

namespace {

namespace ex = hopfield::experiments;
constexpr double kBatchMs = 1000.0 * hlab::ExperimentRun::kRefreshSeconds;

void post(const char* type, const std::string& text) {
  EM_ASM({ postMessage({type: UTF8ToString($0), text: UTF8ToString($1)}); }, type, text.c_str());
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void hw_run(const char* spec_json) {
  try {
    std::unique_ptr<ex::Experiment> e = ex::make_experiment(hopfield::parse_json(spec_json));
    e->prepare();
    std::vector<ex::UnitRecord> batch;
    double last = emscripten_get_now();
    const std::vector<long long> units = ex::all_units(*e);
    long long taken = 0;
    ex::run_unit_loop(*e, units, [&] { return taken++; }, {}, [&](long long k, ex::UnitRecord&& r) {
      batch.push_back(std::move(r));
      const double now = emscripten_get_now();
      if (now - last >= kBatchMs || k + 1 == static_cast<long long>(units.size())) {
        post("records", ex::records_json(batch));
        batch.clear();
        last = now;
      }
    });
    post("done", "");
  } catch (const std::exception& e) {
    post("error", e.what());
  }
}
