// hopfield-lab: the desktop program and (compiled with Emscripten) the web page. One main loop
// for both: main hands the build's host (host.hpp) to the App, start-up parameters come from
// the command line or the page's URL, then the platform layer runs the UI once per frame.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/state/app.hpp"
#include "app/state/host.hpp"
#include "app/platform/platform.hpp"
#include "app/state/startup.hpp"
#include "app/panels/ui.hpp"
#include "app/state/view_state.hpp"

int main(int argc, char** argv) {
  hlab::App& app = hlab::the_app();
  app.set_host(hlab::make_host());
  const hlab::Host& host = app.host();
  hlab::platform::Config config;
  std::vector<hlab::Param> params;
  if (host.page_query) params = hlab::parse_query(host.page_query());  // web
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(hlab::desktop_usage().c_str(), stdout);
      return 0;
    }
    if (arg.rfind("--", 0) != 0 || i + 1 >= argc) {
      std::fprintf(stderr, "hopfield-lab: unexpected argument '%s'\n%s", arg.c_str(),
                   hlab::desktop_usage().c_str());
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--smoke-frames") {
      config.smoke_frames = std::atoi(value.c_str());
      if (config.smoke_frames < 1) {
        std::fprintf(stderr, "hopfield-lab: --smoke-frames needs a positive count\n");
        return 2;
      }
    } else if (arg == "--screenshot") {
      config.screenshot = value;
    } else {
      params.emplace_back(hopfield::key_of_flag(arg), value);  // --max-sweeps is maxSweeps
    }
  }
  // A share link's #state=... comes after the query, so it wins; without one, the session
  // this browser autosaved is restored.
  if (host.page_hash)
    for (hlab::Param& p : hlab::parse_query(host.page_hash())) params.push_back(std::move(p));
  app.set_experiment_backend(hlab::make_experiment_backend());
  hlab::ViewState& view = hlab::the_view();
  if (host.saved_session) view.saved_session = host.saved_session();
  hlab::StartupOptions options = hlab::parse_startup(params, app.lab().settings());
  if (!options.state) {
    const std::string& saved = view.saved_session;
    if (!saved.empty()) {
      options.state = saved;
      options.state_origin = "this browser's last visit (autosaved)";
    }
  }
  if (!options.theme && host.saved_theme) {  // the look this browser chose last time (theme= wins)
    try {
      const std::string saved = host.saved_theme();
      if (!saved.empty()) options.theme = hopfield::parse_name(hlab::kThemeNames, "theme", saved);
    } catch (const std::exception&) {  // a stale or foreign value: the default look
    }
  }
  config.full_redraw = options.full_redraw;
  config.plot_lines = options.plot_lines;
  // Shown in the app too; on the web, stderr is the browser's console.
  for (const std::string& w : hlab::apply_startup(app, view, std::move(options)))
    std::fprintf(stderr, "hopfield-lab: %s\n", w.c_str());
  // Static: in the browser, main's stack is gone once the main loop takes over.
  static hlab::Ui ui;
  return hlab::platform::run(config, [&app, &view](const hlab::platform::FrameInfo& info) {
    // A bug that throws in the middle of a frame must not take the user's work down with it:
    // the frame's windows are closed, the error is shown, and the next frame starts afresh.
    try {
      ui.frame(app, view, info);
    } catch (const std::exception& e) {
      ImGui::ErrorCheckEndFrameRecover(nullptr);
      std::fprintf(stderr, "hopfield-lab: internal error in a frame: %s\n", e.what());
      app.error(std::string("Internal error (please report it): ") + e.what());
    }
  });
}
