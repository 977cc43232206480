// hplot's axes and legend (src/app/hplot/axes.cpp): tick counts and the legend's rows,
// against counts worked out from the plot's size.
#include "app/hplot/internal.hpp"  // first: it sets ImGui's math operators up

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "imgui_context.hpp"

TEST_CASE("Axes get at least three ticks wherever their labels fit", "[plot][axes]") {
  const HeadlessImGui imgui;
  ImGui::NewFrame();  // CalcTextSize needs a frame's font
  // The cases the plots panel showed with one tick: a single point's padded range, a narrow
  // energy axis, the overlap axis.
  struct Case {
    double min, max;
    float pixels;
    bool horizontal;
  };
  for (const Case c : {Case{-0.5, 0.5, 180.0f, true}, Case{350.0, 400.0, 60.0f, false},
                       Case{-1.0, 1.0, 90.0f, false}, Case{0.0, 3.0, 140.0f, true},
                       Case{-26000.5, -25999.5, 70.0f, false}}) {
    INFO(c.min << ".." << c.max << " over " << c.pixels << " px");
    hplot::detail::Ticks ticks;
    hplot::detail::MakeTicks(hplot::detail::Range{c.min, c.max}, c.pixels,
                             c.horizontal ? hplot::detail::kMinTickSpacingX : hplot::detail::kMinTickSpacingY,
                             c.horizontal, &ticks);
    CHECK(ticks.count >= 3);
    for (int i = 0; i < ticks.count; ++i) {
      CHECK(ticks.values[i] >= c.min - 1e-9);
      CHECK(ticks.values[i] <= c.max + 1e-9);
      if (i > 0) CHECK(ticks.values[i] - ticks.values[i - 1] == Approx(ticks.step));
    }
  }
  ImGui::EndFrame();
}

TEST_CASE("A legend of 26 series shows the first ones and how many more", "[plot][axes]") {
  const HeadlessImGui imgui;
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(800, 600));
  ImGui::Begin("w");
  REQUIRE(hplot::BeginPlot("legend", ImVec2(400, 200)));
  const double ys[3] = {0.0, 0.5, 1.0};
  const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (char c : letters) hplot::PlotLine(std::string(1, c).c_str(), ys, 3);
  const float line = ImGui::GetTextLineHeight();
  const ImRect area(ImVec2(0, 0), ImVec2(300, 200));
  const hplot::detail::LegendRows rows = hplot::detail::ListLegendRows(area);
  // 60% of 200 px holds floor(120 / line) - 1 rows; one of them says "+K more".
  const int fit = std::clamp(static_cast<int>(200 * 0.6f / line) - 1, 2, hplot::detail::kMaxLegendRows);
  CHECK(static_cast<int>(rows.series.size()) == fit - 1);
  CHECK(rows.more == 26 - (fit - 1));
  for (std::size_t k = 0; k < rows.series.size(); ++k) CHECK(rows.series[k] == static_cast<int>(k));
  // A tall plot with three series lists them all.
  hplot::EndPlot();
  REQUIRE(hplot::BeginPlot("three", ImVec2(400, 300)));
  for (char c : std::string("ABC")) hplot::PlotLine(std::string(1, c).c_str(), ys, 3);
  const hplot::detail::LegendRows all = hplot::detail::ListLegendRows(ImRect(ImVec2(0, 0), ImVec2(300, 300)));
  CHECK(all.series == std::vector<int>{0, 1, 2});
  CHECK(all.more == 0);
  hplot::EndPlot();
  ImGui::End();
  ImGui::EndFrame();
}
