// hplot's demo: a tour of every feature, and the library's documentation by example (built
// with the app tests, which draw it; see test_plot_demo.cpp).
#include "plot_demo.hpp"

#include <imgui_internal.h>  // ImGui's own: whether a window is open (ShowPlotDemo)

#include "app/hplot/hplot.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

namespace hplot {
namespace {

constexpr int kDemoPoints = 200;
constexpr int kDemoMaxLong = 100000;

// Deterministic pseudo-random numbers in [-1, 1] for the demo (no <random> state to set up).
double DemoNoise(std::uint32_t* state) {
  *state = *state * 1664525u + 1013904223u;
  return static_cast<double>(*state >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0;
}

void DemoLinePlots(double time) {
  ImGui::TextWrapped(
      "PlotLine takes xs and ys, or ys with x_start/x_step, or int ys. Hover a plot: a crosshair "
      "snaps to the nearest x and a tooltip lists every series' value there. Hover a legend "
      "entry to highlight its series.");
  static double xs[kDemoPoints], sin_ys[kDemoPoints], cos_ys[kDemoPoints];
  for (int i = 0; i < kDemoPoints; ++i) {
    xs[i] = i * 0.05;
    sin_ys[i] = std::sin(xs[i] + time);
    cos_ys[i] = 0.5 * std::cos(2.0 * xs[i] - time);
  }
  if (BeginPlot("Waves (xs, ys)")) {
    SetupAxes("t [s]", "amplitude");
    PlotLine("sin(t)", xs, sin_ys, kDemoPoints);
    PlotLine("cos(2t)/2", xs, cos_ys, kDemoPoints);
    EndPlot();
  }
  static int counts[50];
  static double smooth[50];
  for (int i = 0; i < 50; ++i) {
    counts[i] = (i * 7) % 13 + i / 5;
    smooth[i] = 10.0 + 8.0 * std::sin(i * 0.2 + time);
  }
  if (BeginPlot("ys only: x_start = 100, x_step = 10", ImVec2(-1, 160))) {
    SetupAxes("sweep", "value");
    PlotLine("double ys", smooth, 50, 100.0, 10.0);
    PlotLine("int ys", counts, 50, 100.0, 10.0);
    EndPlot();
  }
}

void DemoScatterAndReferences() {
  ImGui::TextWrapped(
      "PlotScatter draws markers; PlotHLine and PlotReference draw reference lines: grey "
      "(ReferenceColor, never a data colour) and dashed, one dash style per meaning, kept in view "
      "by auto-fit; ReferenceSwatch draws a style's sample for a caption. A label \"name##id\" "
      "shows \"name\"; \"##id\" hides it from the legend. The legend sits in the emptiest "
      "corner, or right of the data when every corner has some; PlotFlags_FullLegend lists every "
      "series (for exports). AxisFlags_Log makes y logarithmic (values <= 0 are not drawn).");
  static double xs[300], ys[300];
  std::uint32_t state = 7;
  for (int i = 0; i < 300; ++i) {
    xs[i] = DemoNoise(&state) * 0.14;
    ys[i] = 0.5 * xs[i] / 0.14 + 0.3 * DemoNoise(&state);
  }
  if (BeginPlot("Scatter with references")) {
    SetupAxes("load alpha", "overlap");
    PlotScatter("trials", xs, ys, 300);
    PlotHLine("threshold", 0.8);
    PlotHLine("##hidden zero", 0.0, 1);
    const double ref_x[2] = {0.0, 0.14}, ref_y[2] = {0.0, 0.5};
    PlotReference("theory", ref_x, ref_y, 2, 2);
    EndPlot();
  }
  ReferenceSwatch(2);
  ImGui::SameLine();
  ImGui::TextDisabled("theory: the dash-dot reference above");
  static double decay[60];
  for (int i = 0; i < 60; ++i) decay[i] = std::pow(10.0, -i / 10.0);
  if (BeginPlot("Log axis", ImVec2(-1, 160), PlotFlags_FullLegend)) {
    SetupAxes("step", "error", AxisFlags_AutoFit, AxisFlags_AutoFit | AxisFlags_Log);
    PlotLine("10^(-step/10)", decay, 60);
    EndPlot();
  }
}

void DemoColors() {
  ImGui::TextWrapped(
      "Each series takes the next palette colour (PaletteColor(i)); SetNextLineColor overrides "
      "it for the next series only.");
  for (int i = 0; i < 10; ++i) {
    ImGui::ColorButton("##palette", ImGui::ColorConvertU32ToFloat4(PaletteColor(i)),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(20, 20));
    if (i < 9) ImGui::SameLine();
  }
  static double ys[5][40];
  for (int s = 0; s < 5; ++s)
    for (int i = 0; i < 40; ++i) ys[s][i] = s + 0.4 * std::sin(i * 0.3 + s);
  if (BeginPlot("Colours", ImVec2(-1, 180))) {
    SetupAxes("i", "series");
    for (int s = 0; s < 4; ++s) {
      char label[16];
      std::snprintf(label, sizeof(label), "palette %d", s);
      PlotLine(label, ys[s], 40);
    }
    SetNextLineColor(IM_COL32(255, 255, 0, 255));
    PlotLine("SetNextLineColor(yellow)", ys[4], 40);
    EndPlot();
  }
}

void DemoAxes(double time) {
  ImGui::TextWrapped(
      "Axis flags: AutoFit fits the data (+ a little padding) and widens to include any "
      "SetupAxisLimits range; AutoFit|LockMin keeps the SetupAxisLimits min and fits the max; "
      "AxisFlags_None uses the SetupAxisLimits range as given. Cond_Once remembers the first "
      "limits per plot id, Cond_Always takes the limits every frame.");
  static double energy[100];
  for (int i = 0; i < 100; ++i) energy[i] = 3.0 + 40.0 * std::exp(-i * 0.08) + std::sin(time + i);
  if (BeginPlot("LockMin: y min stays at 0", ImVec2(-1, 160))) {
    SetupAxes("step", "energy", AxisFlags_AutoFit, AxisFlags_AutoFit | AxisFlags_LockMin);
    SetupAxisLimits(Axis_Y, 0.0, 1.0);
    PlotLine("energy", energy, 100);
    EndPlot();
  }
  static float y_limit = 1.0f;
  ImGui::SliderFloat("y limit (Cond_Always)", &y_limit, 0.1f, 5.0f);
  static double wave[100];
  for (int i = 0; i < 100; ++i) wave[i] = std::sin(i * 0.1 + time);
  if (BeginPlot("Fixed limits: AxisFlags_None", ImVec2(-1, 160))) {
    SetupAxes("x", "y", AxisFlags_None, AxisFlags_None);
    SetupAxisLimits(Axis_X, 20.0, 80.0);  // Cond_Once: remembered from the first frame
    SetupAxisLimits(Axis_Y, -y_limit, y_limit, Cond_Always);
    PlotLine("sin", wave, 100);
    EndPlot();
  }
}

void DemoFlags() {
  static bool no_legend = false, no_mouse_text = false, no_readout = false;
  ImGui::Checkbox("PlotFlags_NoLegend", &no_legend);
  ImGui::SameLine();
  ImGui::Checkbox("PlotFlags_NoMouseText", &no_mouse_text);
  ImGui::SameLine();
  ImGui::Checkbox("PlotFlags_NoHoverReadout", &no_readout);
  const int flags = (no_legend ? PlotFlags_NoLegend : 0) |
                    (no_mouse_text ? PlotFlags_NoMouseText : 0) |
                    (no_readout ? PlotFlags_NoHoverReadout : 0);
  static double ys[60];
  for (int i = 0; i < 60; ++i) ys[i] = (i % 20) * 0.05;
  if (BeginPlot("Flags##demo", ImVec2(-1, 160), flags)) {
    SetupAxes("i", "saw");
    PlotLine("saw", ys, 60);
    EndPlot();
  }
  ImGui::TextWrapped("A title starting with \"##\" draws no title:");
  if (BeginPlot("##untitled", ImVec2(-1, 120))) {
    PlotLine("no title, no axis labels", ys, 60);
    EndPlot();
  }
}

void DemoEdgeCases() {
  ImGui::TextWrapped(
      "Empty series, a single point, constant data (a flat range is widened) and NaN/inf "
      "(skipped; they break the line).");
  static double gappy[40];
  for (int i = 0; i < 40; ++i) gappy[i] = std::sin(i * 0.3);
  gappy[10] = NAN;
  gappy[20] = INFINITY;
  gappy[21] = -INFINITY;
  gappy[30] = NAN;
  gappy[32] = NAN;  // leaves gappy[31] alone between gaps: drawn as a dot
  const double single = 0.7, constant[5] = {2, 2, 2, 2, 2};
  const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BeginPlot("Empty", ImVec2(width, 140))) {
    SetupAxes("x", "y");
    PlotLine("nothing", static_cast<const double*>(nullptr), 0);
    EndPlot();
  }
  ImGui::SameLine();
  if (BeginPlot("Single point", ImVec2(width, 140))) {
    PlotLine("one", &single, 1);
    EndPlot();
  }
  if (BeginPlot("Constant", ImVec2(width, 140))) {
    PlotLine("y = 2", constant, 5);
    EndPlot();
  }
  ImGui::SameLine();
  if (BeginPlot("NaN and inf gaps", ImVec2(width, 140))) {
    PlotLine("gappy", gappy, 40);
    EndPlot();
  }
}

void DemoLongSeries() {
  static int count = 10000;
  ImGui::SliderInt("points", &count, 1, kDemoMaxLong, "%d", ImGuiSliderFlags_Logarithmic);
  static std::vector<double> walk;
  if (walk.empty()) {  // allocated once, not per frame
    walk.resize(kDemoMaxLong);
    std::uint32_t state = 42;
    double y = 0.0;
    for (double& v : walk) v = y += DemoNoise(&state);
  }
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  const int vertices_before = draw_list->VtxBuffer.Size;
  if (BeginPlot("Random walk")) {
    SetupAxes("step", "position");
    PlotLine("walk", walk.data(), count);
    EndPlot();
  }
  ImGui::Text("%d points drawn with %d vertices (lines are decimated to the pixel width)", count,
              draw_list->VtxBuffer.Size - vertices_before);
}

void DemoHeatmap(double time) {
  ImGui::TextWrapped(
      "DivergingColor(t) maps t in [-1, 1] to blue-white-red for heatmaps (e.g. a weight "
      "matrix); ColorBar draws its legend. Hover the bar to read a value.");
  constexpr int kCells = 24;
  const float cell = 8.0f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  for (int r = 0; r < kCells; ++r) {
    for (int c = 0; c < kCells; ++c) {
      const double v = std::sin(r * 0.4 + time) * std::cos(c * 0.3);
      const ImVec2 p(origin.x + static_cast<float>(c) * cell, origin.y + static_cast<float>(r) * cell);
      draw_list->AddRectFilled(p, ImVec2(p.x + cell, p.y + cell), DivergingColor(static_cast<float>(v)));
    }
  }
  ImGui::Dummy(ImVec2(kCells * cell, kCells * cell));
  ColorBar("weight", -1.0, 1.0, ImVec2(kCells * cell, 14));
  ColorBar("full width##bar2", -0.25, 0.25);
}

}  // namespace

void ShowPlotDemo(bool open_all) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window == nullptr || window->IsFallbackWindow) {  // called outside any window
    ShowPlotDemoWindow(nullptr);
    return;
  }
  const double time = ImGui::GetTime();
  ImGui::Text("hplot: plots drawn with ImDrawList, API modelled on ImPlot.");
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Line plots and hover readout")) DemoLinePlots(time);
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Scatter, reference lines, hidden labels")) {
    DemoScatterAndReferences();
  }
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Colours")) DemoColors();
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Axes and limits")) DemoAxes(time);
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Plot flags")) DemoFlags();
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Edge cases")) DemoEdgeCases();
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Long series (decimation)")) DemoLongSeries();
  if (open_all) ImGui::SetNextItemOpen(true);
  if (ImGui::CollapsingHeader("Heatmap colours and ColorBar")) DemoHeatmap(time);
}

void ShowPlotDemoWindow(bool* p_open) {
  ImGui::SetNextWindowSize(ImVec2(640, 720), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Plot demo", p_open)) ShowPlotDemo();
  ImGui::End();
}

}  // namespace hplot
