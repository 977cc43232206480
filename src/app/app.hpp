// The application's state and the one set of commands that change it. Every way in (panels,
// keyboard shortcuts, start-up parameters, the web bridge; later URL state, postMessage and
// experiments) calls these commands: each throws on bad input, leaving everything as it was,
// and does the UI's bookkeeping once (stops a run, moves the selection, posts a notice).
// Nothing outside reads or writes App's fields; the Lab is read through lab(). No ImGui here:
// the App runs, and is tested, without a window.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/experiment_run.hpp"
#include "app/frame_budget.hpp"
#include "core/image_import.hpp"
#include "core/lab.hpp"
#include "core/names.hpp"

namespace hlab {

// A message for the user: information (shown for kInfoSeconds) or an error (until dismissed).
struct Notice {
  std::uint64_t id = 0;
  std::string text;
  bool error = false;
};
inline constexpr double kInfoSeconds = 6.0;

// How a running recall advances: sweeps (or neurons) per second, or as fast as the frame
// rate allows.
struct RunSpeed {
  bool per_neuron = false;  // speed unit: neurons per second (else sweeps per second)
  float speed = 10.0f;
  bool fastest = false;     // ignore speed: as many sweeps as the frame budget allows
};

// Where the editor grid was drawn in the last frame, in logical (CSS) pixels; width 0 until
// it has been drawn. Lets tests and embedders aim at cells.
struct ScreenRect {
  float x = 0, y = 0, width = 0, height = 0;
};

// The name under which an experiment reads the library (spec "source": "library").
inline constexpr const char* kLibraryFile = "library.txt";

// Hooks the web bridge installs (file upload and download); empty on the desktop.
struct PlatformHooks {
  std::function<void()> upload_patterns;
  // Offers `bytes` (text or binary; the type follows the extension) as a download.
  std::function<void(const std::string& filename, const std::string& bytes)> download;
  std::function<void()> first_frame;  // after the first frame is drawn
  // The address of a share link (the page's own, "#state=" + session_text()); natively the
  // "#state=..." part alone. Copies it to the clipboard where it can.
  std::function<std::string(const std::string& state)> share_link;
  std::function<void()> forget_saved_session;  // New session: clear the autosave and the hash
  std::function<void(const std::string& state)> open_full;  // embed: this session in a new tab
  std::function<void()> recall_finished;  // a running (animated) recall has just ended
  std::function<void(const std::string& theme)> theme_changed;  // the browser keeps it
  // Fetches a prepared data set (data/NAME-images-idx3-ubyte.gz and its companions) and then
  // loads it with App::load_labelled_set; the web page's way (the desktop reads the files).
  std::function<void(const std::string& name, const std::string& classes, int per_class, bool replace)>
      fetch_dataset;
};

// The look: the dark default, a light one, and a projector mode for lecture halls (larger
// text, thick grid lines, high contrast). theme= in the URL; kept by the browser.
enum class Theme { dark, light, projector };
inline constexpr hopfield::EnumName<Theme> kThemeNames[] = {
    {Theme::dark, "dark", "dark"}, {Theme::light, "light", "light"},
    {Theme::projector, "projector", "projector (large, high contrast)"}};

// The panels a page shows (panels=editor,library,...): one bit each, in this order.
enum class PanelId { editor, library, recall, plots, network, weights, experiments };
inline constexpr const char* kPanelNames[] = {"editor",  "library", "recall",     "plots",
                                              "network", "weights", "experiments"};
inline constexpr std::uint32_t kAllPanels = 0b0111111;  // all but the experiments window
inline constexpr std::uint32_t panel_bit(PanelId p) { return 1u << static_cast<int>(p); }
// "editor,plots" -> the bits; throws std::invalid_argument naming an unknown panel or none.
std::uint32_t parse_panels(const std::string& list);
std::vector<std::string> panel_names(std::uint32_t panels);

class App {
 public:
  App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // --- what the UI and the bridge read -------------------------------------------------
  const hopfield::Lab& lab() const { return lab_; }
  bool running() const { return running_ && !lab_.finished(); }
  int selected() const { return selected_; }  // selected library entry, or -1
  const std::vector<Notice>& notices() const { return notices_; }
  ScreenRect editor_rect() const { return editor_rect_; }
  // Named screen regions the UI drew in the last frame ("experiment-plots", "recall-plots",
  // "editor"), for PNG export; width 0 when it was not drawn.
  ScreenRect region(const std::string& name) const;
  const std::map<std::string, ScreenRect>& regions() const { return regions_; }
  // One sentence on where the recall is (ready, running at sweep K with its energy and
  // distance, or the verdict): what the page's screen-reader live region announces.
  std::string status_text() const;
  const RunSpeed& run_speed() const { return speed_; }
  // A recall is running as fast as the frame budget allows (RunSpeed::fastest, or run(true)).
  bool full_speed() const { return running() && (speed_.fastest || flat_out_); }
  // Whether the last frame stopped the recall early to keep the frame rate.
  bool budget_bound() const { return budget_bound_; }
  double recall_budget_ms() const { return recall_budget_ms_; }  // in the last frame
  std::uint64_t frames() const { return frames_; }
  PlatformHooks hooks;

