#include "core/lab.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/corruption.hpp"
#include "core/pattern_io.hpp"

namespace hopfield {

namespace {

// Parses `text` as the to_string spelling of one of `values`.
template <class Enum, std::size_t K>
Enum parse_choice(std::string_view what, std::string_view text, const Enum (&values)[K]) {
  std::string choices;
  for (Enum v : values) {
    if (to_string(v) == text) return v;
    choices += (choices.empty() ? "" : ", ") + to_string(v);
  }
  throw std::invalid_argument("unknown " + std::string(what) + " '" + std::string(text) +
                              "': use one of " + choices);
}

std::string quoted_name(const std::vector<std::string>& names, int mu) {
  if (mu >= 0 && mu < static_cast<int>(names.size()) && !names[static_cast<std::size_t>(mu)].empty())
    return "\"" + names[static_cast<std::size_t>(mu)] + "\" (pattern " + std::to_string(mu) + ")";
  return "pattern " + std::to_string(mu);
}

}  // namespace

Rule parse_rule(std::string_view text) {
  static const Rule all[] = {Rule::hebbian, Rule::storkey, Rule::pseudoinverse};
  return parse_choice("rule", text, all);
}
HebbianScale parse_scale(std::string_view text) {
  static const HebbianScale all[] = {HebbianScale::none, HebbianScale::inv_n, HebbianScale::inv_p};
  return parse_choice("Hebbian scale", text, all);
}
UpdateMode parse_mode(std::string_view text) {
  static const UpdateMode all[] = {UpdateMode::synchronous, UpdateMode::async_random,
                                   UpdateMode::async_sequential};
  return parse_choice("update mode", text, all);
}
TieRule parse_tie(std::string_view text) {
  static const TieRule all[] = {TieRule::keep, TieRule::plus, TieRule::minus};
  return parse_choice("tie rule", text, all);
}

std::string to_string(CorruptionKind kind) {
  switch (kind) {
    case CorruptionKind::flip: return "flip";
    case CorruptionKind::salt_pepper: return "saltpepper";
    case CorruptionKind::mask: return "mask";
    case CorruptionKind::rectangle: return "rect";
    case CorruptionKind::invert: return "invert";
  }
  return "?";
}

CorruptionKind parse_corruption(std::string_view text) {
  static const CorruptionKind all[] = {CorruptionKind::flip, CorruptionKind::salt_pepper,
                                       CorruptionKind::mask, CorruptionKind::rectangle,
                                       CorruptionKind::invert};
  return parse_choice("corruption type", text, all);
}

SpinVector apply_corruption(const SpinVector& s, int width, const CorruptionRequest& r) {
  Rng rng(r.seed, kCorruptionStream);
  switch (r.kind) {
    case CorruptionKind::flip: return flip_fraction(s, r.amount, rng);
    case CorruptionKind::salt_pepper: return salt_and_pepper(s, r.amount, rng);
    case CorruptionKind::mask: return mask_fraction(s, r.amount, r.value, rng);
    case CorruptionKind::rectangle:
      return occlude_rectangle(s, width, r.x, r.y, r.w, r.h, r.value);
    case CorruptionKind::invert: return invert(s);
  }
  return s;
}

std::string to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::running: return "running";
    case Verdict::retrieved: return "retrieved";
    case Verdict::inverse: return "inverse";
    case Verdict::two_cycle: return "2-cycle";
    case Verdict::spurious: return "spurious";
    case Verdict::no_patterns: return "no patterns";
  }
  return "?";
}

