// The window: the panels laid out in three columns, the notices, the keyboard shortcuts. Owns
// each panel's UI state; reads and commands the App like any other way in.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "app/app.hpp"
#include "app/panels.hpp"
#include "app/platform.hpp"

namespace hlab {

class Ui {
 public:
  // One frame (between ImGui::NewFrame and Render): lays out and draws every panel, then lets
  // a running recall compute for what is left of the frame's budget.
  void frame(App& app, const platform::FrameInfo& info);

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
  std::uint64_t lessons_seen_ = 0;  // app.lesson_starts() when last looked
  std::optional<Theme> theme_applied_;
  bool first_frame_ = true;
};

}  // namespace hlab
