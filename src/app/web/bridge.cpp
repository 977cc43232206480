// The web bridge: C functions behind window.hopfield (see hopfield_api.js); the browser side
// of files, saved state and links is the host (host_web.cpp). Web build only. Like chips'
// webapi, it calls App's commands and reads what App shows; it touches no field.
#include <emscripten.h>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <exception>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.hpp"
#include "app/experiment_run.hpp"
#include "app/lessons.hpp"
#include "app/platform.hpp"
#include "app/view_state.hpp"
#include "app/widgets.hpp"
#include "core/json.hpp"
#include "core/report.hpp"

namespace {

using hlab::App;
using hlab::the_app;

std::string g_result;  // the string a bridge function returns lives here until the next call

// Runs `action`; returns "" or the exception's message (the JS wrapper throws it as an Error).
template <class F>
const char* guarded(F&& action) {
  try {
    action();
    g_result.clear();
  } catch (const std::exception& e) {
    g_result = e.what();
    if (g_result.empty()) g_result = "error";
  }
  return g_result.c_str();
}

std::uint64_t parse_seed(const char* text) {
  const std::string s = text ? text : "";
  std::uint64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
    throw std::invalid_argument("seed must be an integer from 0 to 2^64-1, not '" + s + "'");
  return v;
}

std::vector<std::string> split_lines(const char* joined) {
  std::vector<std::string> out;
  std::string text = joined ? joined : "";
  if (text.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// Experiments run in a Web Worker (hopfield-worker.js, see worker.cpp); its messages come
// back through hl_worker_message and wait here until the App polls.
class WorkerBackend : public hlab::ExperimentBackend {
 public:
  void start(const std::string& spec_json,
             const std::vector<std::pair<std::string, std::string>>& files) override {
    pending_ = {};
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
};

WorkerBackend* g_worker = nullptr;

}  // namespace

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
  json.key("layout").begin_object();
  json.key("columns").value(hlab::the_view().layout().columns);
  json.key("overflowPx").value(double{hlab::the_view().layout().overflow_px});
  json.end_object();
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
  g_result = json.str();
  return g_result.c_str();
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
  g_result = json.str();
  return g_result.c_str();
}

// The recall's trace as CSV (iter,energy,hamming,flips, then one overlap column per pattern).
EMSCRIPTEN_KEEPALIVE const char* hl_trace_csv() {
  const hopfield::Lab& lab = the_app().lab();
  g_result = hopfield::trace_csv(lab.recall().trace(), lab.pattern_names());
  return g_result.c_str();
}

// One sentence for the screen-reader live region (App::status_text).
EMSCRIPTEN_KEEPALIVE const char* hl_status_text() {
  g_result = the_app().status_text();
  return g_result.c_str();
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
  g_result = json.str();
  return g_result.c_str();
}

// Whether a wheel turn (dy > 0: down) over the canvas would scroll something of the lab: the
// window under the mouse in the last frame, or one it sits in, has room to scroll that way.
// If not, the page lets the browser have the wheel, which then scrolls the course page
// around the iframe (hopfield_api.js).
EMSCRIPTEN_KEEPALIVE int hl_wheel_scrolls(double dy) {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return 1;
  for (const ImGuiWindow* w = g->HoveredWindow; w; w = w->ParentWindow) {
    if (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) continue;
    if (w->ScrollMax.y <= 0.0f) continue;
    if ((dy < 0 && w->Scroll.y > 0.0f) || (dy > 0 && w->Scroll.y < w->ScrollMax.y)) return 1;
  }
  return 0;
}

// The session as share-link text (autosave and getShareLink).
EMSCRIPTEN_KEEPALIVE const char* hl_session_text() {
  g_result = hlab::session_text(the_app(), hlab::the_view());
  return g_result.c_str();
}

// A notice from the page's JavaScript (autosave's storage warning).
EMSCRIPTEN_KEEPALIVE void hl_notice(const char* text, int is_error) {
  if (is_error) the_app().error(text ? text : "");
  else the_app().info(text ? text : "");
}

// exportPng(region): captures the region as the next frame draws it and hands the PNG to
// Module.hopfieldPng(id, pointer, length) (length 0: it could not be read).
EMSCRIPTEN_KEEPALIVE const char* hl_export_png(const char* region, int id) {
  return guarded([&] {
    const std::string name = region ? region : "";
    // 'plots' is the recall's plots (the name); 'recall-plots' stays for old callers.
    const std::string region_name = name == "plots" ? "recall-plots" : name;
    if (name != "editor" && name != "recall" && name != "plots" && name != "recall-plots" &&
        name != "experiment-plots" && name != "window")
      throw std::invalid_argument(
          "region must be editor, recall, plots, experiment-plots or window, not '" + name + "'");
    hlab::capture_region_png(hlab::the_view(), region_name, [id](const std::string& png) {
      EM_ASM({ if (Module.hopfieldPng) Module.hopfieldPng($0, $1, $2); }, id, png.data(), png.size());
    }, name);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_set_drawing(const char* grid) {
  return guarded([&] {
    App& app = the_app();
    hopfield::Pattern p = app.lab().drawing();
    p.spins = hopfield::spins_from_string(grid ? grid : "", app.lab().size());
    app.set_drawing(p);
  });
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
  g_result = json.str();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* hl_get_trace() {
  hopfield::JsonWriter json;
  json.begin_object();
  hopfield::write_recall_members(json, the_app().lab().recall());
  json.end_object();
  g_result = json.str();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* hl_set_grid_size(int width, int height) {
  return guarded([&] {
    the_app().set_grid_size(width, height);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_set_patterns(const char* joined, const char* names_joined) {
  return guarded([&] {
    const hopfield::Lab& lab = the_app().lab();
    const std::vector<std::string> rows = split_lines(joined);
    const std::vector<std::string> names = split_lines(names_joined);
    std::vector<hopfield::Pattern> patterns;
    for (std::size_t mu = 0; mu < rows.size(); ++mu) {
      hopfield::Pattern p;
      p.width = lab.width();
      p.height = lab.height();
      p.name = mu < names.size() ? names[mu] : "pattern " + std::to_string(mu);
      try {
        p.spins = hopfield::spins_from_string(rows[mu], lab.size());
      } catch (const std::exception& e) {
        throw std::invalid_argument("patterns[" + std::to_string(mu) + "]: " + e.what() +
                                    " (grid is " + std::to_string(lab.width()) + "x" +
                                    std::to_string(lab.height()) + ")");
      }
      patterns.push_back(std::move(p));
    }
    the_app().set_patterns(patterns);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_set_state(const char* text) {
  return guarded([&] {
    App& app = the_app();
    app.set_probe(hopfield::spins_from_string(text ? text : "", app.lab().size()));
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_corrupt(const char* kind, double amount, int value, int x,
                                            int y, int w, int h, const char* seed, int pattern) {
  return guarded([&] {
    hopfield::CorruptionRequest c;
    c.kind = hopfield::parse_corruption(kind ? kind : "");
    c.amount = amount;
    if (value != 1 && value != -1) throw std::invalid_argument("value must be 1 or -1");
    c.value = static_cast<hopfield::Spin>(value);
    c.x = x;
    c.y = y;
    c.w = w;
    c.h = h;
    c.seed = parse_seed(seed);
    the_app().corrupt(c, pattern >= 0 ? std::optional<int>(pattern) : std::nullopt);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_step(int sweeps) {
  return guarded([&] { the_app().step_sweeps(sweeps); });
}

EMSCRIPTEN_KEEPALIVE const char* hl_step_neuron() {
  return guarded([&] { the_app().step_neuron(); });
}

EMSCRIPTEN_KEEPALIVE const char* hl_reset() {
  return guarded([&] { the_app().reset(); });
}

// Runs sweeps for about `budget_ms`; returns 1 once the recall has finished.
// run(): the app animates the recall at full speed inside its frames (a few ms per frame,
// so the page stays fluid); JavaScript polls hl_is_running.
EMSCRIPTEN_KEEPALIVE void hl_run_start() { the_app().run(/*flat_out=*/true); }

EMSCRIPTEN_KEEPALIVE int hl_is_running() { return the_app().running() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE double hl_frame_count() { return static_cast<double>(the_app().frames()); }

// Recall work outside frames, for when the browser draws none (a hidden tab).
EMSCRIPTEN_KEEPALIVE void hl_run_chunk(double budget_ms) { the_app().run_for(budget_ms); }

// Empty strings and has_* = 0 leave a setting as it is.
EMSCRIPTEN_KEEPALIVE const char* hl_set_options(const char* rule, const char* scale,
                                                const char* mode, const char* tie,
                                                int has_temperature, double temperature,
                                                const char* seed, int has_max_sweeps,
                                                int max_sweeps, const char* model) {
  return guarded([&] {
    App& app = the_app();
    hopfield::LabSettings s = app.lab().settings();
    // The model's parameters as "key=value;..." (models.hpp's text form). A new model starts
    // from its defaults; the keys given must apply to it.
    const auto given = hopfield::split_model_parameters_text(model ? model : "");
    std::vector<std::string> keys;
    for (const auto& [key, value] : given) {
      if (key != "model") continue;
      const hopfield::Model m = hopfield::parse_model(value);
      if (m != s.model.model) {
        s.model = hopfield::ModelOptions{};
        s.model.model = m;
      }
    }
    for (const auto& [key, value] : given) {
      hopfield::set_model_parameter(s.model, key, value);
      keys.push_back(key);
    }
    hopfield::check_model_keys(s.model, keys, false);
    if (rule && *rule) s.rule = hopfield::parse_rule(rule);
    if (scale && *scale) s.scale = hopfield::parse_scale(scale);
    if (mode && *mode) s.dynamics.mode = hopfield::parse_mode(mode);
    if (tie && *tie) s.dynamics.tie = hopfield::parse_tie(tie);
    if (has_temperature) s.dynamics.temperature = temperature;
    if (seed && *seed) s.dynamics.seed = parse_seed(seed);
    if (has_max_sweeps) s.dynamics.max_sweeps = max_sweeps;
    app.set_settings(s);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_load_file(const char* data, int length, const char* name,
                                              int replace) {
  return guarded([&] {
    the_app().load_pattern_file(std::string_view(data, static_cast<std::size_t>(length)),
                                name ? name : "file", replace != 0);
  });
}

// A file the user picked in the page: a problem is shown in the app, as for any click.
EMSCRIPTEN_KEEPALIVE void hl_upload_file(const char* data, int length, const char* name) {
  App& app = the_app();
  const std::string source = name ? name : "file";
  app.attempt([&] { app.open_file(std::string_view(data, static_cast<std::size_t>(length)), source); },
              "Loading " + source);
}

// greyProbe(): the kept image's grey levels as the probe (modern and continuous models).
EMSCRIPTEN_KEEPALIVE const char* hl_grey_probe() {
  return guarded([&] { the_app().probe_from_image_levels(); });
}

// loadImage(bytes, options): the image into the drawing; threshold is "otsu", "dither" or a
// level, fit "contain" or "cover".
EMSCRIPTEN_KEEPALIVE const char* hl_load_image(const char* data, int length, const char* name,
                                               const char* threshold, int invert, const char* fit) {
  return guarded([&] {
    hopfield::ImageImportOptions o;
    o.threshold = hopfield::parse_image_threshold(threshold ? threshold : "otsu");
    o.invert = invert != 0;
    o.fit = hopfield::parse_image_fit(fit ? fit : "contain");
    the_app().import_image(std::string_view(data, static_cast<std::size_t>(length)),
                           name ? name : "image", o);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_load_builtin(const char* family, int replace, const char* pick) {
  return guarded([&] { the_app().load_builtin(family ? family : "", replace != 0, pick ? pick : ""); });
}

// A data set the page fetched (loadDataset): images, labels and class names, as bytes.
EMSCRIPTEN_KEEPALIVE const char* hl_load_labelled_set(const char* name, const char* images,
                                                      int images_length, const char* labels,
                                                      int labels_length, const char* names,
                                                      int names_length, const char* classes,
                                                      int per_class, int replace) {
  return guarded([&] {
    hlab::App::LabelledSetFiles files;
    files.name = name ? name : "data set";
    files.images.assign(images, static_cast<std::size_t>(images_length));
    files.labels.assign(labels, static_cast<std::size_t>(labels_length));
    files.class_names.assign(names, static_cast<std::size_t>(names_length));
    the_app().load_labelled_set(files, classes ? classes : "", per_class, replace != 0);
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_set_theme(const char* name) {
  return guarded([&] {
    hlab::the_view().choose_theme(hopfield::parse_name(hlab::kThemeNames, "theme", name ? name : ""),
                                  the_app().host());
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_load_lesson(const char* id) {
  return guarded([&] { hlab::start_lesson(the_app(), hlab::the_view(), id ? id : ""); });
}

// --- experiments ---------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE void hl_worker_message(const char* type, const char* text) {
  if (g_worker) g_worker->message(type ? type : "", text ? text : "");
}

EMSCRIPTEN_KEEPALIVE const char* hl_experiment_start(const char* spec_json) {
  return guarded([&] { the_app().start_experiment(spec_json ? spec_json : ""); });
}

EMSCRIPTEN_KEEPALIVE void hl_experiment_cancel() { the_app().cancel_experiment(); }

// {state, done, total, etaSeconds, elapsedSeconds, error}
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
  json.end_object();
  g_result = json.str();
  return g_result.c_str();
}

// The finished experiment as `hopfield-cli <experiment> --json` prints it ("" with an error
// message in g_error otherwise).
EMSCRIPTEN_KEEPALIVE const char* hl_experiment_result() {
  try {
    g_result = the_app().experiment().result_json();
  } catch (const std::exception& e) {
    g_result.clear();
  }
  return g_result.c_str();
}

}  // extern "C"

namespace hlab {

std::unique_ptr<ExperimentBackend> make_experiment_backend() {
  auto backend = std::make_unique<WorkerBackend>();
  g_worker = backend.get();
  return backend;
}

}  // namespace hlab