FinalStateReport classify_final_state(const Network& net, const SpinVector& state,
                                      Outcome outcome, const std::vector<std::string>& names) {
  FinalStateReport r;
  r.converged = outcome == Outcome::fixed_point;
  const int n = net.size();
  const int p = net.pattern_count();
  int nearest = -1, best = n + 1;
  for (int mu = 0; mu < p; ++mu) {
    const int d = hamming(net.pattern(mu), state);
    r.distances.push_back(d);
    r.inverse_distances.push_back(n - d);
    if (std::min(d, n - d) < best) {
      best = std::min(d, n - d);
      nearest = mu;
    }
  }
  const auto exact = std::find(r.distances.begin(), r.distances.end(), 0);
  const auto exact_inverse = std::find(r.inverse_distances.begin(), r.inverse_distances.end(), 0);
  r.pattern = nearest;
  const std::string near = nearest < 0 ? std::string()
                                       : "; nearest is " + quoted_name(names, nearest) +
                                             " at Hamming distance " + std::to_string(best) +
                                             (best == r.distances[static_cast<std::size_t>(nearest)]
                                                  ? ""
                                                  : " from its inverse");
  if (p == 0) {
    r.verdict = Verdict::no_patterns;
    r.summary = "No stored patterns: store some to give the network memories.";
  } else if (outcome == Outcome::running) {
    r.verdict = Verdict::running;
    r.summary = "Still running" + near + ".";
  } else if (outcome == Outcome::two_cycle) {
    r.verdict = Verdict::two_cycle;
    r.summary = "2-cycle: the synchronous update alternates between two states" + near + ".";
  } else if (exact != r.distances.end()) {
    r.verdict = Verdict::retrieved;
    r.pattern = static_cast<int>(exact - r.distances.begin());
    r.summary = "Retrieved " + quoted_name(names, r.pattern) + " exactly.";
  } else if (exact_inverse != r.inverse_distances.end()) {
    r.verdict = Verdict::inverse;
    r.pattern = static_cast<int>(exact_inverse - r.inverse_distances.begin());
    r.summary = "Ended in the inverse of " + quoted_name(names, r.pattern) +
                " (a spurious state that is always stable without bias).";
  } else {
    r.verdict = Verdict::spurious;
    r.summary = "Spurious state: not a stored pattern or its inverse" + near + ".";
  }
  if (outcome == Outcome::max_sweeps && p > 0)
    r.summary += " Stopped at the sweep limit without reaching a fixed point.";
  return r;
}

double local_field(const Network& net, const SpinVector& s, int i) {
  if (i < 0 || i >= net.size()) throw std::out_of_range("neuron index out of range");
  if (s.size() != net.size()) throw std::invalid_argument("state size differs from the network");
  if (net.rule() == Rule::hebbian && !net.pruned()) {
    double h = net.bias()[i];
    for (double vote : net.pattern_votes(s, i)) h += vote;
    return h;
  }
  const Eigen::MatrixXf& w = net.raw_weights();
  double sum = 0.0;
  for (int j = 0; j < net.size(); ++j) sum += s[j] * static_cast<double>(w(i, j));
  return net.weight_scale() * sum + net.bias()[i];
}

std::vector<float> weight_block_means(const Network& net, int blocks) {
  const int n = net.size();
  if (blocks < 1 || blocks > n)
    throw std::invalid_argument("heatmap blocks must be 1.." + std::to_string(n));
  const std::size_t b = static_cast<std::size_t>(blocks);
  std::vector<int> block_of(static_cast<std::size_t>(n));
  std::vector<double> count(b, 0.0);
  for (int i = 0; i < n; ++i) {
    block_of[static_cast<std::size_t>(i)] = static_cast<int>(1LL * i * blocks / n);
    count[static_cast<std::size_t>(block_of[static_cast<std::size_t>(i)])] += 1.0;
  }
  std::vector<double> sum(b * b, 0.0);
  if (net.rule() == Rule::hebbian && !net.pruned()) {
    // Sum over a block pair of sum_mu xi_i xi_j = sum_mu S_I S_J, minus the P |I| diagonal.
    const int p = net.pattern_count();
    std::vector<double> s(b);
    for (int mu = 0; mu < p; ++mu) {
      std::fill(s.begin(), s.end(), 0.0);
      for (int i = 0; i < n; ++i)
        s[static_cast<std::size_t>(block_of[static_cast<std::size_t>(i)])] += net.patterns()(i, mu);
      for (std::size_t bi = 0; bi < b; ++bi)
        for (std::size_t bj = 0; bj < b; ++bj) sum[bi * b + bj] += s[bi] * s[bj];
    }
    for (std::size_t bi = 0; bi < b; ++bi) sum[bi * b + bi] -= static_cast<double>(p) * count[bi];
  } else {
    const Eigen::MatrixXf& w = net.raw_weights();
    for (int j = 0; j < n; ++j) {
      const std::size_t bj = static_cast<std::size_t>(block_of[static_cast<std::size_t>(j)]);
      for (int i = 0; i < n; ++i)
        sum[static_cast<std::size_t>(block_of[static_cast<std::size_t>(i)]) * b + bj] += w(i, j);
    }
  }
  std::vector<float> means(b * b);
  const double scale = net.weight_scale();
  for (std::size_t bi = 0; bi < b; ++bi)
    for (std::size_t bj = 0; bj < b; ++bj)
      means[bi * b + bj] = static_cast<float>(scale * sum[bi * b + bj] / (count[bi] * count[bj]));
  return means;
}

