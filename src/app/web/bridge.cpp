// The web bridge: C functions behind window.hopfield (js/api.js). Web build only. Like chips'
// webapi, it calls App's commands and reads what App shows; it touches no field. The browser
// side of files, saved state and links is the host (host_web.cpp). This file: the notices and
// the wheel; bridge_state.cpp reads, bridge_commands.cpp and bridge_files.cpp command,
// bridge_worker.cpp runs experiments in a Web Worker.
#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/platform/platform.hpp"
#include "app/state/app.hpp"
#include "app/state/view_state.hpp"
#include "app/web/bridge.hpp"
#include "core/arguments.hpp"

namespace hlab::web {

std::string& result() {
  static std::string text;
  return text;
}

std::uint64_t parse_seed(const char* text) { return hopfield::parse_seed(text ? text : ""); }

}  // namespace hlab::web

namespace {

using hlab::App;
using hlab::the_app;

}  // namespace

extern "C" {

// Whether a wheel turn (dy > 0: down) over the canvas would scroll something of the lab: the
// window under the mouse in the last frame, or one it sits in, has room to scroll that way.
// If not, the page lets the browser have the wheel, which then scrolls the course page
// around the iframe (js/page.js).
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

// The length rule of a string argument (core/arguments.hpp), asked by js/marshal.js before it
// copies the string into wasm memory: "" or the message. kind: 0 a name or an option, 1 text.
EMSCRIPTEN_KEEPALIVE const char* hl_argument_length_error(const char* name, double length,
                                                         int kind, int in_characters) {
  // (a JS length is a whole number below 2^53: exact in a double)
  const auto count = length > 0 ? static_cast<std::uint64_t>(length) : std::uint64_t{0};
  hlab::web::result() = hopfield::argument_length_error(
      name ? name : "an argument", count,
      kind == 0 ? hopfield::ArgumentKind::word : hopfield::ArgumentKind::text, in_characters != 0);
  return hlab::web::result().c_str();
}

// A call of the page's API (js/page.js): the main loop builds every frame again for a while,
// so what the call changed is drawn at once (an idle page builds frames at 10 per second).
EMSCRIPTEN_KEEPALIVE void hl_wake() { hlab::platform::wake(); }

// A notice from the page's JavaScript (autosave's storage warning).
EMSCRIPTEN_KEEPALIVE void hl_notice(const char* text, int is_error) {
  if (is_error) the_app().error(text ? text : "");
  else the_app().info(text ? text : "");
}

// Where the page keeps work, as a standing line in the Library panel (blocked storage).
EMSCRIPTEN_KEEPALIVE void hl_storage_note(const char* text) {
  hlab::the_view().set_storage_note(text ? text : "");
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
