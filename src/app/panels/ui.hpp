// The window: the panels laid out in three columns, the notices, the keyboard shortcuts. Owns
// each panel's UI state; reads and commands the App like any other way in, and keeps what the
// page shows in the ViewState it is handed.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/state/app.hpp"
#include "app/panels/panels.hpp"
#include "app/platform/platform.hpp"
#include "app/state/view_state.hpp"

namespace hlab {

class Ui {
 public:
  // One frame (between ImGui::NewFrame and Render): lays out and draws every panel, then lets
  // a running recall compute for what is left of the frame's budget.
  void frame(App& app, ViewState& view, const platform::FrameInfo& info);

 private:
  // Where F6 / Shift+F6 move the keyboard focus: each panel's header, then each open window.
  struct FocusPlace {
    std::string region;  // the view's region of the place ("panel-editor", "lessons"...)
    ImGuiID window = 0;  // the window holding it
    ImGuiID item = 0;    // a panel's header; 0: the window itself (its first control)
  };
  void focus_keys(const ViewState& view);
  void section(ViewState& view, PanelId id, const char* title, const std::function<void()>& draw);
  void window_place(ViewState& view, const char* name, const char* region);

  EditorPanel editor_;
  LibraryPanel library_;
  RecallPanel recall_;
  PlotsPanel plots_;
  NetworkPanel network_;
  WeightsPanel weights_;
  ExperimentsPanel experiments_;
  std::string share_link_;  // shown by the Share popup
  HelpWindow help_;
  LessonsWindow lessons_;
  MessagesWindow messages_;
  std::uint64_t lessons_seen_ = 0;  // view.lesson_starts() when last looked
  double autosave_in_ = 0;  // seconds to the next autosave
  std::optional<Theme> theme_applied_;
  bool first_frame_ = true;
  std::vector<FocusPlace> places_, last_places_;  // this frame's and the last one's
  ImGuiID scroll_to_ = 0;  // a panel's header to scroll into view (after F6)
};

}  // namespace hlab