// --- Lab ---------------------------------------------------------------------------------

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
  probe_source_.reset();
  LabSettings s = settings_;
  if (size() > kMaxDenseNeurons) {  // only Hebbian recall works without a dense matrix
    s.rule = Rule::hebbian;
  }
  retrain({}, s);
}

std::vector<std::string> Lab::pattern_names() const {
  std::vector<std::string> names;
  for (const Pattern& p : library_) names.push_back(p.name);
  return names;
}

void Lab::check_pattern_size(const Pattern& p) const {
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
  check_options(settings.dynamics);
  for (const Pattern& p : library) check_pattern_size(p);
  // Hebbian storage is a cheap column append; one relearn under the real rule follows.
  auto next = std::make_unique<Network>(size());
  for (const Pattern& p : library) next->store(p.spins);
  next->set_rule(settings.rule, settings.scale);
  std::optional<int> source = probe_source_;
  if (source && *source >= static_cast<int>(library.size())) source.reset();
  std::optional<SpinVector> tgt;
  if (source) tgt = library[static_cast<std::size_t>(*source)].spins;
  auto run = std::make_unique<Recall>(*next, probe_, settings.dynamics, tgt);
  library_ = std::move(library);
  settings_ = settings;
  recall_ = std::move(run);  // drop the old Recall before the network it refers to
  ++recall_version_;
  network_ = std::move(next);
  probe_source_ = source;
  ++network_version_;
}

void Lab::store(const SpinVector& xi, std::string name) {
  Pattern p{width_, height_, std::move(name), xi};
  check_pattern_size(p);
  network_->store(xi);  // throws before changing anything if the rule rejects xi
  library_.push_back(std::move(p));
  ++network_version_;
  reset_recall();
}

void Lab::store_drawing(std::string name) { store(drawing_.spins, std::move(name)); }

void Lab::remove_pattern(int mu) {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
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
  const std::optional<int> old_source = probe_source_;
  probe_source_.reset();
  if (!patterns.empty() && patterns.front().spins.size() == size()) {
    probe_ = patterns.front().spins;
    probe_source_ = 0;
  } else if (probe_.size() != size()) {
    probe_ = SpinVector::Constant(size(), -1);
  }
  try {
    retrain(patterns, settings_);
  } catch (...) {
    width_ = old_w;
    height_ = old_h;
    probe_ = old_probe;
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

void Lab::set_probe(const SpinVector& s) {
  if (s.size() != size())
    throw std::invalid_argument("state has " + std::to_string(s.size()) + " neurons, the grid has " +
                                std::to_string(size()));
  check_spins(s, "state");
  probe_ = s;
  probe_source_.reset();
  reset_recall();
}

void Lab::probe_from_pattern(int mu) {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
  probe_ = library_[static_cast<std::size_t>(mu)].spins;
  probe_source_ = mu;
  reset_recall();
}

void Lab::corrupt(const CorruptionRequest& request) {
  probe_ = apply_corruption(state(), width_, request);
  reset_recall();
}

void Lab::reset_recall() {
  auto run = std::make_unique<Recall>(*network_, probe_, settings_.dynamics, target());
  recall_ = std::move(run);
  ++recall_version_;
}

void Lab::step_sweeps(int sweeps) {
  if (sweeps < 0) throw std::invalid_argument("number of sweeps must not be negative");
  for (int k = 0; k < sweeps && !recall_->finished(); ++k) recall_->step_sweep();
}

FinalStateReport Lab::verdict() const {
  const std::vector<std::string> names = pattern_names();
  FinalStateReport r = classify_final_state(*network_, state(), recall_->outcome(), names);
  if (probe_source_ && (r.verdict == Verdict::retrieved || r.verdict == Verdict::inverse) &&
      r.pattern != *probe_source_)
    r.summary += " That is not the target, " + quoted_name(names, *probe_source_) + ".";
  return r;
}

}  // namespace hopfield
