// The application's state and the one set of commands that change it. Every way in (panels,
// keyboard shortcuts, start-up parameters and URL state, the JS API and postMessage through
// the web bridge, lessons) calls these commands: each throws on bad input, leaving everything as it was,
// and does the UI's bookkeeping once (stops a run, moves the selection, posts a notice).
// Nothing outside reads or writes App's fields; the Lab is read through lab(). What the page
// shows (panels, theme, layout, hint, lesson) is the UI's (view_state.hpp); what the app needs
// from where it runs comes from the Host main hands it (host.hpp). No ImGui here: the App
// runs, and is tested, without a window.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/state/experiment_run.hpp"
#include "app/platform/frame_budget.hpp"
#include "app/state/host.hpp"
#include "core/io/image_import.hpp"
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

// The name under which an experiment reads the library (spec "source": "library").
inline constexpr const char* kLibraryFile = "library.txt";

class App {
 public:
  explicit App(Host host = {});
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // --- what the UI and the bridge read -------------------------------------------------
  const hopfield::Lab& lab() const { return lab_; }
  bool running() const { return running_ && !lab_.finished(); }
  int selected() const { return selected_; }  // selected library entry, or -1
  const std::vector<Notice>& notices() const { return notices_; }
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
  // Where the app runs (main hands it over before the first frame; tests keep a null one).
  const Host& host() const { return host_; }
  void set_host(Host host) { host_ = std::move(host); }

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
  // preview to store or use as a probe (one undoable edit). The decoded grey image is kept, so
  // that set_image_options redoes it with another threshold, fit or inversion. A file that does
  // not decode, or is too large, throws with the drawing and the kept image unchanged.
  void import_image(std::string_view bytes, const std::string& name,
                    const hopfield::ImageImportOptions& options);
  // The same from an image decoded elsewhere (hopfield::decode_grey_image: the web page decodes
  // off its thread, so a costly file never freezes it); the same result and messages.
  void import_decoded_image(hopfield::GreyImage image, const std::string& name,
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
  // open_file's image branch with the image decoded elsewhere (the page's worker).
  void open_decoded_image(hopfield::GreyImage image, const std::string& name);
  void store_drawing(const std::string& name);
  void remove_pattern(int mu);  // Hebbian: unlearns it
  void rename_pattern(int mu, const std::string& name);
  void clear_patterns();
  void select(int mu);  // -1: none

  // Recall starts on its own after `seconds` of frames (autorun=); negative: not pending.
  void start_after(double seconds) { autorun_in_ = seconds; }
  double autorun_pending() const { return autorun_in_; }

  // --- the whole session as text (share links, autosave; core/io/session_link.hpp) ---------
  // `panels`: the panels shown (view_state.hpp's bits), or 0 to leave them out.
  std::string session_text(std::uint32_t panels = 0) const;
  // Restores a session_text() and returns the panels it names (0: none); throws
  // hopfield::SessionLinkError (or the Lab's error for a session it cannot hold) with
  // everything unchanged.
  std::uint32_t restore_session_text(std::string_view text);
  // Back to a fresh session (the defaults, nothing stored), forgetting the autosave.
  void new_session();
  // The address of a share link for a session_text `state` (Host::share_link, copied to the
  // clipboard where it can be); without a host "#state=" + state.
  std::string share_link(const std::string& state);
  void open_full(const std::string& state);  // embed: the session in a new tab
  void copy_text(const std::string& text);   // to the clipboard, where the host can

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
  // These and step_neuron, step_sweeps and rename_pattern only pass through to the Lab: kept
  // so that every way in has the one door (the Lab is never handed out mutable, so no caller
  // can skip the bookkeeping of the commands that have some).
  void set_drawing(const hopfield::Pattern& grid);  // one undoable edit
  void begin_stroke();  // the stroke_* calls that follow are one undoable edit
  void stroke_cell(int x, int y, hopfield::Spin value);
  void stroke_line(int x0, int y0, int x1, int y1, hopfield::Spin value);
  void undo();
  void redo();
  void edit_pattern(int mu);  // copies stored pattern mu into the drawing

  // --- files (through the host) --------------------------------------------------------
  // Saves a file the user asked for (Host::save_file: a download in the browser, a file on
  // the desktop), with the host's notice. Throws std::runtime_error when it cannot.
  void save_file(const std::string& filename, const std::string& bytes);
  // The host's file picker (the chosen file comes back through open_file).
  void pick_file();
  // The file at `path` (Host::read_file) through open_file.
  void open_path(const std::string& path);
  // A prepared data set (datasets.hpp) through the host and load_labelled_set.
  void load_dataset(const std::string& name, const std::string& classes, int per_class,
                    bool replace);

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
  void draw_image(const hopfield::GreyImage& image, const std::string& name,
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
  hopfield::GreyImage image_;  // the last image, decoded (at most kMaxImagePixels bytes)
  std::string image_name_;
  hopfield::ImageImportOptions image_options_;
  std::uint64_t next_notice_ = 1;
  double autorun_in_ = -1;
  Host host_;
  std::uint64_t frames_ = 0;
  std::unique_ptr<ExperimentBackend> experiment_backend_;
  ExperimentRun experiment_;
};

// The one App (the web bridge reaches it from JavaScript callbacks).
App& the_app();

}  // namespace hlab
