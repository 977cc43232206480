#include "app/state/app.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <stdexcept>

#include "app/state/builtin_patterns.hpp"
#include "app/state/view_state.hpp"
#include "core/io/labels.hpp"
#include "core/parse.hpp"
#include "core/io/pattern_io.hpp"
#include "core/io/json.hpp"
#include "core/io/session_link.hpp"

namespace hlab {
namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string size_text(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

}  // namespace

App& the_app() {
  static App app;
  return app;
}

App::App(Host host) : lab_(16, 16), host_(std::move(host)) {
  lab_.set_budget(hopfield::kPageBudget);
}

// --- library ---------------------------------------------------------------------------

void App::set_grid_size(int width, int height) {
  const int forgotten = lab_.pattern_count();
  const hopfield::Rule rule = lab_.settings().rule;
  lab_.set_grid_size(width, height);
  selected_ = -1;
  stop();
  // Said only when something was lost: the new grid shows for itself.
  if (forgotten == 0 && lab_.settings().rule == rule) return;
  std::string text = "Grid is now " + size_text(width, height) + " (" +
                     std::to_string(width * height) + " neurons).";
  if (forgotten > 0)
    text += " The " + std::to_string(forgotten) +
            " stored patterns were forgotten: the network has a fixed number of neurons.";
  if (lab_.settings().rule != rule)
    text += " The rule is now Hebbian: " + hopfield::to_string(rule) +
            " needs a dense weight matrix, at most 4096 neurons.";
  info(text);
}

void App::set_patterns(const std::vector<hopfield::Pattern>& patterns) {
  lab_.set_patterns(patterns);
  selected_ = patterns.empty() ? -1 : 0;
  stop();
}

std::string App::session_text(std::uint32_t panels) const {
  hopfield::Session s = hopfield::session_of(lab_);
  s.selected = selected_;
  s.panels = panels;
  return hopfield::encode_session(s);
}

std::uint32_t App::restore_session_text(std::string_view text) {
  const hopfield::Session s = hopfield::decode_session(text);
  if (s.panels >> std::size(kPanelNames))
    throw hopfield::SessionLinkError("the link's state is damaged: unknown panels");
  hopfield::restore_session(lab_, s);
  selected_ = s.selected;
  stop();
  return s.panels;
}

void App::new_session() {
  restore_session_text(hopfield::encode_session(hopfield::Session{}));
  if (host_.forget_session) host_.forget_session();
  info("New session: nothing stored, default settings.");
}

std::string App::share_link(const std::string& state) {
  if (host_.share_link) return host_.share_link(state);
  const std::string link = "#state=" + state;
  copy_text(link);
  return link;
}

void App::open_full(const std::string& state) {
  if (host_.open_full) host_.open_full(state);
}

void App::copy_text(const std::string& text) {
  if (host_.copy_text) host_.copy_text(text);
}

void App::take_patterns(const std::vector<hopfield::Pattern>& patterns, bool replace) {
  if (replace) lab_.set_patterns(patterns, true);
  else lab_.add_patterns(patterns);
  selected_ = lab_.pattern_count() > 0 ? 0 : -1;
  stop();
}

void App::load_builtin(std::string_view family, bool replace, std::string_view pick) {
  const BuiltinFile* file = find_builtin(family, lab_.width(), lab_.height());
  if (!file) {
    std::string families;
    for (const std::string& f : builtin_families()) families += (families.empty() ? "" : ", ") + f;
    throw std::invalid_argument("there is no built-in '" + std::string(family) + "' set at " +
                                size_text(lab_.width(), lab_.height()) + " (sets: " + families +
                                "; at 16x16 and 28x28)");
  }
  const std::string name = std::string(file->stem) + ".txt";
  const std::vector<hopfield::Pattern> picked =
      pick_patterns(hopfield::read_patterns(file->text, name), pick);
  take_patterns(picked, replace);
  std::string names;
  for (const hopfield::Pattern& p : picked) names += (names.empty() ? "" : " ") + p.name;
  info("Stored " + std::to_string(picked.size()) + " " + std::string(family) +
       (picked.size() <= 12 ? " (" + names + ")" : "") + ": " +
       std::to_string(lab_.pattern_count()) + " patterns in the library.");
}

void App::load_labelled_set(const LabelledSetFiles& f, const std::string& classes,
                            int per_class, bool replace) {
  if (per_class < 0) throw std::invalid_argument("per class must be 0 (all) or more");
  std::vector<hopfield::Pattern> patterns = hopfield::read_patterns(f.images, f.name);
  std::vector<hopfield::Pattern> picked;
  if (f.labels.empty()) {
    if (!classes.empty())
      throw std::invalid_argument(f.name + " has no labels file: classes cannot be picked");
    for (std::size_t k = 0; k < patterns.size() && (per_class == 0 || k < static_cast<std::size_t>(per_class)); ++k)
      picked.push_back(patterns[k]);
  } else {
    const hopfield::PatternClasses cls = hopfield::name_by_class(
        patterns, hopfield::read_idx_labels(f.labels, f.name + " labels"),
        f.class_names.empty() ? hopfield::ClassNames{}
                              : hopfield::read_class_names(f.class_names, f.name + " class names"),
        f.name + " labels", f.name + " class names");
    std::vector<int> wanted;
    if (classes.find_first_not_of(" \t") == std::string::npos) {
      wanted.resize(patterns.size());
      for (std::size_t k = 0; k < wanted.size(); ++k) wanted[k] = static_cast<int>(k);
    } else {
      wanted = hopfield::select_by_class(cls, hopfield::parse_class_list(classes, "classes"));
    }
    std::map<int, int> taken;  // per label
    for (int k : wanted)
      if (per_class == 0 || taken[cls.labels[static_cast<std::size_t>(k)]]++ < per_class)
        picked.push_back(patterns[static_cast<std::size_t>(k)]);
  }
  if (picked.empty()) throw std::invalid_argument(f.name + ": nothing to load");
  take_patterns(picked, replace);
  info("Loaded " + std::to_string(picked.size()) + " patterns of " + f.name +
       (classes.empty() ? "" : " (" + classes + ")") + ": " + std::to_string(lab_.pattern_count()) +
       " patterns in the library.");
}

void App::import_image(std::string_view bytes, const std::string& name,
                       const hopfield::ImageImportOptions& options) {
  import_decoded_image(hopfield::decode_grey_image(bytes, name), name, options);
}

void App::import_decoded_image(hopfield::GreyImage image, const std::string& name,
                               const hopfield::ImageImportOptions& options) {
  draw_image(image, name, options);
  image_ = std::move(image);
  image_name_ = name;
  info("Image " + name + " is in the editor (" + size_text(lab_.width(), lab_.height()) + ", " +
       to_string(options.threshold) + (options.invert ? ", inverted" : "") +
       "): Store it, or use it as the probe.");
}

void App::set_image_options(const hopfield::ImageImportOptions& options) {
  if (image_name_.empty()) throw std::invalid_argument("no image to redo: load one first");
  draw_image(image_, image_name_, options);
}

void App::probe_from_image_levels() {
  if (image_name_.empty()) throw std::invalid_argument("no image: load one first");
  if (!hopfield::real_valued(lab_.settings().model.model))
    throw std::invalid_argument("grey probes are for the modern and continuous models; choose "
                                "one in the Network panel (the drawing is the +-1 probe)");
  lab_.set_probe_levels(
      hopfield::import_grey_levels(image_, lab_.width(), lab_.height(), image_options_));
  running_ = false;
}

void App::draw_image(const hopfield::GreyImage& image, const std::string& name,
                     const hopfield::ImageImportOptions& options) {
  hopfield::Pattern grid =
      hopfield::import_image(image, lab_.width(), lab_.height(), options, name);
  grid.name = name;
  set_drawing(grid);
  image_options_ = options;
}

void App::open_file(std::string_view bytes, const std::string& name) {
  if (hopfield::looks_like_image(bytes)) import_image(bytes, name, image_options_);
  else load_pattern_file(bytes, name, false);
}

void App::open_decoded_image(hopfield::GreyImage image, const std::string& name) {
  import_decoded_image(std::move(image), name, image_options_);
}

void App::load_pattern_file(std::string_view bytes, const std::string& name, bool replace) {
  lab_.load_pattern_bytes(bytes, name, replace);
  selected_ = lab_.pattern_count() > 0 ? 0 : -1;
  stop();
  info("Loaded " + name + ": " + std::to_string(lab_.pattern_count()) + " patterns stored.");
}

void App::store_drawing(const std::string& name) {
  lab_.store_drawing(name);
  selected_ = lab_.pattern_count() - 1;
  stop();
  info("Stored \"" + name + "\" as pattern " + std::to_string(selected_) + ".");
}

void App::remove_pattern(int mu) {
  lab_.remove_pattern(mu);
  selected_ = std::min(mu, lab_.pattern_count() - 1);
  stop();
  info("Pattern " + std::to_string(mu) + " unlearned.");
}

void App::rename_pattern(int mu, const std::string& name) { lab_.rename_pattern(mu, name); }

void App::clear_patterns() {
  lab_.clear_patterns();
  selected_ = -1;
  stop();
}

void App::select(int mu) {
  if (mu < -1 || mu >= lab_.pattern_count())
    throw std::out_of_range("no pattern " + std::to_string(mu) + " in the library");
  selected_ = mu;
}

// --- network ---------------------------------------------------------------------------

void App::set_settings(const hopfield::LabSettings& settings) {
  if (settings == lab_.settings()) return;
  lab_.set_settings(settings);
  stop();
}

void App::apply_settings(const std::vector<std::pair<std::string, std::string>>& given) {
  hopfield::LabSettings s = lab_.settings();
  const std::string note = hopfield::apply_settings(s, given);
  set_settings(s);
  if (!note.empty()) info(note);
}

void App::switch_model(hopfield::Model model) {
  const hopfield::ModelSwitch m = hopfield::switch_model(lab_.settings(), model);
  set_settings(m.settings);
  if (!m.note.empty()) info(m.note);
}

// --- probe and recall ------------------------------------------------------------------

void App::probe_from_pattern(int mu) {
  lab_.probe_from_pattern(mu);
  stop();
}

void App::probe_from_drawing() { set_probe(lab_.drawing().spins); }

void App::set_probe(const hopfield::SpinVector& state) {
  lab_.set_probe(state);
  stop();
}

void App::corrupt(const hopfield::CorruptionRequest& request, std::optional<int> pattern) {
  if (pattern) {
    if (*pattern < 0 || *pattern >= lab_.pattern_count())
      throw std::invalid_argument("pattern " + std::to_string(*pattern) +
                                  " is not stored (there are " +
                                  std::to_string(lab_.pattern_count()) + ")");
    // Validate on the pattern first, so an invalid request changes nothing.
    hopfield::apply_corruption(lab_.patterns()[static_cast<std::size_t>(*pattern)].spins,
                               lab_.width(), request);
    lab_.probe_from_pattern(*pattern);
  }
  lab_.corrupt(request);
  stop();
}

void App::step_neuron() { lab_.step_neuron(); }

void App::step_sweeps(int sweeps) { lab_.step_sweeps(sweeps); }

void App::reset() {
  lab_.reset_recall();
  stop();
}

void App::run(bool flat_out) {
  autorun_in_ = -1;
  running_ = !lab_.finished();
  flat_out_ = flat_out;
  budget_ = 0;
}

void App::pause() { stop(); }

void App::set_run_speed(const RunSpeed& speed) {
  if (!(speed.speed > 0)) throw std::invalid_argument("run speed must be positive");
  speed_ = speed;
}

void App::run_for(double budget_ms) {
  const Clock::time_point start = Clock::now();
  while (!lab_.finished() && milliseconds_since(start) < budget_ms) lab_.step_sweeps(1);
}

// --- drawing ---------------------------------------------------------------------------

void App::set_drawing(const hopfield::Pattern& grid) { lab_.set_drawing(grid); }
void App::begin_stroke() { lab_.begin_stroke(); }
void App::stroke_cell(int x, int y, hopfield::Spin value) { lab_.stroke_cell(x, y, value); }
void App::stroke_line(int x0, int y0, int x1, int y1, hopfield::Spin value) {
  lab_.stroke_line(x0, y0, x1, y1, value);
}
void App::undo() { lab_.undo(); }
void App::redo() { lab_.redo(); }
void App::edit_pattern(int mu) { lab_.load_drawing_from_pattern(mu); }

// --- experiments -----------------------------------------------------------------------

void App::set_experiment_backend(std::unique_ptr<ExperimentBackend> backend) {
  if (experiment_backend_) experiment_.cancel(*experiment_backend_);
  experiment_backend_ = std::move(backend);
}

void App::start_experiment(const std::string& spec_json) {
  if (!experiment_backend_) throw std::logic_error("experiments cannot run here (no backend)");
  // "library" names the current library: it goes along as a file of its own.
  hopfield::JsonValue spec = hopfield::parse_json(spec_json);
  std::vector<std::pair<std::string, std::string>> files;
  for (auto& [key, value] : spec.members)
    if ((key == "source" || key == "patterns") && value.is(hopfield::JsonValue::Type::string) &&
        value.text == "library") {
      if (lab_.pattern_count() == 0)
        throw hopfield::experiments::SpecError(key, "the library is empty: store or load patterns first");
      value.text = kLibraryFile;
      if (files.empty()) files.emplace_back(kLibraryFile, lab_.export_text());
    }
  experiment_.start(spec, files, *experiment_backend_);
}

void App::cancel_experiment() {
  if (experiment_backend_) experiment_.cancel(*experiment_backend_);
}

void App::poll_experiment() {
  if (experiment_backend_) experiment_.update(*experiment_backend_);
}

// --- notices ---------------------------------------------------------------------------

void App::post(std::string text, bool is_error) {
  Notice n{next_notice_++, std::move(text), is_error};
  log_.push_back(n);
  if (log_.size() > kMaxLogEntries) log_.erase(log_.begin());
  notices_.push_back(std::move(n));
}

void App::info(std::string text) { post(std::move(text), false); }

std::string App::status_text() const {
  const hopfield::Recall& r = lab_.recall();
  if (lab_.pattern_count() == 0) return "No patterns stored.";
  const int d = r.trace().hamming.empty() ? -1 : r.trace().hamming.back();
  const std::string numbers = "energy " + hopfield::format_number(r.energy()) +
                              (d >= 0 ? ", Hamming distance " + std::to_string(d) : "");
  if (!r.finished()) {
    if (r.sweeps() == 0 && r.sweep_position() == 0 && !running())
      return "Ready: the probe has " + numbers + ". Press Run.";
    return (running() ? "Running: sweep " : "Paused at sweep ") + std::to_string(r.sweeps()) +
           ", " + numbers + ".";
  }
  return "Finished after " + std::to_string(r.sweeps()) + " sweeps, " + numbers + ". " +
         lab_.verdict().summary;
}

void App::save_file(const std::string& filename, const std::string& bytes) {
  if (!host_.save_file) throw std::runtime_error("files cannot be saved here");
  const std::string said = host_.save_file(filename, bytes);
  if (!said.empty()) info(said);
}

void App::pick_file() {
  if (!host_.pick_file) throw std::runtime_error("there is no file picker here: type a path");
  host_.pick_file();
}

void App::open_path(const std::string& path) {
  if (!host_.read_file) throw std::runtime_error("files cannot be read here");
  open_file(host_.read_file(path), path);
}

void App::load_dataset(const std::string& name, const std::string& classes, int per_class,
                       bool replace) {
  if (!host_.load_dataset) throw std::runtime_error("data sets cannot be loaded here");
  host_.load_dataset(*this, name, classes, per_class, replace);
}

void App::error(std::string text) { post(std::move(text), true); }

void App::dismiss(std::uint64_t notice_id) {
  std::erase_if(notices_, [&](const Notice& n) { return n.id == notice_id; });
}

bool App::attempt(const std::function<void()>& action, const std::string& context) {
  try {
    action();
    return true;
  } catch (const std::exception& e) {
    error(context.empty() ? e.what() : context + ": " + e.what());
  }
  return false;
}

// --- once per frame --------------------------------------------------------------------

void App::advance(double dt, double ui_ms, double draw_ms) {
  ++frames_;
  poll_experiment();
  if (autorun_in_ >= 0) {  // autorun=SECONDS: counted in frames drawn, so a hidden tab waits
    autorun_in_ -= dt;
    if (autorun_in_ < 0 && !lab_.finished()) run();
  }
  if (!running_) {
    budget_timing_ = false;
    return;
  }
  // The first frame of a run follows an idle stretch of any length: not a frame to judge.
  if (budget_timing_) frame_budget_.update(dt * 1000.0);
  budget_timing_ = true;
  if (lab_.finished()) {
    stop();
    if (host_.recall_finished) host_.recall_finished();
    return;
  }
  const Clock::time_point start = Clock::now();
  const auto elapsed_ms = [&] { return milliseconds_since(start); };
  recall_budget_ms_ = std::max(kMinRecallMs, frame_budget_.ms() - ui_ms - draw_ms);
  const double budget_ms = recall_budget_ms_;
  budget_bound_ = false;
  if (speed_.fastest || flat_out_) {
    while (!lab_.finished() && elapsed_ms() < budget_ms) lab_.step_sweeps(1);
    budget_bound_ = !lab_.finished();
  } else {
    budget_ += dt * speed_.speed;
    // A slow frame must not make the page stall trying to catch up.
    budget_ = std::min(budget_, static_cast<double>(speed_.speed) * 0.25 + 1.0);
    while (budget_ >= 1.0 && !lab_.finished()) {
      if (speed_.per_neuron) lab_.step_neuron();
      else lab_.step_sweeps(1);
      budget_ -= 1.0;
      if (elapsed_ms() >= budget_ms) {  // the speed asked for more than a frame can do
        budget_bound_ = budget_ >= 1.0;
        budget_ = std::min(budget_, 1.0);
        break;
      }
    }
  }
  if (lab_.finished()) {
    stop();
    if (host_.recall_finished) host_.recall_finished();
  }
}

}  // namespace hlab
