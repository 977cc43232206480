// The window: the panels laid out in three columns, the notices, the keyboard shortcuts. Owns
// each panel's UI state; reads and commands the App like any other way in, and keeps what the
// page shows in the ViewState it is handed.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

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
};

}  // namespace hlab
