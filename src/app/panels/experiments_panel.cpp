// Experiments: choose one, set it up (defaults that show something in a few seconds), Run or
// Cancel; a progress bar with ETA; the plot and the table grow as cells finish; export CSV;
// the hopfield-cli line that computes the same rows.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "app/hplot/hplot.hpp"
#include "app/panels/experiment_plots.hpp"
#include "app/panels/panels.hpp"
#include "app/panels/theme.hpp"
#include "app/panels/widgets.hpp"
#include "core/io/json.hpp"
#include "core/parse.hpp"

namespace hlab {
namespace {

namespace ex = hopfield::experiments;

const char* const kCorruptions[] = {"flip", "mask", "saltpepper", "rect"};

// A spec under construction: "key": value pairs, values already JSON.
struct SpecBuilder {
  hopfield::JsonWriter json;
  SpecBuilder() { json.begin_object(); }
  SpecBuilder& text(const char* key, const std::string& v) {
    json.key(key).value(v);
    return *this;
  }
  SpecBuilder& number(const char* key, long long v) {
    json.key(key).value(v);
    return *this;
  }
  std::string done() {
    json.end_object();
    return json.str();
  }
};

// --- each experiment's form and spec ----------------------------------------------------

void trials_field(ExperimentsPanel& ui) { ImGui::InputInt("trials", &ui.trials); }

void capacity_form(ExperimentsPanel& ui) {
  ImGui::InputText("grid WxH", ui.size, sizeof ui.size);
  ImGui::InputText("patterns P (LIST)", ui.capacity_patterns, sizeof ui.capacity_patterns);
  tooltip("a,b,c or from:to:step, e.g. 2:60:2");
  ImGui::Checkbox("Hebbian", &ui.rules[0]);
  same_line_if_fits(checkbox_width("Storkey"));
  ImGui::Checkbox("Storkey", &ui.rules[1]);
  same_line_if_fits(checkbox_width("pseudo-inverse"));
  ImGui::Checkbox("pseudo-inverse", &ui.rules[2]);
  ImGui::SliderFloat("flip before recall", &ui.flip, 0.0f, 0.5f, "%.2f");
  trials_field(ui);
}

void capacity_spec(SpecBuilder& s, const ExperimentsPanel& ui, const App& app) {
  std::string rules;
  const char* const names[] = {"hebbian", "storkey", "pseudoinverse"};
  for (int r = 0; r < 3; ++r)
    if (ui.rules[r]) rules += (rules.empty() ? "" : ",") + std::string(names[r]);
  s.text("size", ui.size).text("patterns", ui.capacity_patterns);
  if (hopfield::uses_rule(app.lab().settings().model.model)) s.text("rule", rules);
  s.json.key("flip").number_short(static_cast<double>(std::round(ui.flip * 1000.0f)) / 1000.0);
  s.number("trials", ui.trials);
}

void basins_form(ExperimentsPanel& ui) {
  ImGui::Checkbox("the current library", &ui.basins_library);
  if (!ui.basins_library) {
    ImGui::InputText("grid WxH", ui.size, sizeof ui.size);
    ImGui::InputInt("random patterns", &ui.basins_random);
  }
  ImGui::Combo("corruption", &ui.corruption, kCorruptions, IM_ARRAYSIZE(kCorruptions));
  ImGui::InputText("amounts (LIST)", ui.amounts, sizeof ui.amounts);
  trials_field(ui);
}

void basins_spec(SpecBuilder& s, const ExperimentsPanel& ui, const App&) {
  if (ui.basins_library) s.text("patterns", "library");
  else s.text("size", ui.size).number("random", ui.basins_random);
  s.text("corruption", kCorruptions[ui.corruption]).text("amounts", ui.amounts);
  s.number("trials", ui.trials);
}

void temperature_form(ExperimentsPanel& ui) {
  ImGui::InputText("grid WxH", ui.size, sizeof ui.size);
  ImGui::InputText("patterns P (LIST)", ui.temperature_patterns, sizeof ui.temperature_patterns);
  ImGui::InputText("temperatures (LIST)", ui.temperatures, sizeof ui.temperatures);
  tooltip("T in units of the field of W_raw / N: T_c = 1 for random patterns at low load");
  ImGui::InputInt("sweeps per run", &ui.sweeps);
  trials_field(ui);
}

void temperature_spec(SpecBuilder& s, const ExperimentsPanel& ui, const App&) {
  s.text("size", ui.size).text("patterns", ui.temperature_patterns);
  s.text("temperatures", ui.temperatures).number("sweeps", ui.sweeps).number("trials", ui.trials);
}

void forgetting_form(ExperimentsPanel& ui) {
  text_disabled_wrapped("A stream of random patterns stored one after another, each then "
                        "recalled from 10%% flips. Without decay or a bound past 0.138 N "
                        "nothing is recalled (the blackout); with them the newest are.");
  ImGui::InputText("grid WxH", ui.size, sizeof ui.size);
  ImGui::InputInt("patterns in the stream", &ui.forgetting_stored);
  ImGui::SliderFloat("decay lambda", &ui.forgetting_decay, 0.5f, 1.0f, "%.3f");
  tooltip("W <- lambda W + xi xi^T per pattern (Nadal et al. 1986); 1 = no decay");
  ImGui::InputFloat("bound |W_ij| <= A", &ui.forgetting_clip, 0.5f, 1.0f, "%.3g");
  tooltip("Clip every weight after each pattern (Parisi 1986); 0 = no bound");
  trials_field(ui);
}

void forgetting_spec(SpecBuilder& s, const ExperimentsPanel& ui, const App&) {
  s.text("size", ui.size).number("stored", ui.forgetting_stored).number("trials", ui.trials);
  if (ui.forgetting_decay != 1.0f)
    s.json.key("decay").number_short(std::round(ui.forgetting_decay * 1000.0) / 1000.0);
  if (ui.forgetting_clip > 0.0f)
    s.json.key("clip").number_short(std::round(ui.forgetting_clip * 1000.0) / 1000.0);
}

void prune_form(ExperimentsPanel& ui) {
  text_disabled_wrapped("Stores images of the current library (load the Caltech 101 "
                        "Silhouettes 16x16 IDX file to redo the published study, which "
                        "used images 7383, 7384, 5403 and 5404).");
  ImGui::Combo("preset", &ui.preset, "as published\0flaws fixed\0custom\0");
  tooltip("As published: flips drawn with replacement, signed thresholds, W pruned entry by "
          "entry. Flaws fixed: exact flips, |w| thresholds, symmetric pruning.");
  ImGui::InputText("select (indices)", ui.prune_select, sizeof ui.prune_select);
  if (ui.preset == 2) {
    ImGui::InputText("prune KIND:LEVELS", ui.prune_kinds, sizeof ui.prune_kinds);
    ImGui::InputText("noise (LIST)", ui.noise, sizeof ui.noise);
    trials_field(ui);
  }
}

void prune_spec(SpecBuilder& s, const ExperimentsPanel& ui, const App&) {
  s.text("patterns", "library");
  if (ui.preset < 2) s.text("preset", ui.preset == 0 ? "published" : "fixed");
  else s.text("prune", ui.prune_kinds).text("noise", ui.noise).number("trials", ui.trials);
  if (ui.prune_select[0]) s.text("select", ui.prune_select);
}


const char* const kPruneKinds[] = {"random", "random-independent", "smallest", "magnitude", "signed"};

// Step outline of a histogram: x at the bin edges, y the counts.
void plot_histogram(const char* label, const hopfield::Histogram& h, ImU32 color) {
  std::vector<double> xs, ys;
  const double w = h.bin_width();
  xs.push_back(h.lo);
  ys.push_back(0);
  for (std::size_t b = 0; b < h.counts.size(); ++b) {
    const double x0 = h.lo + w * static_cast<double>(b);
    xs.insert(xs.end(), {x0, x0 + w});
    ys.insert(ys.end(), {static_cast<double>(h.counts[b]), static_cast<double>(h.counts[b])});
  }
  xs.push_back(h.hi);
  ys.push_back(0);
  hplot::SetNextLineColor(color);
  hplot::PlotLine(label, xs.data(), ys.data(), static_cast<int>(xs.size()));
}

// The eigenvalues of the study's W (library images, W = sum x x^T / P) before and after one
// prune: a histogram of their real parts, and the complex plane once pruning made W asymmetric.
void spectrum_section(ExperimentsPanel& ui, const App& app, float height) {
  if (!ImGui::CollapsingHeader("Spectrum of W before and after pruning")) return;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::Combo("kind##spectrum", &ui.spectrum_kind, kPruneKinds, IM_ARRAYSIZE(kPruneKinds));
  same_line_if_fits(ImGui::GetFontSize() * 14);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::SliderFloat("level##spectrum", &ui.spectrum_level, 0.0f, 1.0f, "%.2f");
  same_line_if_fits(ImGui::GetFontSize() * 5);
  const int n = app.lab().width() * app.lab().height();
  ImGui::BeginDisabled(ui.spectrum_job.valid());
  if (ImGui::Button("Compute")) {
    const auto& lib = app.lab().patterns();
    const double level = std::round(ui.spectrum_level * 100.0f) / 100.0;
    const std::string what = std::string(kPruneKinds[ui.spectrum_kind]) + " " + hopfield::json_number_short(level);
    try {
      // The images the study stores: the library, or the entries its "select" names.
      std::vector<int> chosen(lib.size());
      std::iota(chosen.begin(), chosen.end(), 0);
      if (ui.prune_select[0])
        chosen = hopfield::expand_index_ranges(hopfield::parse_index_ranges(ui.prune_select, "select"),
                                               "select", static_cast<long long>(lib.size()));
      hopfield::PatternMatrix x(n, static_cast<Eigen::Index>(chosen.size()));
      for (std::size_t k = 0; k < chosen.size(); ++k)
        x.col(static_cast<Eigen::Index>(k)) = lib[static_cast<std::size_t>(chosen[k])].spins;
      // Off the UI thread where a thread can start (the desktop); where none can (the web
      // page, built without threads) std::async defers it and the next frame computes it, as
      // the panel always did: the page then waits 1-2 s once, the worker stays the experiments'.
      ui.spectrum_job = std::async(
          std::launch::async | std::launch::deferred,
          [x = std::move(x), kind = std::string(kPruneKinds[ui.spectrum_kind]), level,
           seed = app.lab().settings().dynamics.seed] {
            return ex::prune_spectra(x, hopfield::HebbianScale::inv_p, kind, level, seed);
          });
      ui.spectrum_next = std::to_string(chosen.size()) + " images (" +
                         (ui.prune_select[0] ? std::string("select ") + ui.prune_select : "the library") +
                         "), N = " + std::to_string(n) + ", pruned " + what;
    } catch (const std::exception& e) {
      ui.spectra.reset();
      ui.spectrum_of = std::string("Cannot compute the spectrum: ") + e.what();
    }
  }
  ImGui::EndDisabled();
  tooltip("Eigenvalues of W = sum x x^T / P of the study's images (select, else the library), before and after pruning "
          "(random kinds as trial 0 prunes). Computed on click, off the UI thread on the desktop: 0.2 s at 16x16, "
          "1.6 s at 28x28 once W is asymmetric (hopfield_bench_experiments, native; the page waits longer).");
  if (ui.spectrum_job.valid() &&
      ui.spectrum_job.wait_for(std::chrono::seconds(0)) != std::future_status::timeout) {
    try {
      ui.spectra = ui.spectrum_job.get();
      ui.spectrum_of = ui.spectrum_next;
    } catch (const std::exception& e) {
      ui.spectra.reset();
      ui.spectrum_of = std::string("Cannot compute the spectrum: ") + e.what();
    }
  }
  if (ui.spectrum_job.valid()) text_disabled_wrapped("Computing the spectrum of %s...", ui.spectrum_next.c_str());
  if (!ui.spectrum_of.empty()) text_disabled_wrapped("%s", ui.spectrum_of.c_str());
  if (!ui.spectra) return;
  const ex::PruneSpectra& s = *ui.spectra;
  double lo = 0, hi = 0;
  for (const auto* e : {&s.before, &s.after})
    for (double v : e->re) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (!(hi > lo)) hi = lo + 1;
  const int bins = 40;
  const double pad = (hi - lo) * 0.5 / bins;
  const hopfield::Histogram before = hopfield::histogram(s.before.re, lo - pad, hi + pad, bins);
  const hopfield::Histogram after = hopfield::histogram(s.after.re, lo - pad, hi + pad, bins);
  const ImU32 kBefore = hplot::PaletteColor(0), kAfter = hplot::PaletteColor(1);
  if (hplot::BeginPlot("Eigenvalues of W (real parts)##spectrum", ImVec2(-1, height))) {
    hplot::SetupAxes(s.after.symmetric ? "eigenvalue" : "real part of the eigenvalue", "count");
    plot_histogram("before pruning", before, kBefore);
    plot_histogram("after pruning", after, kAfter);
    hplot::EndPlot();
  }
  text_disabled_wrapped("sparsity %.1f%%; W is %s after pruning%s", 100.0 * s.sparsity,
                        s.after.symmetric ? "symmetric: real eigenvalues" : "asymmetric",
                        s.after.symmetric ? "" : ": complex eigenvalues, shown below");
  if (s.after.symmetric) return;
  if (hplot::BeginPlot("Eigenvalues of W in the complex plane##spectrum", ImVec2(-1, height))) {
    hplot::SetupAxes("real part", "imaginary part");
    hplot::SetNextLineColor(kBefore);
    hplot::PlotScatter("before pruning", s.before.re.data(), s.before.im.data(),
                       static_cast<int>(s.before.re.size()));
    hplot::SetNextLineColor(kAfter);
    hplot::PlotScatter("after pruning", s.after.re.data(), s.after.im.data(),
                       static_cast<int>(s.after.re.size()));
    hplot::EndPlot();
  }
}

void result_table(const ex::Table& t) {
  if (t.columns.empty() || t.rows.empty()) return;
  const int cols = static_cast<int>(t.columns.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("rows", cols, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const std::string& c : t.columns) ImGui::TableSetupColumn(c.c_str());
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(t.rows.size()));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      ImGui::TableNextRow();
      for (const ex::Cell& c : t.rows[static_cast<std::size_t>(r)]) {
        ImGui::TableNextColumn();
        if (c.is_text) ImGui::TextUnformatted(c.text.c_str());
        else ImGui::Text("%.4g", c.number);
      }
    }
  ImGui::EndTable();
}

void progress(const ExperimentRun& run) {
  const long long total = std::max(1LL, run.total());
  const float fraction = static_cast<float>(run.done()) / static_cast<float>(total);
  char text[96];
  switch (run.state()) {
    case RunState::running:
      if (run.eta_seconds() >= 0)
        std::snprintf(text, sizeof text, "%lld / %lld units, about %.0f s left", run.done(), run.total(),
                      std::ceil(run.eta_seconds()));
      else
        std::snprintf(text, sizeof text, "%lld / %lld units", run.done(), run.total());
      break;
    case RunState::done:
      std::snprintf(text, sizeof text, "done: %lld units in %.2f s", run.total(), run.elapsed_seconds());
      break;
    case RunState::cancelled:
      std::snprintf(text, sizeof text, "cancelled after %lld of %lld units", run.done(), run.total());
      break;
    case RunState::failed: std::snprintf(text, sizeof text, "failed"); break;
    case RunState::idle: std::snprintf(text, sizeof text, "not run yet"); break;
  }
  ImGui::ProgressBar(fraction, ImVec2(-1, 0), text);
  if (run.state() == RunState::failed) {
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(current_colors().error));
    text_wrapped("%s", run.error().c_str());
    ImGui::PopStyleColor();
  }
}

