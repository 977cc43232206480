// The Experiments window's plots (experiment_plots.hpp): one function per experiment, the
// reference lines in their own dashed grey with captions, the pruning study's boxes as small
// multiples, and the off-screen export.
#include "app/panels/experiment_plots.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include "app/hplot/hplot.hpp"
#include "app/platform/platform.hpp"
#include "core/io/json.hpp"

namespace hlab {
namespace {

namespace ex = hopfield::experiments;
using Groups = std::vector<std::pair<std::string, std::vector<std::size_t>>>;

// Column `name` of the table as numbers (NaN where it is text), or empty.
std::vector<double> column(const ex::Table& t, const char* name) {
  const auto it = std::find(t.columns.begin(), t.columns.end(), name);
  if (it == t.columns.end()) return {};
  const std::size_t c = static_cast<std::size_t>(it - t.columns.begin());
  std::vector<double> out;
  for (const auto& row : t.rows) out.push_back(row[c].is_text ? NAN : row[c].number);
  return out;
}

// Rows grouped by the text (or number) of the `by` columns, in order of first appearance.
Groups groups(const ex::Table& t, const std::vector<const char*>& by) {
  Groups out;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::string key;
    for (const char* name : by) {
      const auto it = std::find(t.columns.begin(), t.columns.end(), name);
      if (it == t.columns.end()) continue;
      const ex::Cell& c = t.rows[r][static_cast<std::size_t>(it - t.columns.begin())];
      const std::string value = c.is_text ? c.text : hopfield::json_number_short(c.number);
      // One column names a group by its value ("hebbian"); several, by name and value.
      key += (key.empty() ? "" : ", ") + (by.size() == 1 ? value : std::string(name) + " " + value);
    }
    auto g = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == key; });
    if (g == out.end()) out.push_back({key, {r}});
    else g->second.push_back(r);
  }
  return out;
}

std::vector<std::size_t> all_rows(const ex::Table& t) {
  std::vector<std::size_t> all(t.rows.size());
  for (std::size_t r = 0; r < all.size(); ++r) all[r] = r;
  return all;
}

// Curve `index` of a plot: a line with a marker at each row, both in palette colour `index`
// (so nine curves take nine colours, and a marker the colour of its line).
void plot_series(int index, const char* label, const std::vector<double>& xs, const std::vector<double>& ys,
                 const std::vector<std::size_t>& rows) {
  std::vector<double> x, y;
  for (std::size_t r : rows) {
    x.push_back(xs[r]);
    y.push_back(ys[r]);
  }
  hplot::SetNextLineColor(hplot::PaletteColor(index));
  hplot::PlotLine(label, x.data(), y.data(), static_cast<int>(x.size()));
  hplot::SetNextLineColor(hplot::PaletteColor(index));
  hplot::PlotScatter(("##" + std::string(label)).c_str(), x.data(), y.data(), static_cast<int>(x.size()));
}

// A vertical reference line at x from y0 to y1, in dash pattern `style`.
void vline(const char* label, double x, double y0, double y1, int style) {
  const double xs[2] = {x, x}, ys[2] = {y0, y1};
  hplot::PlotReference(label, xs, ys, 2, style);
}

// The reference lines' dash patterns (hplot::PlotReference), one per meaning.
enum RefStyle { kTheory = 0, kMost = 1, kCritical = 2, kAll = 3 };

// A line of the plot's caption: a sample of the reference line and what it is.
void caption(int style, const char* text) {
  hplot::ReferenceSwatch(style);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", text);
}

int plot_flags(const ExperimentPlotView& v) {
  return v.exporting ? hplot::PlotFlags_FullLegend | hplot::PlotFlags_NoMouseText | hplot::PlotFlags_NoHoverReadout |
                           hplot::PlotFlags_Whole
                     : hplot::PlotFlags_None;
}

// The smallest positive value of the columns, or 0.
double smallest_positive(const ex::Table& t, std::initializer_list<const char*> names) {
  double lo = 0.0;
  for (const char* name : names)
    for (double v : column(t, name))
      if (v > 0.0 && (lo == 0.0 || v < lo)) lo = v;
  return lo;
}

const std::initializer_list<const char*> kCapacityFractions = {"retrieved_fraction", "stable_fraction",
                                                               "first_step_error"};