  // --- library -------------------------------------------------------------------------
  // A new grid (forgets the library: N is fixed per network), with a notice saying so.
  void set_grid_size(int width, int height);
  // Replaces the library and retrains; the probe becomes pattern 0 (the recall target).
  void set_patterns(const std::vector<hopfield::Pattern>& patterns);
  // A built-in family at the current grid size ("letters", "digits", "classic"); `pick`
  // names the patterns to take ("ABC", "cross, ring": pick_patterns), blank for all.
  void load_builtin(std::string_view family, bool replace, std::string_view pick = {});
  // Pattern file contents (text grid, PBM, IDX, gzip); `name` labels messages.
  void load_pattern_file(std::string_view bytes, const std::string& name, bool replace);
  // A labelled image set (MNIST's layout: images, labels, class names; the data sets the web
  // build prepares, or the Caltech silhouettes): the patterns of `classes` ("3, 7", "Sneaker";
  // blank: every class), the first `per_class` of each (0: all). Throws (nothing changed) for
  // a malformed file, an unknown class, or classes asked of a set without labels.
  struct LabelledSetFiles {
    std::string name;         // e.g. "mnist-28", for messages and pattern names
    std::string images;       // IDX bytes (raw or gzip)
    std::string labels;       // IDX1 bytes, or empty: no labels
    std::string class_names;  // classnames.txt, or empty
  };
  void load_labelled_set(const LabelledSetFiles& files, const std::string& classes, int per_class,
                         bool replace);
  // An image file (PNG, JPEG, GIF, BMP) made into the editor's drawing at the grid's size: a
  // preview to store or use as a probe (one undoable edit). The bytes are kept, so that
  // set_image_options redoes it with another threshold, fit or inversion. A file that does
  // not decode, or is too large, throws with the drawing and the kept image unchanged.
  void import_image(std::string_view bytes, const std::string& name,
                    const hopfield::ImageImportOptions& options);
  void set_image_options(const hopfield::ImageImportOptions& options);
  // The kept image's grey levels (no threshold; same fit and inversion) as the probe of the
  // modern and continuous models.
  void probe_from_image_levels();
  const hopfield::ImageImportOptions& image_options() const { return image_options_; }
  const std::string& image_name() const { return image_name_; }  // "" when none is kept
  // Any file the user gives (the file picker, a drop on the page): an image goes into the
  // drawing, anything else is a pattern file added to the library.
  void open_file(std::string_view bytes, const std::string& name);
  void store_drawing(const std::string& name);
  void remove_pattern(int mu);  // Hebbian: unlearns it
  void rename_pattern(int mu, const std::string& name);
  void clear_patterns();
  void select(int mu);  // -1: none