// --- the experiments offered -------------------------------------------------------------

// One entry per experiment: its name in the spec, its label, its form, its spec (its plots are
// experiment_plots.cpp's), and what the window shows below them (the pruning study: the spectrum of W).
struct ExperimentView {
  const char* name;
  const char* label;
  bool network_model;  // runs the Network panel's model (its parameters go into the spec)
  void (*form)(ExperimentsPanel& ui);
  void (*spec)(SpecBuilder& s, const ExperimentsPanel& ui, const App& app);
  void (*below)(ExperimentsPanel& ui, const App& app, float height);  // or nullptr
};
const ExperimentView kViews[] = {
    {"capacity", "Capacity: how many patterns fit", true, capacity_form, capacity_spec, nullptr},
    {"basins", "Basins of attraction: how far a memory attracts", true, basins_form, basins_spec,
     nullptr},
    {"temperature", "Temperature: retrieval under noise", true, temperature_form, temperature_spec,
     nullptr},
    {"prune-study", "Pruning study: sparse vs magnitude pruning", false, prune_form, prune_spec,
     spectrum_section},
    {"forgetting", "Forgetting: retrieval against pattern age (palimpsest)", false, forgetting_form,
     forgetting_spec, nullptr},
};

int view_index(const std::string& name) {
  for (int k = 0; k < IM_ARRAYSIZE(kViews); ++k)
    if (name == kViews[k].name) return k;
  return -1;
}