void capacity_plots(const ex::Table& t, const ExperimentPlotView& v) {
  if (!hplot::BeginPlot("Capacity##experiment", ImVec2(-1, v.height), plot_flags(v))) return;
  const double lo = smallest_positive(t, kCapacityFractions);
  if (v.log_y && lo > 0.0) {
    // From the decade of the smallest measured value to 1: a 0 has no place on a log axis.
    hplot::SetupAxes("load alpha = P/N", "fraction (log)", hplot::AxisFlags_AutoFit, hplot::AxisFlags_Log);
    // (up to 1.25: the curves at 1 stay clear of the frame).
    hplot::SetupAxisLimits(hplot::Axis_Y, std::pow(10.0, std::floor(std::log10(lo))), 1.25, hplot::Cond_Always);
  } else {
    hplot::SetupAxes("load alpha = P/N", "fraction");
    hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
  }
  const std::vector<double> alpha = column(t, "alpha");
  int curve = 0;
  for (const auto& [rule, rows] : groups(t, {"rule"})) {
    plot_series(curve++, (rule + " retrieved").c_str(), alpha, column(t, "retrieved_fraction"), rows);
    plot_series(curve++, (rule + " stable").c_str(), alpha, column(t, "stable_fraction"), rows);
    plot_series(curve++, (rule + " first-step error").c_str(), alpha, column(t, "first_step_error"), rows);
  }
  if (!t.rows.empty()) {
    // Theory for random patterns under the Hebbian rule, and the classic capacities.
    const double n = column(t, "neurons").front();
    const double hi = *std::max_element(alpha.begin(), alpha.end());
    std::vector<double> xs, ys;
    for (int k = 1; k <= 100; ++k) {
      const double a = hi * k / 100.0;
      xs.push_back(a);
      ys.push_back(0.5 * std::erfc(std::sqrt(1.0 / (2.0 * a))));
    }
    hplot::PlotReference("##theory", xs.data(), ys.data(), 100, kTheory);
    vline("##alpha_c", 0.138, 1e-300, 1, kCritical);  // from the bottom of a log axis too
    vline("##most", 1.0 / (2.0 * std::log(n)), 1e-300, 1, kMost);
    vline("##all", 1.0 / (4.0 * std::log(n)), 1e-300, 1, kAll);
  }
  hplot::EndPlot();
  caption(kTheory, "theory: first-step error 1/2 erfc(sqrt(N / 2P)) for random patterns");
  caption(kCritical, "alpha_c = 0.138: retrieval breaks down (large N)");
  caption(kMost, "N / (2 ln N) / N: most patterns are fixed points");
  caption(kAll, "N / (4 ln N) / N: all patterns are fixed points");
}

void basins_plots(const ex::Table& t, const ExperimentPlotView& v) {
  if (!hplot::BeginPlot("Basins##experiment", ImVec2(-1, v.height), plot_flags(v))) return;
  hplot::SetupAxes("amount corrupted", "share of recalls");
  hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
  const std::vector<double> amount = column(t, "amount");
  const std::vector<std::size_t> all = all_rows(t);
  plot_series(0, "retrieved", amount, column(t, "retrieved_fraction"), all);
  plot_series(1, "inverse", amount, column(t, "inverse_fraction"), all);
  plot_series(2, "another stored pattern", amount, column(t, "other_fraction"), all);
  plot_series(3, "spurious", amount, column(t, "spurious_fraction"), all);
  plot_series(4, "mean final overlap", amount, column(t, "mean_final_overlap"), all);
  hplot::EndPlot();
}

void temperature_plots(const ex::Table& t, const ExperimentPlotView& v) {
  if (!hplot::BeginPlot("Temperature##experiment", ImVec2(-1, v.height), plot_flags(v))) return;
  hplot::SetupAxes("temperature T", "mean |m|");
  hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
  const std::vector<double> temp = column(t, "temperature");
  int curve = 0;
  for (const auto& [p, rows] : groups(t, {"patterns"}))
    plot_series(curve++, p.c_str(), temp, column(t, "mean_abs_overlap"), rows);
  vline("##T_c", 1.0, 0, 1, kCritical);
  hplot::EndPlot();
  caption(kCritical, "T_c = 1: above it no retrieval, for random patterns at low load");
}

void forgetting_plots(const ex::Table& t, const ExperimentPlotView& v) {
  if (!hplot::BeginPlot("Forgetting##experiment", ImVec2(-1, v.height), plot_flags(v))) return;
  hplot::SetupAxes("age (0 = the newest pattern)", "fraction");
  hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
  const std::vector<double> age = column(t, "age");
  const std::vector<std::size_t> all = all_rows(t);
  plot_series(0, "retrieved", age, column(t, "retrieved_fraction"), all);
  plot_series(1, "mean final overlap", age, column(t, "mean_final_overlap"), all);
  hplot::EndPlot();
}

// One group's boxes (quartiles, a tick at the median, whiskers to the min and max) per level,
// 60% of the levels' spacing wide, in a small plot titled by the group.
void box_facet(const ex::Table& t, const std::string& group, const std::vector<std::size_t>& rows, int index,
               ImVec2 size, const ExperimentPlotView& v) {
  const std::string title = group + "##box" + std::to_string(index);
  if (!hplot::BeginPlot(title.c_str(), size, hplot::PlotFlags_NoLegend | plot_flags(v))) return;
  hplot::SetupAxes("prune level", "performance %");
  hplot::SetupAxisLimits(hplot::Axis_Y, 0, 100, hplot::Cond_Always);
  const std::vector<double> level = column(t, "level"), lo = column(t, "min"), q1 = column(t, "q1"),
                            med = column(t, "median"), q3 = column(t, "q3"), hi = column(t, "max");
  std::vector<double> levels;
  for (std::size_t r : rows) levels.push_back(level[r]);
  std::sort(levels.begin(), levels.end());
  double spacing = 1.0;
  for (std::size_t k = 1; k < levels.size(); ++k)
    if (levels[k] > levels[k - 1]) spacing = std::min(spacing, levels[k] - levels[k - 1]);
  const ImU32 color = hplot::PaletteColor(index);
  const double w = spacing * 0.3;  // half a box
  for (std::size_t r : rows) {
    const double x = level[r];
    const double box_x[5] = {x - w, x + w, x + w, x - w, x - w};
    const double box_y[5] = {q1[r], q1[r], q3[r], q3[r], q1[r]};
    const double whisker_x[2] = {x, x}, whisker_y[2] = {lo[r], hi[r]};
    const double median_x[2] = {x - w, x + w}, median_y[2] = {med[r], med[r]};
    hplot::SetNextLineColor(color);
    hplot::PlotLine("##box", box_x, box_y, 5);
    hplot::SetNextLineColor(color);
    hplot::PlotLine("##whisker", whisker_x, whisker_y, 2);
    hplot::SetNextLineColor(color);
    hplot::PlotLine("##median", median_x, median_y, 2);
  }
  hplot::EndPlot();
}

