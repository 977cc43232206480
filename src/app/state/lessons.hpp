// Lessons: guided steps from the course material the lab serves. Each sets up a state through
// App's commands (so a lesson is reproducible, shareable and testable without a window) and
// says, in a few lines, what to do and what to notice.
#pragma once

#include <string>
#include <vector>

#include "app/state/app.hpp"
#include "app/state/view_state.hpp"

namespace hlab {

struct Lesson {
  const char* id;      // lesson=ID in the URL, loadLesson(ID) in JavaScript
  const char* title;
  const char* text;    // what the lesson sets up and what to do
  const char* notice;  // "What to notice"
  bool experiments;    // the lesson continues in the Experiments window
  // The panels its steps use (panel_bit of each): the Lessons window hides none of them.
  std::uint32_t panels;
};

const std::vector<Lesson>& lessons();

// Stores the letters `pick` ("ABC") and makes the first, with `flip` of its pixels flipped
// (seeded by the settings' seed), the probe: the lessons' and the first visit's start.
void letters_with_noisy_first(App& app, const char* pick, double flip);
// The lesson called `id`, or nullptr.
const Lesson* find_lesson(const std::string& id);

// Sets the lesson up on a 16x16 grid (the library, the probe, the settings) and shows its
// first step as the view's hint. Throws std::invalid_argument naming the known lessons for an
// unknown id, with everything unchanged.
void start_lesson(App& app, ViewState& view, const std::string& id);
// Shows a lesson's first step as the hint without setting anything up (a reload of a lesson's
// page restores the autosaved session, and the lesson's text with it).
void show_lesson(ViewState& view, const Lesson& lesson);

}  // namespace hlab
