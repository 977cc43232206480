// hplot's demo (tests/app/plot_demo.cpp) is its documentation by example: every section must
// still draw, with every plot, legend and tooltip path, without tripping an ImGui assertion.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "imgui_context.hpp"
#include "plot_demo.hpp"

TEST_CASE("the plot demo draws every section", "[plot]") {
  const HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1000, 3000);
  io.DeltaTime = 1.0f / 60.0f;
  int vertices = 0;
  for (int frame = 0; frame < 3; ++frame) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1000, 3000));
    ImGui::Begin("demo");
    hplot::ShowPlotDemo(/*open_all=*/true);
    ImGui::End();
    ImGui::Render();
    vertices = ImGui::GetDrawData()->TotalVtxCount;
  }
  CHECK(vertices > 10000);  // every section's plots were laid out and drawn
}
