// The web bridge's readers: the state as JSON (getState), the trace, the regions drawn, the
// frame counts, the session text and the live region's sentence. See bridge.cpp.
#include <emscripten.h>

#include <string>

#include "app/state/app.hpp"
#include "app/state/lessons.hpp"
#include "app/platform/platform.hpp"
#include "app/state/view_state.hpp"
#include "core/io/json.hpp"
#include "core/report.hpp"

#include "app/web/bridge.hpp"

using hlab::App;
using hlab::the_app;
using namespace hlab::web;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* hl_get_state() {
  const hopfield::Lab& lab = the_app().lab();
  const hopfield::Recall& r = lab.recall();
  const hopfield::LabSettings& s = lab.settings();
  hopfield::JsonWriter json;
  json.begin_object();
  json.key("width").value(lab.width());
  json.key("height").value(lab.height());
  json.key("patterns").begin_array();
  for (const hopfield::Pattern& p : lab.patterns()) json.value(hopfield::to_string(p.spins));
  json.end_array();
  json.key("names").array(lab.pattern_names());
  json.key("state").value(hopfield::to_string(lab.state()));
  json.key("probe").value(hopfield::to_string(lab.probe()));
  json.key("drawing").value(hopfield::to_string(lab.drawing().spins));
  // The modern and continuous models' real state (grey levels; "state" holds its signs).
  if (!r.state_values().empty()) json.key("stateValues").array(r.state_values());
  json.key("iteration").value(r.sweeps());
  json.key("energy").value(r.energy());
  json.key("hamming").value(r.trace().hamming.back());
  json.key("converged").value(r.outcome() == hopfield::Outcome::fixed_point);
  json.key("finished").value(r.finished());
  json.key("outcome").value(hopfield::to_string(r.outcome()));
  json.key("cycleLength").value(r.cycle_length());
  const hopfield::FinalStateReport v = lab.verdict();
  json.key("verdict").value(hopfield::to_string(v.verdict));
  json.key("verdictPattern").value(v.pattern);
  json.key("summary").value(v.summary);
  json.key("messages").begin_array();  // the notices the app shows (errors and information)
  for (const hlab::Notice& n : the_app().notices()) json.value(n.text);
  json.end_array();
  json.key("selected").value(the_app().selected());
  json.key("panels").array(hlab::panel_names(hlab::the_view().panels()));
  json.key("embed").value(hlab::the_view().embed());
  json.key("theme").value(hopfield::name_of(hlab::kThemeNames, hlab::the_view().theme()));
  json.key("storageNote").value(hlab::the_view().storage_note());
  json.key("layout").begin_object();
  json.key("columns").value(hlab::the_view().layout().columns);
  json.key("overflowPx").value(double{hlab::the_view().layout().overflow_px});
  json.key("controlHeight").value(double{hlab::the_view().layout().control_height});
  json.key("coarsePointer").value(hlab::the_view().coarse_pointer());
  json.end_object();
  json.key("hint").value(hlab::the_view().hint());  // as shown ("" when closed)
  json.key("target");
  if (lab.probe_source()) json.value(*lab.probe_source());
  else json.null();
  json.key("options").begin_object();
  json.key("rule").value(hopfield::to_string(s.rule));
  json.key("scale").value(hopfield::to_string(s.scale));
  json.key("mode").value(hopfield::to_string(s.dynamics.mode));
  json.key("tie").value(hopfield::to_string(s.dynamics.tie));
  json.key("temperature").value(s.dynamics.temperature);
  json.key("seed").value(std::to_string(s.dynamics.seed));
  json.key("maxSweeps").value(s.dynamics.max_sweeps);
  // The model and the parameters that differ from its defaults, as setOptions takes them.
  for (const auto& [key, value] : hopfield::model_parameters(s.model)) json.key(key).value(value);
  json.end_object();
  json.end_object();
  result() = json.str();
  return result().c_str();
}

// Every region the last frame drew ({name: {x, y, width, height}}, CSS pixels relative to the
// canvas): the editor, the recall grid, the plots, the Run button, the keyboard focus...
EMSCRIPTEN_KEEPALIVE const char* hl_get_regions() {
  hopfield::JsonWriter json;
  json.begin_object();
  auto put = [&](const std::string& name, const hlab::ScreenRect& r) {
    json.key(name).begin_object();
    json.key("x").value(double{r.x});
    json.key("y").value(double{r.y});
    json.key("width").value(double{r.width});
    json.key("height").value(double{r.height});
    json.end_object();
  };
  put("editor", hlab::the_view().editor_rect());
  for (const auto& [name, rect] : hlab::the_view().regions()) put(name, rect);
  json.end_object();
  result() = json.str();
  return result().c_str();
}

// The recall's trace as CSV (iter,energy,hamming,flips, then one overlap column per pattern).
EMSCRIPTEN_KEEPALIVE const char* hl_trace_csv() {
  const hopfield::Lab& lab = the_app().lab();
  result() = hopfield::trace_csv(lab.recall().trace(), lab.pattern_names());
  return result().c_str();
}

// One sentence for the screen-reader live region (App::status_text).
EMSCRIPTEN_KEEPALIVE const char* hl_status_text() {
  result() = the_app().status_text();
  return result().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* hl_get_editor_rect() {
  const hlab::ScreenRect r = hlab::the_view().editor_rect();
  hopfield::JsonWriter json;
  json.begin_object();
  json.key("x").value(double{r.x});
  json.key("y").value(double{r.y});
  json.key("width").value(double{r.width});
  json.key("height").value(double{r.height});
  json.end_object();
  result() = json.str();
  return result().c_str();
}

// The session as share-link text (autosave and getShareLink).
EMSCRIPTEN_KEEPALIVE const char* hl_session_text() {
  result() = hlab::session_text(the_app(), hlab::the_view());
  return result().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* hl_get_frame_stats() {
  const hlab::platform::Status status = hlab::platform::status();
  const hlab::platform::FrameCounts& frames = status.frames;
  hopfield::JsonWriter json;
  json.begin_object();
  json.key("full").value(static_cast<double>(frames.full));
  json.key("partial").value(static_cast<double>(frames.partial));
  json.key("unchanged").value(static_cast<double>(frames.skipped));
  json.key("pixels").value(frames.pixels);
  json.key("renderer").value(status.renderer);
  json.key("software").value(status.software);
  json.end_object();
  result() = json.str();
  return result().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* hl_get_trace() {
  hopfield::JsonWriter json;
  json.begin_object();
  hopfield::write_recall_members(json, the_app().lab().recall());
  json.end_object();
  result() = json.str();
  return result().c_str();
}

}  // extern "C"
