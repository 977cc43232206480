// Live plots of the current recall: Hamming distance, energy, overlaps, and the
// iter | energy | hamming | flips table.
#include <imgui.h>

#include "app/panels.hpp"
#include "app/plot.hpp"

namespace hlab {

void plots_panel(App& app) {
  const hopfield::Lab& lab = app.lab;
  const hopfield::Trace& t = lab.recall().trace();
  const int rows = t.rows();
  const float h = ImGui::GetFontSize() * 10.0f;
  const float w = ImGui::GetContentRegionAvail().x * 0.5f - ImGui::GetStyle().ItemSpacing.x * 0.5f;
  if (hplot::BeginPlot("Hamming distance", ImVec2(w, h), hplot::PlotFlags_NoLegend)) {
    hplot::SetupAxes("sweep", lab.probe_source() ? "to target" : "to nearest");
    hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
    hplot::PlotLine("hamming", t.hamming.data(), rows);
    hplot::EndPlot();
  }
  ImGui::SameLine();
  if (hplot::BeginPlot("Energy", ImVec2(w, h), hplot::PlotFlags_NoLegend)) {
    hplot::SetupAxes("sweep", "E");
    hplot::PlotLine("energy", t.energy.data(), rows);
    hplot::EndPlot();
  }
  const int p = lab.pattern_count();
  if (p > 0 && hplot::BeginPlot("Overlap m with each stored pattern", ImVec2(-1, h * 1.2f))) {
    hplot::SetupAxes("sweep", "m");
    hplot::SetupAxisLimits(hplot::Axis_Y, -1, 1, hplot::Cond_Always);
    std::vector<double> m(static_cast<std::size_t>(rows));
    const int shown = std::min(p, 64);  // beyond that the legend is unreadable
    for (int mu = 0; mu < shown; ++mu) {
      for (int k = 0; k < rows; ++k)
        m[static_cast<std::size_t>(k)] = t.overlaps[static_cast<std::size_t>(k)][static_cast<std::size_t>(mu)];
      const std::string label = lab.patterns()[static_cast<std::size_t>(mu)].name + "##" + std::to_string(mu);
      hplot::PlotLine(label.c_str(), m.data(), rows);
    }
    hplot::EndPlot();
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchSame;
  if (ImGui::BeginTable("trace", 4, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("iter");
    ImGui::TableSetupColumn("energy");
    ImGui::TableSetupColumn("hamming");
    ImGui::TableSetupColumn("flips");
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(rows);
    while (clipper.Step())
      for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
        const std::size_t i = static_cast<std::size_t>(k);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", k);
        ImGui::TableNextColumn();
        ImGui::Text("%.6g", t.energy[i] + 0.0);
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.hamming[i]);
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.flips[i]);
      }
    ImGui::EndTable();
  }
}

}  // namespace hlab