std::string spec_of(const ExperimentView& v, const ExperimentsPanel& ui, const App& app) {
  SpecBuilder s;
  s.text("experiment", v.name);
  v.spec(s, ui, app);
  // Capacity, basins and temperature run the Network panel's model (its parameters, as the
  // CLI flags take them).
  if (v.network_model)
    for (const auto& [key, value] : hopfield::model_parameters(app.lab().settings().model))
      if (!(key == "model" && value == "classic")) s.text(key.c_str(), value);
  s.json.key("seed").raw(std::to_string(app.lab().settings().dynamics.seed));
  return s.done();
}

void settings(const ExperimentView& v, ExperimentsPanel& ui, const App& app) {
  ImGui::PushItemWidth(ImGui::GetFontSize() * 10);
  v.form(ui);
  ImGui::PopItemWidth();
  const hopfield::ModelOptions& model = app.lab().settings().model;
  if (v.network_model && !(model == hopfield::ModelOptions{}))
    text_disabled_wrapped("model: %s (the Network panel's)", hopfield::describe(model).c_str());
  ImGui::TextDisabled("seed %llu (the Network panel's)",
                      static_cast<unsigned long long>(app.lab().settings().dynamics.seed));
}

void result_plot(ExperimentsPanel& ui, const ExperimentRun& run, float height) {
  const ex::Table& t = run.table();
  if (!run.experiment() || t.columns.empty()) return;
  const std::string name = run.experiment()->name();
  if (name == "capacity" && spans_decades(t)) {
    ImGui::Checkbox("log y", &ui.log_y);
    tooltip("The fractions on a logarithmic axis: the first-step error, flat at 0 on a linear one at "
            "low load, shows its decades (a 0 has no place there and is not drawn)");
  }
  ExperimentPlotView v;
  v.height = height;
  v.log_y = ui.log_y && name == "capacity" && spans_decades(t);
  draw_experiment_plots(name, t, v);
}

}  // namespace