  // --- what the page shows -------------------------------------------------------------
  std::uint32_t panels() const { return panels_; }
  bool shows(PanelId p) const { return (panels_ & panel_bit(p)) != 0; }
  void set_panels(std::uint32_t panels);  // throws for 0 or unknown bits
  bool embed() const { return embed_; }   // embed=1: compact, no title line
  Theme theme() const { return theme_; }
  void set_theme(Theme theme) {
    theme_ = theme;
    if (hooks.theme_changed) hooks.theme_changed(std::string(hopfield::name_of(kThemeNames, theme)));
  }
  // How the last frame was laid out: columns of panels, and how far (CSS px) the widest item
  // reached past its column's visible edge (<= 0: nothing clipped sideways).
  struct Layout {
    int columns = 0;
    float overflow_px = 0;
  };
  const Layout& layout() const { return layout_; }
  void set_layout(const Layout& layout) { layout_ = layout; }
  void set_embed(bool embed) { embed_ = embed; }
  // Recall starts on its own after `seconds` of frames (autorun=); negative: not pending.
  void start_after(double seconds) { autorun_in_ = seconds; }
  double autorun_pending() const { return autorun_in_; }

  // --- the whole session as text (share links, autosave; core/session_link.hpp) ---------
  // `with_panels` false leaves the panels out (the default ones on restore).
  std::string session_text(bool with_panels = true) const;
  // Restores a session_text(); throws hopfield::SessionLinkError (or the Lab's error for a
  // session it cannot hold) with everything unchanged.
  void restore_session_text(std::string_view text);
  // Back to a fresh session (the defaults, nothing stored), forgetting the autosave.
  void new_session();

  // --- network -------------------------------------------------------------------------
  void set_settings(const hopfield::LabSettings& settings);
  // Settings as text, (key, value) pairs in any order (core/settings.hpp's apply_settings:
  // the model first, all or nothing); a setting that cannot carry over to a new model is said
  // in one line. The start-up parameters, the Network panel and the JS API's setOptions call
  // this.
  void apply_settings(const std::vector<std::pair<std::string, std::string>>& given);
  // The model selector: the core's model switch (what carries over and what resets).
  void switch_model(hopfield::Model model);

  // --- probe and recall ----------------------------------------------------------------
  void probe_from_pattern(int mu);
  void probe_from_drawing();
  void set_probe(const hopfield::SpinVector& state);  // a hand-made state: no target
  // Damages the current state (or, given `pattern`, stored pattern `pattern`, which becomes
  // the target); the result is the new probe. An invalid request changes nothing.
  void corrupt(const hopfield::CorruptionRequest& request, std::optional<int> pattern = {});
  void step_neuron();
  void step_sweeps(int sweeps);
  void reset();  // back to the probe
  // Starts animating the recall; `flat_out` runs this one recall at the fastest speed (the
  // JavaScript run()), whatever the speed setting says.
  void run(bool flat_out = false);
  void pause();
  void set_run_speed(const RunSpeed& speed);
  // Recall work outside frames, for when none are drawn (a hidden browser tab).
  void run_for(double budget_ms);

  // --- the editor's drawing ------------------------------------------------------------
  void set_drawing(const hopfield::Pattern& grid);  // one undoable edit
  void begin_stroke();  // the stroke_* calls that follow are one undoable edit
  void stroke_cell(int x, int y, hopfield::Spin value);
  void stroke_line(int x0, int y0, int x1, int y1, hopfield::Spin value);
  void undo();
  void redo();
  void edit_pattern(int mu);  // copies stored pattern mu into the drawing
  void set_editor_rect(const ScreenRect& rect) { editor_rect_ = rect; }
  void set_region(const std::string& name, const ScreenRect& rect) { regions_[name] = rect; }
  void clear_regions() { regions_.clear(); }  // at the start of each frame

  // Saves a file the user asked for: a download in the browser (hooks.download), else written
  // to the working directory with a notice. Throws std::runtime_error when it cannot write.
  void save_file(const std::string& filename, const std::string& bytes);

