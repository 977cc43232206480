// The experiments' Web Worker (hopfield-worker.js): the core without any UI, running one
// experiment's units off the page's thread. The page posts {spec, files}; the worker posts back
// {type: 'records', text} batches (as [[unit, values...]] JSON, every value exact; one every
// kBatchMs, the page's refresh of the Experiments window: each message is work on the page's
// thread, and 20 a second cost it 3-4 of its 60 frames on a 2-core machine), then
// {type: 'done'} or {type: 'error', text}. Cancelling is the page's terminate().
// The same program decodes the page's images (hw_decode_image, js/image_worker.js): a JPEG of
// many scans takes seconds, which would otherwise be seconds without a frame.
#include <emscripten.h>

#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "app/state/experiment_run.hpp"  // the refresh rate only: header-only, no UI
#include "core/experiments/experiment.hpp"
#include "core/io/image_import.hpp"
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

// The image in `data` decoded to grey (core/io/image_import.hpp, its work bound included):
// posts {type: 'image', id, width, height, pixels} (pixels a transferred Uint8Array) or
// {type: 'error', id, text} with the decoder's message.
extern "C" EMSCRIPTEN_KEEPALIVE void hw_decode_image(int id, const char* data, int length,
                                                     const char* name) {
  try {
    const hopfield::GreyImage image = hopfield::decode_grey_image(
        std::string_view(data, static_cast<std::size_t>(length)), name ? name : "image");
    EM_ASM({
      var pixels = HEAPU8.slice($3, $3 + $1 * $2);
      postMessage({type: 'image', id: $0, width: $1, height: $2, pixels: pixels}, [pixels.buffer]);
    }, id, image.width, image.height, image.pixels.data());
  } catch (const std::exception& e) {
    EM_ASM({ postMessage({type: 'error', id: $0, text: UTF8ToString($1)}); }, id, e.what());
  }
}
