// hplot's log axis, legend placement and reference-line style (issue 22 item 8): log ticks
// against the powers of ten worked out by hand, the legend's corner against where the data
// are, and reference lines in a grey no data series uses, dashed.
#include "app/hplot/internal.hpp"  // first: it sets ImGui's math operators up

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "imgui_context.hpp"

using namespace hplot::detail;

namespace {

std::vector<double> tick_values(const Ticks& t) { return std::vector<double>(t.values, t.values + t.count); }
std::vector<std::string> tick_labels(const Ticks& t) {
  std::vector<std::string> out;
  for (int i = 0; i < t.count; ++i) out.emplace_back(t.labels[i]);
  return out;
}

// Per channel 0..255.
int channel(ImU32 c, int shift) { return static_cast<int>((c >> shift) & 0xFF); }
int chroma(ImU32 c) {
  const int r = channel(c, IM_COL32_R_SHIFT), g = channel(c, IM_COL32_G_SHIFT), b = channel(c, IM_COL32_B_SHIFT);
  return std::max({r, g, b}) - std::min({r, g, b});
}
double distance(ImU32 a, ImU32 b) {
  double sum = 0;
  for (int shift : {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT}) {
    const double d = channel(a, shift) - channel(b, shift);
    sum += d * d;
  }
  return std::sqrt(sum);
}

// A frame with one 800 x 600 window, for plots.
struct PlotFrame {
  HeadlessImGui imgui;
  PlotFrame() {
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("w");
  }
  ~PlotFrame() {
    ImGui::End();
    ImGui::EndFrame();
  }
};

}  // namespace

TEST_CASE("A log axis is ticked at the powers of ten, labelled as numbers", "[plot][axes][log]") {
  const HeadlessImGui imgui;
  ImGui::NewFrame();
  Ticks ticks;
  MakeLogTicks(Range{1e-4, 1.0}, 300.0f, &ticks);
  CHECK(tick_values(ticks) == std::vector<double>{1e-4, 1e-3, 1e-2, 1e-1, 1.0});
  CHECK(tick_labels(ticks) == std::vector<std::string>{"0.0001", "0.001", "0.01", "0.1", "1"});
  // Thirteen decades over 150 px: every third power of ten (12.5 px a decade, 32 px apart).
  MakeLogTicks(Range{1e-12, 1.0}, 150.0f, &ticks);
  CHECK(tick_values(ticks) == std::vector<double>{1e-12, 1e-9, 1e-6, 1e-3, 1.0});
  // Fewer than three decades: 2 and 5 times them too.
  MakeLogTicks(Range{0.05, 1.0}, 200.0f, &ticks);
  const std::vector<double> expected{0.05, 0.1, 0.2, 0.5, 1.0};
  REQUIRE(ticks.count == 5);
  for (int i = 0; i < 5; ++i) CHECK(ticks.values[i] == Approx(expected[static_cast<std::size_t>(i)]));
  ImGui::EndFrame();
}

TEST_CASE("A log axis maps decades to equal heights and leaves 0 out", "[plot][axes][log]") {
  Transform t{ImRect(ImVec2(0, 0), ImVec2(100, 400)), Range{0, 1}, Range{1e-4, 1.0}, true};
  CHECK(t.PixelY(1.0) == Approx(0.0));
  CHECK(t.PixelY(1e-4) == Approx(400.0));
  CHECK(t.PixelY(1e-2) == Approx(200.0));  // half way in decades
  CHECK(t.DataY(100.0f) == Approx(1e-1));
  CHECK_FALSE(t.Drawable(Point{0.5, 0.0}));
  CHECK_FALSE(t.Drawable(Point{0.5, -1.0}));
  CHECK(t.Drawable(Point{0.5, 1e-3}));
  // The fitted range pads as many decades below as above, and counts only positive data.
  const Range r = ResolveLogAxis(hplot::AxisFlags_AutoFit, Range{1e-3, 0.5}, nullptr, 0.06);
  CHECK(r.min < 1e-3);
  CHECK(r.max > 0.5);
  CHECK(std::log10(1e-3) - std::log10(r.min) == Approx(std::log10(r.max) - std::log10(0.5)));
  // Limits with a 0 at the bottom keep three decades below the top.
  const Range limits{0.0, 1.0};
  const Range fixed = ResolveLogAxis(hplot::AxisFlags_None, Range{}, &limits, 0.06);
  CHECK(fixed.min == Approx(1e-3));
  CHECK(fixed.max == Approx(1.0));
}

