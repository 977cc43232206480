// The panels. Each is a small surface, like chips' ui_*.h: its own UI state (what it shows and
// remembers between frames), draw(), and the App commands it calls. None keeps science: they
// read app.lab() and change it only through App's commands; where they draw goes into the
// ViewState (regions, for export, tests and embedders).
#pragma once

#include <array>

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/state/app.hpp"
#include "app/state/view_state.hpp"
#include "app/panels/recall_plots.hpp"
#include "core/experiments/prune_study.hpp"

namespace hlab {

enum class Tool { pencil, eraser, toggle, line, rectangle, fill };

// Editor: a drawing canvas with tools, shifts, undo/redo and grid size.
struct EditorPanel {
  Tool tool = Tool::pencil;
  bool stroke_active = false;
  int last_x = -1, last_y = -1;  // previous cell of the current stroke / line start
  hopfield::Spin stroke_value = 1;
  bool wrap = true;              // shift wraps around (else fills with -1)
  bool rect_filled = false;
  char name[64] = "drawing";
  int custom_w = 32, custom_h = 32;
  int pending_w = 0, pending_h = 0;  // size change waiting for confirmation
  std::uint64_t random_draws = 0;
  // A finger draws only with this on (the Draw switch, shown for fingers); off, a swipe on the
  // grid scrolls, a tap paints one cell and a long press starts a stroke.
  bool draw_mode = false;
  std::optional<std::pair<int, int>> finger_cell;  // where a finger pressed, not yet a stroke
  double finger_since = 0;                          // when (ImGui time)

  void draw(App& app, ViewState& view);
  void shortcuts(App& app);  // once per frame, outside text fields
};

// Pattern library: thumbnails; select, rename, delete (unlearn); built-in sets, files, export.
struct LibraryPanel {
  bool replace = true;          // built-in sets replace the library
  char pick[64] = "";           // which patterns of a built-in set ("ABC"; blank: all)
  int dataset = 0;              // MNIST digits, Fashion-MNIST
  char classes[128] = "";       // the data set's classes to load ("3, 7"; blank: all)
  int per_class = 5;
  char name[64] = "";           // the selected pattern's name while it is edited
  bool typing = false;          // the name field is being edited: keep the user's text
  char load_path[512] = "";     // desktop: the file to load
  char export_path[512] = "patterns.txt";

  void draw(App& app, ViewState& view);
};

// Recall: choose and corrupt a probe, step / run / pause / reset, watch the state, the verdict.
struct RecallPanel {
  int source = 0;  // pattern chosen for corruption
  hopfield::CorruptionRequest corruption{hopfield::CorruptionKind::flip, 0.2, -1, 0, 0, 0, 0, 1};
  int last_neuron = -1;  // last neuron hovered on the state grid (the Weights panel's votes)
  std::optional<int> seen_source;  // the probe's source pattern last frame
  std::optional<std::pair<int, int>> drag_from;  // the cell a rectangle drag started on

  void draw(App& app, ViewState& view);
  void shortcuts(App& app);
};

// Live plots of the current recall and the iter | energy | hamming | flips table.
struct PlotsPanel {
  TracePlots plots;

  void draw(App& app, ViewState& view);
};

// The continuous network of two neurons: energy contours and RK4 trajectories (two_neurons.cpp).
struct TwoNeuronWindow {
  bool open = false;
  float t12 = 1.0f, t21 = 1.0f, lambda = 1.4f;
  bool arctan = true;
  std::vector<double> energy;                        // kSteps x kSteps, row 0 at V2 = -1
  std::vector<std::vector<std::array<double, 2>>> paths;
  void draw();
};

// Model, rule and scale, update mode, tie rule, temperature, seed, sweep limit; network facts.
struct NetworkPanel {
  TwoNeuronWindow two_neurons;
  // Where 100 random states end (stored pattern, spurious fixed point, neither), for the
  // network of version `ends_version` (shows what unlearning removes).
  std::uint64_t ends_version = ~0ull;
  std::string ends;
  void draw(App& app);
};

// W as a heatmap (block means above 256 neurons) with a colour legend, and the field of one
// neuron split into the votes of each stored pattern.
struct WeightsPanel {
  std::uint64_t version = ~0ull;  // the network the heatmap was made from
  int n = 0;
  int blocks = 0;
  std::vector<float> means;
  std::vector<std::uint32_t> rgba;  // the heatmap image, rebuilt only when W changes
  float limit = 1.0f;
  std::string error;

