#include "core/lab.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/io/pattern_io.hpp"
#include "core/models/weight_models.hpp"

namespace hopfield {

Lab::Lab(int width, int height) : width_(width), height_(height) {
  check_grid_size(width, height);
  drawing_ = Pattern::filled(width, height, -1);
  probe_ = SpinVector::Constant(size(), -1);
  retrain({}, settings_);
}

void Lab::set_grid_size(int width, int height) {
  check_grid_size(width, height);
  Pattern drawing = resampled(drawing_, width, height);
  width_ = width;
  height_ = height;
  drawing_ = std::move(drawing);
  history_.clear();
  probe_ = SpinVector::Constant(size(), -1);
  probe_levels_.clear();
  probe_source_.reset();
  LabSettings s = settings_;
  if (size() > kMaxDenseNeurons) {  // only Hebbian recall works without a dense matrix
    s.rule = Rule::hebbian;
    // The models that need W (sparse, continuous, the weight modifiers) go back to classic;
    // dense and modern work from the patterns alone.
    if (needs_model_weights(s.model) || s.model.model == Model::continuous) s.model = ModelOptions{};
  }
  retrain({}, s);
}

std::vector<std::string> Lab::pattern_names() const {
  std::vector<std::string> names;
  for (const Pattern& p : library_) names.push_back(p.name);
  return names;
}

namespace {
void check_name(const std::string& name) {
  if (name.size() > kMaxPatternNameBytes)
    throw std::invalid_argument("a pattern name is " + std::to_string(name.size()) +
                                " bytes long, more than the limit of " +
                                std::to_string(kMaxPatternNameBytes));
}
}  // namespace

void Lab::check_pattern_size(const Pattern& p) const {
  check_name(p.name);
  if (p.width != width_ || p.height != height_)
    throw std::invalid_argument("pattern \"" + p.name + "\" is " + std::to_string(p.width) + "x" +
                                std::to_string(p.height) + ", the grid is " +
                                std::to_string(width_) + "x" + std::to_string(height_));
  if (p.spins.size() != size()) throw std::invalid_argument("pattern has the wrong neuron count");
  check_spins(p.spins, "pattern \"" + p.name + "\"");
}

std::optional<SpinVector> Lab::target() const {
  if (!probe_source_) return std::nullopt;
  return library_[static_cast<std::size_t>(*probe_source_)].spins;
}

void Lab::retrain(std::vector<Pattern> library, const LabSettings& settings) {
  check_settings(settings);
  for (const Pattern& p : library) check_pattern_size(p);
  check_cost(session_cost(size(), static_cast<std::int64_t>(library.size()), settings), budget_);
  // Stored at once under the Hebbian rule (a column copy), then one relearn under the real
  // rule and model.
  auto next = std::make_unique<Network>(size());
  PatternMatrix all(size(), static_cast<Eigen::Index>(library.size()));
  for (std::size_t mu = 0; mu < library.size(); ++mu) all.col(static_cast<Eigen::Index>(mu)) = library[mu].spins;
  next->store_all(all);
  next->set_rule_and_model(settings.rule, settings.scale, settings.model);
  std::optional<int> source = probe_source_;
  if (source && *source >= static_cast<int>(library.size())) source.reset();
  std::optional<SpinVector> tgt;
  if (source) tgt = library[static_cast<std::size_t>(*source)].spins;
  auto run = start_recall(*next, settings, tgt);
  library_ = std::move(library);
  settings_ = settings;
  recall_ = std::move(run);  // drop the old Recall before the network it refers to
  ++recall_version_;
  network_ = std::move(next);
  probe_source_ = source;
  ++network_version_;
}

void Lab::swap_state(Lab& other) {
  std::swap(width_, other.width_);
  std::swap(height_, other.height_);
  library_.swap(other.library_);
  std::swap(settings_, other.settings_);
  network_.swap(other.network_);
  recall_.swap(other.recall_);  // each Recall stays with the network it refers to
  std::swap(drawing_, other.drawing_);
  std::swap(history_, other.history_);
  std::swap(probe_, other.probe_);
  probe_levels_.swap(other.probe_levels_);
  std::swap(probe_source_, other.probe_source_);
  // Both are new to any cache keyed on them.
  network_version_ = other.network_version_ = std::max(network_version_, other.network_version_) + 1;
  recall_version_ = other.recall_version_ = std::max(recall_version_, other.recall_version_) + 1;
}

void Lab::check_store_cost() const {
  const std::int64_t p = pattern_count() + 1;
  LearningCost cost = session_cost(size(), p, settings_);
  // Storkey and Hebbian networks learn one more pattern on their W; the others relearn all.
  if (!needs_model_weights(settings_.model) && settings_.rule != Rule::pseudoinverse)
    cost.work = learning_cost(size(), 1, settings_.rule, settings_.model).work;
  check_cost(cost, budget_);
}

void Lab::store(const SpinVector& xi, std::string name) {
  Pattern p{width_, height_, std::move(name), xi};
  check_pattern_size(p);
  check_store_cost();
  network_->store(xi);  // throws before changing anything if the rule rejects xi
  library_.push_back(std::move(p));
  ++network_version_;
  reset_recall();
}

void Lab::store_drawing(std::string name) { store(drawing_.spins, std::move(name)); }

void Lab::remove_pattern(int mu) {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
  // A Hebbian network unlearns the pattern on its W; the others relearn the rest.
  if (settings_.rule != Rule::hebbian || needs_model_weights(settings_.model))
    check_cost(session_cost(size(), pattern_count() - 1, settings_), budget_);
  network_->remove(mu);
  library_.erase(library_.begin() + mu);
  if (probe_source_ && *probe_source_ == mu) probe_source_.reset();
  else if (probe_source_ && *probe_source_ > mu) --*probe_source_;
  ++network_version_;
  reset_recall();
}

void Lab::rename_pattern(int mu, std::string name) {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
  check_name(name);
  library_[static_cast<std::size_t>(mu)].name = std::move(name);
}

void Lab::set_patterns(const std::vector<Pattern>& patterns, bool adopt_size) {
  const int old_w = width_, old_h = height_;
  if (adopt_size && !patterns.empty()) {
    check_grid_size(patterns.front().width, patterns.front().height);
    width_ = patterns.front().width;
    height_ = patterns.front().height;
  }
  const SpinVector old_probe = probe_;
  const std::vector<double> old_levels = probe_levels_;
  const std::optional<int> old_source = probe_source_;
  probe_source_.reset();
  if (!patterns.empty() && patterns.front().spins.size() == size()) {
    probe_ = patterns.front().spins;
    probe_levels_.clear();
    probe_source_ = 0;
  } else if (probe_.size() != size()) {
    probe_ = SpinVector::Constant(size(), -1);
    probe_levels_.clear();
  }
  try {
    retrain(patterns, settings_);
  } catch (...) {
    width_ = old_w;
    height_ = old_h;
    probe_ = old_probe;
    probe_levels_ = old_levels;
    probe_source_ = old_source;
    throw;
  }
  if (old_w != width_ || old_h != height_) {
    drawing_ = resampled(drawing_, width_, height_);
    history_.clear();
  }
}

void Lab::add_patterns(const std::vector<Pattern>& patterns) {
  if (library_.empty()) return set_patterns(patterns, true);
  std::vector<Pattern> all = library_;
  all.insert(all.end(), patterns.begin(), patterns.end());
  retrain(std::move(all), settings_);
}

void Lab::clear_patterns() { set_patterns({}); }

void Lab::load_pattern_bytes(std::string_view bytes, const std::string& source, bool replace) {
  std::vector<Pattern> loaded = read_patterns(bytes, source);
  if (loaded.empty()) throw PatternFileError(source + ": no patterns found");
  if (replace) set_patterns(loaded, true);
  else add_patterns(loaded);
}

std::string Lab::export_text() const { return write_text_patterns(library_); }

void Lab::set_settings(const LabSettings& settings) { retrain(library_, settings); }

void Lab::begin_stroke() { history_.record(drawing_); }

void Lab::stroke_cell(int x, int y, Spin value) {
  if (x >= 0 && y >= 0 && x < width_ && y < height_ && (value == 1 || value == -1))
    drawing_.set(x, y, value);
}

void Lab::stroke_line(int x0, int y0, int x1, int y1, Spin value) {
  draw_line(drawing_, x0, y0, x1, y1, value);
}

void Lab::set_drawing(const Pattern& grid) {
  if (grid.width != width_ || grid.height != height_ || grid.spins.size() != size())
    throw std::invalid_argument("drawing must be " + std::to_string(width_) + "x" +
                                std::to_string(height_));
  check_spins(grid.spins, "drawing");
  history_.record(drawing_);
  drawing_ = grid;
}

bool Lab::undo() { return history_.undo(drawing_); }
bool Lab::redo() { return history_.redo(drawing_); }

void Lab::load_drawing_from_pattern(int mu) {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
  Pattern p = library_[static_cast<std::size_t>(mu)];
  set_drawing(p);
}

void Lab::set_probe(const SpinVector& s, std::optional<int> source) {
  if (s.size() != size())
    throw std::invalid_argument("state has " + std::to_string(s.size()) + " neurons, the grid has " +
                                std::to_string(size()));
  check_spins(s, "state");
  if (source && (*source < 0 || *source >= pattern_count()))
    throw std::out_of_range("no pattern " + std::to_string(*source) + " in the library");
  probe_ = s;
  probe_levels_.clear();
  probe_source_ = source;
  reset_recall();
}

void Lab::probe_from_pattern(int mu) {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
  probe_ = library_[static_cast<std::size_t>(mu)].spins;
  probe_levels_.clear();
  probe_source_ = mu;
  reset_recall();
}

void Lab::corrupt(const CorruptionRequest& request) {
  probe_ = apply_corruption(state(), width_, request);
  probe_levels_.clear();
  reset_recall();
}

std::unique_ptr<Recall> Lab::start_recall(const Network& net, const LabSettings& settings,
                                          std::optional<SpinVector> tgt) const {
  if (!probe_levels_.empty() && real_valued(settings.model.model))
    return std::make_unique<Recall>(net, probe_levels_, settings.dynamics, std::move(tgt));
  return std::make_unique<Recall>(net, probe_, settings.dynamics, std::move(tgt));
}

void Lab::set_probe_levels(const std::vector<double>& levels) {
  if (static_cast<int>(levels.size()) != size())
    throw std::invalid_argument("the grey probe has " + std::to_string(levels.size()) +
                                " levels, the grid has " + std::to_string(size()) + " neurons");
  SpinVector signs(size());
  for (int i = 0; i < size(); ++i) {
    const double v = levels[static_cast<std::size_t>(i)];
    if (!(v >= -1.0 && v <= 1.0))
      throw std::invalid_argument("grey levels must be in [-1, 1], not " + std::to_string(v));
    signs[i] = v < 0 ? Spin{-1} : Spin{1};
  }
  const SpinVector old_probe = probe_;
  const std::vector<double> old_levels = probe_levels_;
  const std::optional<int> old_source = probe_source_;
  probe_ = signs;
  probe_levels_ = levels;
  probe_source_.reset();
  try {
    reset_recall();
  } catch (...) {
    probe_ = old_probe;
    probe_levels_ = old_levels;
    probe_source_ = old_source;
    throw;
  }
}

void Lab::reset_recall() {
  auto run = start_recall(*network_, settings_, target());
  recall_ = std::move(run);
  ++recall_version_;
}

void Lab::step_sweeps(int sweeps) {
  if (sweeps < 0) throw std::invalid_argument("number of sweeps must not be negative");
  for (int k = 0; k < sweeps && !recall_->finished(); ++k) recall_->step_sweep();
}

FinalStateReport Lab::verdict() const {
  const std::vector<std::string> names = pattern_names();
  FinalStateReport r = classify_final_state(*network_, state(), recall_->outcome(), names,
                                            recall_->cycle_length());
  if (probe_source_ && (r.verdict == Verdict::retrieved || r.verdict == Verdict::inverse) &&
      r.pattern != *probe_source_)
    r.summary += " That is not the target, " + quoted_name(names, *probe_source_) + ".";
  return r;
}

}  // namespace hopfield