TEST_CASE("The legend goes to the corner with the fewest data points under it", "[plot][legend]") {
  const ImRect area(ImVec2(0, 0), ImVec2(400, 300));
  const ImVec2 size(100, 60);
  int covered = -1;
  // Nothing anywhere: top-right, as before.
  CHECK(EmptiestCorner(area, size, {}, &covered) == LegendPlace::TopRight);
  CHECK(covered == 0);
  // Data in the top-right box: the top-left one.
  CHECK(EmptiestCorner(area, size, {ImVec2(350, 30), ImVec2(380, 20)}, &covered) == LegendPlace::TopLeft);
  CHECK(covered == 0);
  // Data along the whole top: a bottom corner, the right one first.
  std::vector<ImVec2> top;
  for (float x = 0; x < 400; x += 5) top.push_back(ImVec2(x, 20));
  CHECK(EmptiestCorner(area, size, top, &covered) == LegendPlace::BottomRight);
  // Every corner covered, the bottom-left least.
  const std::vector<ImVec2> corners{ImVec2(390, 10), ImVec2(380, 20), ImVec2(10, 10), ImVec2(20, 20),
                                    ImVec2(390, 290), ImVec2(380, 280), ImVec2(10, 290)};
  CHECK(EmptiestCorner(area, size, corners, &covered) == LegendPlace::BottomLeft);
  CHECK(covered == 1);
  for (LegendPlace c : {LegendPlace::TopRight, LegendPlace::TopLeft, LegendPlace::BottomRight, LegendPlace::BottomLeft}) {
    const ImRect r = CornerRect(area, size, c);
    CHECK(area.Contains(r));
    CHECK(r.GetWidth() == Approx(100));
    CHECK(r.GetHeight() == Approx(60));
  }
}

TEST_CASE("A plot's legend covers none of its data: a free corner, else outside on the right", "[plot][legend]") {
  const PlotFrame frame;
  std::vector<double> xs, rising, falling, flat_high, flat_low;
  for (int i = 0; i <= 100; ++i) {
    xs.push_back(i / 100.0);
    rising.push_back(i / 100.0);
    falling.push_back(1.0 - i / 100.0);
    flat_high.push_back(0.98);
    flat_low.push_back(0.02);
  }
  // A rising diagonal passes through the top-right and bottom-left corners: top-left is free.
  REQUIRE(hplot::BeginPlot("diagonal", ImVec2(500, 300)));
  hplot::PlotLine("rising", xs.data(), rising.data(), 101);
  {
    Layout layout;
    Transform t = ComputeLayout(&layout);
    const ImRect area_before = t.area;
    const Legend legend = PlaceLegend(&t, &layout);
    CHECK(legend.place == LegendPlace::TopLeft);
    CHECK(t.area.Max.x == area_before.Max.x);  // the data keep their width
    std::vector<ImVec2> samples;
    SampleSeriesPixels(t, &samples);
    REQUIRE(samples.size() > 100);
    CHECK(std::none_of(samples.begin(), samples.end(), [&](ImVec2 p) { return legend.rect.Contains(p); }));
  }
  hplot::EndPlot();
  // Curves through all four corners (as the pruning study's): the legend moves out of the data.
  REQUIRE(hplot::BeginPlot("corners", ImVec2(600, 300)));
  hplot::PlotLine("rising", xs.data(), rising.data(), 101);
  hplot::PlotLine("falling", xs.data(), falling.data(), 101);
  hplot::PlotLine("high", xs.data(), flat_high.data(), 101);
  hplot::PlotLine("low", xs.data(), flat_low.data(), 101);
  {
    Layout layout;
    Transform t = ComputeLayout(&layout);
    const Legend legend = PlaceLegend(&t, &layout);
    CHECK(legend.place == LegendPlace::Outside);
    CHECK(legend.rect.Min.x >= t.area.Max.x);  // right of the data area
    CHECK(legend.rect.Max.x <= 600.0f + ImGui::GetStyle().WindowPadding.x + 1.0f);  // inside the frame
    CHECK(legend.rows.series == std::vector<int>{0, 1, 2, 3});
  }
  hplot::EndPlot();
}