  void draw(App& app, int neuron);  // neuron: whose votes to show, or -1
};

// Experiments: capacity, basins, temperature, the pruning study and forgetting over many
// trials, run off the UI thread; the plot and table grow as cells finish. Driven by a table of
// experiment views (experiments_panel.cpp: each one's form, spec and plots).
struct ExperimentsPanel {
  bool open = false;
  int kind = 0;  // index into the experiments offered (kViews)
  // Each experiment's settings as typed (LISTs are "a,b,c" or "from:to:step").
  char size[16] = "16x16";
  int forgetting_stored = 1000;   // forgetting: the stream's length
  float forgetting_decay = 0.9f;  // W <- lambda W + xi xi^T (1: none)
  float forgetting_clip = 0.0f;   // |W_ij| <= A (0: none)
  char capacity_patterns[64] = "2:60:2";
  bool rules[3] = {true, false, false};  // hebbian, storkey, pseudoinverse
  float flip = 0.1f;
  int trials = 10;
  int basins_random = 10;
  bool basins_library = false;
  char amounts[64] = "0:0.5:0.05";
  int corruption = 0;  // flip, mask, saltpepper, rect
  char temperature_patterns[64] = "5";
  char temperatures[64] = "0:2:0.1";
  int sweeps = 20;
  int preset = 1;  // prune study: published, fixed, custom
  char prune_select[128] = "";
  char prune_kinds[128] = "random:0:1:0.05";
  char noise[64] = "0.25,0.5,0.75";
  std::string spec_error;  // why the last Run was refused
  std::string command;     // the hopfield-cli line of the run shown
  // The spectrum of W before and after one prune (kind, level) of the library's W.
  int spectrum_kind = 3;  // random, random-independent, smallest, magnitude, signed
  float spectrum_level = 0.5f;
  std::optional<hopfield::experiments::PruneSpectra> spectra;
  std::string spectrum_of;  // what `spectra` shows, or why it could not be computed
  std::future<hopfield::experiments::PruneSpectra> spectrum_job;  // being computed, or none
  std::string spectrum_next;  // what the job computes
  std::uint64_t runs_seen = 0;  // a run started elsewhere (the JS API) opens the window
  bool log_y = false;              // capacity: the fractions on a log axis
  int png_size[2] = {1200, 800};   // Export PNG: width, height in pixels

  // Opens the window on the experiment called `experiment` ("prune-study"; another name
  // just opens it).
  void show(const std::string& experiment);
  void draw(App& app, ViewState& view);
  void export_plots(App& app, const ExperimentRun& run);  // Export PNG at png_size
};

// Help: what a Hopfield network is, the panels, the keys, the conventions.
struct HelpWindow {
  bool open = false;
  void draw();
};

// Lessons: pick one to set it up; the current one shows its text and what to notice.
struct LessonsWindow {
  bool open = false;
  void draw(App& app, ViewState& view);
};

// Notices as toasts over the canvas (bottom right; errors until dismissed), and the Messages
// window with every notice of the session.
struct MessagesWindow {
  bool open = false;
  std::unordered_map<std::uint64_t, double> shown_at;  // ImGui time, per notice id
  void draw(App& app, ViewState& view);  // the toasts, and the window when open

 private:
  void draw_toasts(App& app, ViewState& view);
};

}  // namespace hlab
