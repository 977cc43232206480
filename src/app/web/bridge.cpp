// The web bridge: C functions behind window.hopfield (js/api.js) and the browser side of file
// upload and download. Web build only. Like chips' webapi, it calls App's commands and reads
// what App shows; it touches no field. This file: the App's hooks into the page, the notices
// and the wheel; bridge_state.cpp reads, bridge_commands.cpp and bridge_files.cpp command,
// bridge_worker.cpp runs experiments in a Web Worker.
#include <emscripten.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.hpp"
#include "app/web/bridge.hpp"

namespace hlab::web {

std::string& result() {
  static std::string text;
  return text;
}

std::uint64_t parse_seed(const char* text) {
  const std::string s = text ? text : "";
  std::uint64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
    throw std::invalid_argument("seed must be an integer from 0 to 2^64-1, not '" + s + "'");
  return v;
}

}  // namespace hlab::web

namespace {

using hlab::App;
using hlab::the_app;

void install() {
  App& app = the_app();
  app.hooks.upload_patterns = [] {
    EM_ASM({
      var input = document.getElementById('hopfield-file');
      if (input) input.click();
    });
  };
  app.hooks.theme_changed = [](const std::string& theme) {
    EM_ASM({ if (Module.hopfieldSaveTheme) Module.hopfieldSaveTheme(UTF8ToString($0)); }, theme.c_str());
  };
  app.hooks.fetch_dataset = [](const std::string& name, const std::string& classes, int per_class,
                               bool replace) {
    EM_ASM({ Module.hopfieldFetchDataset(UTF8ToString($0), UTF8ToString($1), $2, $3 !== 0); },
           name.c_str(), classes.c_str(), per_class, replace ? 1 : 0);
  };
  app.hooks.download = [](const std::string& filename, const std::string& bytes) {
    EM_ASM(
        {
          var name = UTF8ToString($0);
          var type = name.endsWith('.png') ? 'image/png' : name.endsWith('.csv') ? 'text/csv' : 'text/plain';
          var blob = new Blob([HEAPU8.slice($1, $1 + $2)], {type: type});
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = name;
          document.body.appendChild(a);
          a.click();
          setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        },
        filename.c_str(), bytes.data(), bytes.size());
  };
  app.hooks.share_link = [](const std::string& state) {
    // (wasm32: a pointer fits EM_ASM_INT's int)
    char* link = reinterpret_cast<char*>(static_cast<std::intptr_t>(EM_ASM_INT({
      var t = Module.hopfieldShareLink(UTF8ToString($0));
      var n = lengthBytesUTF8(t) + 1;
      var p = _malloc(n);
      stringToUTF8(t, p, n);
      return p;
    }, state.c_str())));
    std::string out = link ? link : "";
    std::free(link);
    return out;
  };
  app.hooks.forget_saved_session = [] { EM_ASM({ Module.hopfieldForgetSession(); }); };
  app.hooks.open_full = [](const std::string& state) {
    EM_ASM({ Module.hopfieldOpenFull(UTF8ToString($0)); }, state.c_str());
  };
  app.hooks.recall_finished = [] { EM_ASM({ if (Module.hopfieldFinished) Module.hopfieldFinished(); }); };
  app.hooks.first_frame = [] {
    EM_ASM({
      if (Module.hopfieldReady) Module.hopfieldReady();
    });
  };
}

// Installed before main() runs (this file is part of the executable, so it is always linked).
const bool g_installed = (install(), true);

}  // namespace

extern "C" {

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

// A notice from the page's JavaScript (autosave's storage warning).
EMSCRIPTEN_KEEPALIVE void hl_notice(const char* text, int is_error) {
  if (is_error) the_app().error(text ? text : "");
  else the_app().info(text ? text : "");
}

// The height (CSS px) the lab's content needs: the window plus what its panels hide below
// their visible part (the one scrolling column, or the tallest column). An embed's autoHeight
// follows it (js/messages.js); the document's own height is only the frame's.
EMSCRIPTEN_KEEPALIVE double hl_content_height() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  const ImGuiWindow* main = g ? ImGui::FindWindowByName("Hopfield Lab") : nullptr;
  if (!main) return 0.0;
  float hidden = main->ScrollMax.y;
  for (const ImGuiWindow* w : g->Windows)
    if (w->ParentWindow == main && (w->Active || w->WasActive)) hidden = std::max(hidden, w->ScrollMax.y);
  return static_cast<double>(main->Size.y + hidden);
}

}  // extern "C"
