// The session the app drives: a grid size, a named pattern library and the network trained
// on it, a drawing with undo history, the probe (initial state) and the current Recall.
// Every user action is a method here, so the UI, the web bridge and the tests share one
// implementation. A method that throws leaves the Lab as it was.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corruption.hpp"
#include "core/costs.hpp"
#include "core/dynamics.hpp"
#include "core/editing.hpp"
#include "core/network.hpp"
#include "core/pattern.hpp"
#include "core/report.hpp"
#include "core/settings.hpp"

namespace hopfield {

class Lab {
 public:
  explicit Lab(int width = 16, int height = 16);
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;

  // What learning and the session's memory may cost at once (core/costs.hpp): natively
  // kNativeBudget; the app sets kPageBudget. Every change that relearns is costed first and
  // refused over it (std::invalid_argument giving the estimate), with the Lab unchanged.
  const CostBudget& budget() const { return budget_; }
  void set_budget(const CostBudget& budget) { budget_ = budget; }
  // Takes over everything `other` holds but its budget (restore_session's scratch Lab), and
  // gives it this Lab's old state; the version counters move past both.
  void swap_state(Lab& other);

  int width() const { return width_; }
  int height() const { return height_; }
  int size() const { return width_ * height_; }
  // Changes the grid size. The network has a fixed N, so this forgets every stored pattern;
  // the drawing is resampled and the probe cleared.
  void set_grid_size(int width, int height);

  // --- pattern library (one network column per entry) ---
  const std::vector<Pattern>& patterns() const { return library_; }
  int pattern_count() const { return static_cast<int>(library_.size()); }
  std::vector<std::string> pattern_names() const;
  // Learns one more pattern. Throws (library unchanged) on a size mismatch or when the rule
  // rejects it (pseudo-inverse with a dependent pattern).
  void store(const SpinVector& xi, std::string name);
  void store_drawing(std::string name);
  // Forgets pattern mu (Hebbian: unlearns it).
  void remove_pattern(int mu);
  void rename_pattern(int mu, std::string name);
  // Replaces the library and retrains. With adopt_size, a different grid size is adopted.
  void set_patterns(const std::vector<Pattern>& patterns, bool adopt_size = false);
  // Appends patterns; if the library is empty their grid size is adopted.
  void add_patterns(const std::vector<Pattern>& patterns);
  void clear_patterns();
  // Reads any pattern file format from bytes (see pattern_io.hpp) and adds or replaces.
  // Throws PatternFileError / std::invalid_argument with the Lab unchanged.
  void load_pattern_bytes(std::string_view bytes, const std::string& source, bool replace);
  std::string export_text() const;

  // --- network settings ---
  const LabSettings& settings() const { return settings_; }
  // Retrains under the new rule; throws (everything unchanged) if the rule rejects the
  // library or the options are invalid.
  void set_settings(const LabSettings& settings);
  const Network& network() const { return *network_; }
  // Bumped on every change of the network's weights (for UI caches).
  std::uint64_t network_version() const { return network_version_; }

  // --- drawing (the editor canvas) with undo/redo ---
  const Pattern& drawing() const { return drawing_; }
  // Records an undo point; the stroke_* calls that follow are one undoable edit.
  void begin_stroke();
  void stroke_cell(int x, int y, Spin value);
  void stroke_line(int x0, int y0, int x1, int y1, Spin value);
  // One undoable replacement of the whole drawing (line, rectangle, fill, shift, ...).
  void set_drawing(const Pattern& grid);
  bool undo();
  bool redo();
  bool can_undo() const { return history_.can_undo(); }
  bool can_redo() const { return history_.can_redo(); }
  void load_drawing_from_pattern(int mu);

  // --- probe and recall ---
  const SpinVector& probe() const { return probe_; }
  // Stored pattern the probe was made from (the recall's target), if any.
  std::optional<int> probe_source() const { return probe_source_; }
  // Sets the probe and restarts the recall. `source`: the stored pattern it was made from
  // (the recall's target); none for a hand-drawn state.
  void set_probe(const SpinVector& s, std::optional<int> source = std::nullopt);
  // Sets the probe to stored pattern mu (target mu) and restarts the recall.
  void probe_from_pattern(int mu);
  // A grey probe for the real-valued models (modern, continuous): N levels in [-1, 1] (an
  // image's, import_grey_levels); the probe's spins are their signs (0 gives +1). The other
  // models start from those signs. Any other probe replaces it. Throws for a wrong size or a
  // level outside [-1, 1].
  void set_probe_levels(const std::vector<double>& levels);
  const std::vector<double>& probe_levels() const { return probe_levels_; }
  // Damages the current state; the result becomes the probe (keeping its target).
  void corrupt(const CorruptionRequest& request);
  // Back to the probe, a fresh Recall.
  void reset_recall();
  const Recall& recall() const { return *recall_; }
  // Bumped whenever a new Recall starts (reset, corrupt, new probe, retrain): for UI caches
  // of its trace, which only grows while one recall runs.
  std::uint64_t recall_version() const { return recall_version_; }
  const SpinVector& state() const { return recall_->state(); }
  int step_neuron() { return recall_->step_neuron(); }
  void step_sweeps(int sweeps);
  Outcome run() { return recall_->run(); }
  bool finished() const { return recall_->finished(); }
  // classify_final_state of the current state; the summary says when a memory other than
  // the probe's source pattern was retrieved.
  FinalStateReport verdict() const;

 private:
  void retrain(std::vector<Pattern> library, const LabSettings& settings);
  void check_store_cost() const;
  void check_pattern_size(const Pattern& p) const;
  std::optional<SpinVector> target() const;
  // The Recall of the current probe on `net` under `settings` (grey levels where the model
  // takes them).
  std::unique_ptr<Recall> start_recall(const Network& net, const LabSettings& settings,
                                       std::optional<SpinVector> target) const;

  CostBudget budget_;
  int width_;
  int height_;
  std::vector<Pattern> library_;
  LabSettings settings_;
  std::unique_ptr<Network> network_;
  std::uint64_t network_version_ = 0;
  Pattern drawing_;
  EditHistory history_;
  SpinVector probe_;
  std::vector<double> probe_levels_;  // a grey probe (real-valued models), or empty
  std::optional<int> probe_source_;
  std::unique_ptr<Recall> recall_;  // refers to *network_
  std::uint64_t recall_version_ = 0;
};

}  // namespace hopfield