void ExperimentsPanel::export_plots(App& app, const ExperimentRun& run) {
  const std::string filename = run.experiment()->name() + ".png";
  app.attempt([&] {
    render_experiment_plots_png(run.experiment()->name(), run.table(), png_size[0], png_size[1],
                                log_y && spans_decades(run.table()), [&app, filename](const std::string& png) {
      if (png.empty()) app.error("Export PNG: could not draw the picture");
      else app.attempt([&] { app.save_file(filename, png); }, "Export PNG");
    });
  }, "Export PNG");
}

void ExperimentsPanel::show(const std::string& experiment) {
  open = true;
  const int k = view_index(experiment);
  if (k >= 0) kind = k;
}

void ExperimentsPanel::draw(App& app, ViewState& view) {
  if (app.experiment().runs() != runs_seen) {  // show the settings of the experiment that runs
    runs_seen = app.experiment().runs();
    show(app.experiment().experiment() ? app.experiment().experiment()->name() : "");
  }
  if (!open) return;
  // At most the page's size (a phone): the close button and the plots stay in reach.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 first_size(std::min(ImGui::GetFontSize() * 44, vp->WorkSize.x),
                          std::min(ImGui::GetFontSize() * 48, vp->WorkSize.y));
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + std::min(60.0f, vp->WorkSize.x - first_size.x),
                                 vp->WorkPos.y + std::min(60.0f, vp->WorkSize.y - first_size.y)),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(first_size, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (!ImGui::Begin("Experiments", &open)) {
    ImGui::End();
    return;
  }
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##experiment", kViews[kind].label)) {
    for (int k = 0; k < IM_ARRAYSIZE(kViews); ++k)
      if (ImGui::Selectable(kViews[k].label, k == kind)) kind = k;
    ImGui::EndCombo();
  }
  const ExperimentView& shown = kViews[kind];
  settings(shown, *this, app);
  const ExperimentRun& run = app.experiment();
  const bool running = run.state() == RunState::running;
  const std::string spec = spec_of(shown, *this, app);
  if (running) {
    if (ImGui::Button("Cancel")) app.cancel_experiment();
  } else if (ImGui::Button("Run")) {
    spec_error.clear();
    try {
      app.start_experiment(spec);
    } catch (const std::exception& e) {
      spec_error = e.what();
    }
  }
  const ImVec2 run_min = ImGui::GetItemRectMin(), run_max = ImGui::GetItemRectMax();
  view.set_region("experiment-run", {run_min.x, run_min.y, run_max.x - run_min.x, run_max.y - run_min.y});
  if (!spec_error.empty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(current_colors().error));
    text_wrapped("%s", spec_error.c_str());
    ImGui::PopStyleColor();
  }
  progress(run);
  const ImVec2 plots_top = ImGui::GetCursorScreenPos();
  const float plots_width = ImGui::GetContentRegionAvail().x;
  result_plot(*this, run, ImGui::GetFontSize() * 16);
  record_region(view, "experiment-plots", plots_top, plots_width);
  if (shown.below) shown.below(*this, app, ImGui::GetFontSize() * 12);
  result_table(run.table());
  if (run.experiment()) {
    command = cli_command(run.spec_json());
    ImGui::TextDisabled("The same rows from the command line:");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    ImGui::InputText("##cli", command.data(), command.size() + 1, ImGuiInputTextFlags_ReadOnly);
    same_line_if_fits(button_width("Copy"));
    if (ImGui::Button("Copy")) app.copy_text(command);
    if (command.find(kLibraryFile) != std::string::npos)
      text_disabled_wrapped("(export the library as %s first)", kLibraryFile);
    ImGui::BeginDisabled(run.state() != RunState::done);
    if (ImGui::Button("Export CSV"))
      app.attempt([&] { app.save_file(run.experiment()->name() + ".csv", run.result_csv()); },
                  "Export CSV");
    same_line_if_fits(button_width("Export PNG") + ImGui::GetFontSize() * 9);
    if (ImGui::Button("Export PNG")) export_plots(app, run);
    tooltip("The plots above as a PNG image of the size beside, drawn whole with every legend entry");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputInt2("px##png", png_size);
    tooltip("The PNG's width and height in pixels (200 to 4096 by 150 to 4096)");
    ImGui::EndDisabled();
  }
  ImGui::End();
}

}  // namespace hlab
