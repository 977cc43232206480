// The application: the core Lab it drives, plus what only the UI needs (selected tool,
// run/pause, messages). Panels read the Lab and call its methods; they keep no science.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/frame_budget.hpp"
#include "core/lab.hpp"

namespace hlab {

enum class Tool { pencil, eraser, toggle, line, rectangle, fill };

struct EditorState {
  Tool tool = Tool::pencil;
  bool stroke_active = false;
  int last_x = -1, last_y = -1;   // previous cell of the current stroke / line start
  hopfield::Spin stroke_value = 1;
  bool wrap = true;               // shift wraps around (else fills with -1)
  bool rect_filled = false;
  char name[64] = "drawing";
  int custom_w = 32, custom_h = 32;
  int pending_w = 0, pending_h = 0;  // size change waiting for confirmation
  std::uint64_t random_draws = 0;
  // Where the editor grid was drawn last frame (logical pixels = CSS pixels on the web);
  // width 0 until the editor has been drawn. Lets tests and embedders aim at cells.
  float canvas_x = 0, canvas_y = 0, canvas_w = 0, canvas_h = 0;
};

struct RecallUi {
  bool running = false;
  bool per_neuron = false;        // speed unit: neurons per second (else sweeps per second)
  float speed = 10.0f;
  bool fastest = false;           // ignore speed: as many sweeps as the frame budget allows
  bool flat_out = false;          // this run only: as with `fastest` (set by start_run)
  bool budget_bound = false;      // last frame stopped early to keep the frame rate
  double budget = 0.0;            // accumulated updates not yet done
  int source = 0;                 // pattern chosen for corruption
  hopfield::CorruptionRequest corruption;
  int hovered_neuron = -1;        // neuron under the mouse on the state grid (this frame)
  int last_neuron = -1;           // last neuron hovered (for the field decomposition)
};

struct Notice {
  std::string text;
  bool error = false;
  double until = 0.0;  // ImGui time; 0 = until dismissed
};

// Hooks the web bridge installs (file upload and download); empty on the desktop.
struct PlatformHooks {
  std::function<void()> upload_patterns;
  std::function<void(const std::string& filename, const std::string& text)> download;
  std::function<void()> first_frame;  // after the first frame is drawn
};

class App {
 public:
  App();
  void frame();  // lays out and draws every panel, advances a running recall

  hopfield::Lab lab;
  EditorState editor;
  RecallUi recall;
  PlatformHooks hooks;
  std::vector<Notice> notices;
  int selected = -1;  // selected library entry
  std::uint64_t frames = 0;  // frames drawn so far
  char load_path[512] = "";
  char export_path[512] = "patterns.txt";

  void info(std::string text);
  void error(std::string text);
  // Runs `action`, turning an exception into an error notice. Returns false on error.
  bool attempt(const std::function<void()>& action, const std::string& context = {});
  // Loads a built-in family at the current grid size ("letters", "digits", "classic").
  bool load_builtin(const std::string& family, bool replace);
  // Changes the grid size, telling the user what was forgotten.
  void change_grid_size(int width, int height);
  // Starts animating the recall; `flat_out` runs this one recall at the fastest speed
  // (the JavaScript run()), whatever the speed control says.
  void start_run(bool flat_out = false) {
    recall.running = !lab.finished();
    recall.flat_out = flat_out;
    recall.budget = 0;
  }
  // A running recall computes after the UI is laid out, for what is left of the app's work
  // per frame (FrameBudget: it shrinks when frames come late) once the UI and drawing (the
  // last frame's) took theirs. A frame whose plots took longer runs fewer sweeps, so the
  // app's work stays level from frame to frame.
  static constexpr double kMinRecallMs = 0.5;  // (at least one step is always taken)
  double recall_budget_ms() const { return recall_budget_ms_; }  // in the last frame

 private:
  void advance_recall(float dt);
  bool drawn_once_ = false;
  double ui_ms_ = 0.0;  // time this frame spent laying out the panels
  double recall_budget_ms_ = 0.0;
  FrameBudget frame_budget_;  // kept from run to run
  bool budget_timing_ = false;  // the previous frame ran the recall too
  void draw_notices();
};

// The one App (the web bridge reaches it from JavaScript callbacks).
App& the_app();

}  // namespace hlab