  // --- experiments ---------------------------------------------------------------------
  // Where experiments compute (main installs the build's own; tests a fake one).
  void set_experiment_backend(std::unique_ptr<ExperimentBackend> backend);
  // Starts an experiment from its spec (JSON, as hopfield-cli's flags in camelCase), replacing
  // any running one. A pattern source given as "library" is the current library. Throws
  // experiments::SpecError naming the field for a bad spec.
  void start_experiment(const std::string& spec_json);
  void cancel_experiment();
  // Takes in what the backend computed (also done once per frame by advance()).
  void poll_experiment();
  const ExperimentRun& experiment() const { return experiment_; }

  // --- notices -------------------------------------------------------------------------
  void info(std::string text);
  void error(std::string text);
  void dismiss(std::uint64_t notice_id);
  void clear_notices() { notices_.clear(); }
  // Every notice posted (the newest kMaxLogEntries), dismissed or not: the Messages window.
  const std::vector<Notice>& message_log() const { return log_; }
  static constexpr std::size_t kMaxLogEntries = 200;
  // One line that says what to do next (the first visit, a lesson's step); empty: none.
  const std::string& hint() const { return hint_; }
  void set_hint(std::string text) { hint_ = std::move(text); }
  // The lesson last started (lessons.hpp), "" for none; lesson_starts() counts the starts.
  const std::string& lesson() const { return lesson_; }
  std::uint64_t lesson_starts() const { return lesson_starts_; }
  void set_lesson(std::string id) {
    lesson_ = std::move(id);
    ++lesson_starts_;
  }
  // Runs `action`; an exception becomes an error notice ("context: message"). For the UI,
  // where a failed click is shown, not thrown. Returns false on error.
  bool attempt(const std::function<void()>& action, const std::string& context = {});

  // --- once per frame ------------------------------------------------------------------
  // A running recall computes after the UI is laid out, for what is left of the app's work
  // per frame (FrameBudget: it shrinks when frames come late) once the UI (`ui_ms`) and the
  // last frame's drawing (`draw_ms`) took theirs. A frame whose plots took longer runs fewer
  // sweeps, so the app's work stays level from frame to frame. `dt` is the time since the
  // last frame, in seconds.
  void advance(double dt, double ui_ms, double draw_ms);
  static constexpr double kMinRecallMs = 0.5;  // (at least one step is always taken)

 private:
  void post(std::string text, bool is_error);
  // Replaces the library with `patterns` (adopting their size) or adds them; selects the first.
  void take_patterns(const std::vector<hopfield::Pattern>& patterns, bool replace);
  // The image as the drawing (one undoable edit) under `options`, which become the kept ones.
  void draw_image(std::string_view bytes, const std::string& name,
                  const hopfield::ImageImportOptions& options);
  void stop() {  // (any command that stops a run also cancels a pending autorun)
    running_ = false;
    autorun_in_ = -1;
  }

  hopfield::Lab lab_;
  bool running_ = false;
  bool flat_out_ = false;     // this run only: as with RunSpeed::fastest (set by run())
  RunSpeed speed_;
  double budget_ = 0.0;       // accumulated updates not yet done
  bool budget_bound_ = false;
  double recall_budget_ms_ = 0.0;
  FrameBudget frame_budget_;  // kept from run to run
  bool budget_timing_ = false;  // the previous frame ran the recall too
  int selected_ = -1;
  std::vector<Notice> notices_;
  std::vector<Notice> log_;
  std::string hint_;
  std::string image_bytes_, image_name_;
  hopfield::ImageImportOptions image_options_;
  std::string lesson_;
  std::uint64_t lesson_starts_ = 0;
  std::uint64_t next_notice_ = 1;
  ScreenRect editor_rect_;
  std::map<std::string, ScreenRect> regions_;
  std::uint32_t panels_ = kAllPanels;
  bool embed_ = false;
  Theme theme_ = Theme::dark;
  double autorun_in_ = -1;
  Layout layout_;
  std::uint64_t frames_ = 0;
  std::unique_ptr<ExperimentBackend> experiment_backend_;
  ExperimentRun experiment_;
};

// The one App (the web bridge reaches it from JavaScript callbacks).
App& the_app();

}  // namespace hlab