TEST_CASE("A full legend lists every series, where the plain one says '+K more'", "[plot][legend]") {
  const PlotFrame frame;
  const double ys[3] = {0.0, 0.5, 1.0};
  const std::string letters = "ABCDEFGHIJKL";
  for (int flags : {hplot::PlotFlags_None, hplot::PlotFlags_FullLegend}) {
    REQUIRE(hplot::BeginPlot(flags ? "full" : "plain", ImVec2(400, 200), flags));
    for (char c : letters) hplot::PlotLine(std::string(1, c).c_str(), ys, 3);
    Layout layout;
    Transform t = ComputeLayout(&layout);
    const Legend legend = PlaceLegend(&t, &layout);
    if (flags) {
      CHECK(legend.rows.series.size() == letters.size());
      CHECK(legend.rows.more == 0);
    } else {
      CHECK(legend.rows.more > 0);
      CHECK(legend.rows.series.size() + static_cast<std::size_t>(legend.rows.more) == letters.size());
    }
    hplot::EndPlot();
  }
}

TEST_CASE("Reference lines are grey, unlike every data colour, and dashed", "[plot][style]") {
  const HeadlessImGui imgui;
  for (const bool dark : {true, false}) {
    ImGuiStyle style;
    if (dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    const ImU32 reference = ReferenceColorFor(style.Colors[ImGuiCol_Text], style.Colors[ImGuiCol_WindowBg]);
    INFO((dark ? "dark" : "light") << " style, reference colour " << std::hex << reference);
    CHECK(chroma(reference) <= 12);  // grey
    for (int i = 0; i < 10; ++i) {
      INFO("palette colour " << i);
      CHECK(chroma(hplot::PaletteColor(i)) >= 45);  // coloured: its hue tells it from the grey
      CHECK(distance(hplot::PaletteColor(i), reference) >= 50.0);  // and not a near neighbour
    }
  }
  // In a plot: a reference takes the reference colour whatever SetNextLineColor said, and the
  // data series after it still start at the palette's first colour.
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  ImGui::NewFrame();
  ImGui::Begin("w");
  REQUIRE(hplot::BeginPlot("refs", ImVec2(400, 200)));
  const double xs[2] = {0, 1}, ys[2] = {0, 1};
  hplot::SetNextLineColor(hplot::PaletteColor(3));
  hplot::PlotReference("theory", xs, ys, 2, 1);
  hplot::PlotLine("data", xs, ys, 2);
  REQUIRE(g_plot.series.size() == 2);
  CHECK(g_plot.series[0].color == hplot::ReferenceColor());
  CHECK(g_plot.series[0].dash == 1);
  CHECK(g_plot.series[1].color == hplot::PaletteColor(0));
  hplot::EndPlot();
  ImGui::End();
  ImGui::EndFrame();
  // Dashed: along a reference line the dash pattern's pieces are drawn and its gaps are not.
  hplot::LineCanvas canvas;
  canvas.Reset(60, 10);
  g_canvas = &canvas;
  g_mapping = CanvasMapping{true, ImVec2(0, 0), 1.0f};
  const ImVec2 line[2] = {ImVec2(0.0f, 5.5f), ImVec2(60.0f, 5.5f)};
  DrawDashedPolyline(nullptr, line, 2, IM_COL32(255, 255, 255, 255), 2.0f, 0);
  g_mapping.active = false;
  g_canvas = nullptr;
  const float* dash = DashPattern(0);  // 8 on, 5 off
  const auto alpha = [&](int x) { return (canvas.Pixels()[5 * 60 + x] >> IM_COL32_A_SHIFT) & 0xFF; };
  CHECK(alpha(static_cast<int>(dash[0] / 2)) == 255);                 // inside the first dash
  CHECK(alpha(static_cast<int>(dash[0] + dash[1] / 2)) == 0);          // inside the first gap
  CHECK(alpha(static_cast<int>(dash[0] + dash[1] + dash[2] / 2)) == 255);  // the second dash
}