// The pruning study as it published it, one small box plot per kind and noise (side by side,
// six boxes a level would be a few pixels each), in the mean plot's colours.
void box_plots(const ex::Table& t, const Groups& by_group, const ExperimentPlotView& v) {
  if (by_group.empty()) return;
  const float width = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::clamp(static_cast<int>(width / (ImGui::GetFontSize() * 18.0f)), 1,
                                 std::min(3, static_cast<int>(by_group.size())));
  const int rows = (static_cast<int>(by_group.size()) + columns - 1) / columns;
  // In the window each facet stays readable (the window scrolls); an export shares its height.
  const float height = v.exporting ? (v.height - ImGui::GetStyle().ItemSpacing.y * static_cast<float>(rows - 1)) / static_cast<float>(rows)
                                   : std::max(ImGui::GetFontSize() * 10.0f, v.height / static_cast<float>(rows));
  const ImVec2 size((width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns), height);
  ImGui::TextDisabled("Trials per level: quartile boxes, median tick, whiskers to the min and max");
  for (std::size_t g = 0; g < by_group.size(); ++g) {
    if (g % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
    box_facet(t, by_group[g].first, by_group[g].second, static_cast<int>(g), size, v);
  }
}

void prune_plots(const ex::Table& t, const ExperimentPlotView& v) {
  const std::vector<double> level = column(t, "level");
  const Groups by_group = groups(t, {"kind", "noise"});
  if (hplot::BeginPlot("Pruning: mean performance##experiment", ImVec2(-1, v.height), plot_flags(v))) {
    hplot::SetupAxes("prune level", "performance %");
    int curve = 0;  // the box plots' colours
    for (const auto& [g, rows] : by_group) plot_series(curve++, g.c_str(), level, column(t, "mean_performance"), rows);
    hplot::EndPlot();
  }
  box_plots(t, by_group, v);
}

// Each experiment's plots, and for an export how its height divides: plot rows, caption lines.
struct PlotsOf {
  const char* name;
  void (*draw)(const ex::Table& t, const ExperimentPlotView& v);
  int plot_rows;
  int text_lines;
};
const PlotsOf kPlots[] = {
    {"capacity", capacity_plots, 1, 4},   {"basins", basins_plots, 1, 0},
    {"temperature", temperature_plots, 1, 1}, {"prune-study", prune_plots, 2, 1},
    {"forgetting", forgetting_plots, 1, 0},
};

const PlotsOf* plots_of(const std::string& name) {
  for (const PlotsOf& p : kPlots)
    if (name == p.name) return &p;
  return nullptr;
}

}  // namespace

void draw_experiment_plots(const std::string& name, const ex::Table& table, const ExperimentPlotView& view) {
  const PlotsOf* p = plots_of(name);
  if (p != nullptr && !table.columns.empty()) p->draw(table, view);
}

bool spans_decades(const ex::Table& table) {
  const double lo = smallest_positive(table, kCapacityFractions);
  return lo > 0.0 && lo <= 0.01;
}

void render_experiment_plots_png(const std::string& name, const ex::Table& table, int width, int height,
                                 bool log_y, std::function<void(const std::string& png)> done) {
  if (width < 200 || width > 4096 || height < 150 || height > 4096)
    throw std::invalid_argument("the PNG's size must be 200 to 4096 pixels wide and 150 to 4096 high, not " +
                                std::to_string(width) + " x " + std::to_string(height));
  const PlotsOf* p = plots_of(name);
  if (p == nullptr || table.rows.empty()) throw std::invalid_argument("the experiment has no results to plot yet");
  platform::render_png(width, height, [p, table, log_y] {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text = static_cast<float>(p->text_lines) * ImGui::GetTextLineHeightWithSpacing();
    const float gaps = static_cast<float>(p->plot_rows) * style.ItemSpacing.y;
    ExperimentPlotView view;
    view.height = (ImGui::GetContentRegionAvail().y - text - gaps) / static_cast<float>(p->plot_rows);
    view.log_y = log_y;
    view.exporting = true;
    p->draw(table, view);
  }, std::move(done));
}

}  // namespace hlab
