// The web bridge's commands on the lab: grid, library, probe, drawing, damage, recall steps
// and runs, settings, built-in sets, theme and lessons. See bridge.cpp.
#include <emscripten.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/state/app.hpp"
#include "app/state/lessons.hpp"
#include "app/state/view_state.hpp"
#include "core/io/session_link.hpp"

#include "app/web/bridge.hpp"

using hlab::App;
using hlab::the_app;
using namespace hlab::web;

namespace {

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

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* hl_set_drawing(const char* grid) {
  return guarded([&] {
    App& app = the_app();
    hopfield::Pattern p = app.lab().drawing();
    p.spins = hopfield::spins_from_string(grid ? grid : "", app.lab().size());
    app.set_drawing(p);
  });
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

// removePattern(index): the library's Delete (a Hebbian W subtracts the pattern's outer
// product exactly).
EMSCRIPTEN_KEEPALIVE const char* hl_remove_pattern(int index) {
  return guarded([&] { the_app().remove_pattern(index); });
}

EMSCRIPTEN_KEEPALIVE const char* hl_reset() {
  return guarded([&] { the_app().reset(); });
}

// run(): the app animates the recall at full speed inside its frames (a few ms per frame,
// so the page stays fluid); JavaScript polls hl_is_running.
EMSCRIPTEN_KEEPALIVE void hl_run_start() { the_app().run(/*flat_out=*/true); }

EMSCRIPTEN_KEEPALIVE int hl_is_running() { return the_app().running() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE double hl_frame_count() { return static_cast<double>(the_app().frames()); }

// Recall work outside frames, for when the browser draws none (a hidden tab).
EMSCRIPTEN_KEEPALIVE void hl_run_chunk(double budget_ms) { the_app().run_for(budget_ms); }

// setOptions: the settings given, as "key=value;..." (models.hpp's text form), through the
// core's one grammar (App::apply_settings: the model first, all or nothing).
EMSCRIPTEN_KEEPALIVE const char* hl_set_options(const char* settings) {
  return guarded([&] {
    the_app().apply_settings(hopfield::split_model_parameters_text(settings ? settings : ""));
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_load_builtin(const char* family, int replace, const char* pick) {
  return guarded([&] { the_app().load_builtin(family ? family : "", replace != 0, pick ? pick : ""); });
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

// A session opened in the running page (a link pasted into the address bar, or back to this
// browser's own session: session_store.js); "" opens a fresh one. Nothing changes on an error.
EMSCRIPTEN_KEEPALIVE const char* hl_restore_session(const char* text) {
  return guarded([&] {
    const std::string session = text ? text : "";
    hlab::restore_session_text(the_app(), hlab::the_view(), session.empty() ? hopfield::encode_session(hopfield::Session{}) : session);
  });
}

}  // extern "C"
