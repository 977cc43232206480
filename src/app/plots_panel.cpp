// Live plots of the current recall: Hamming distance, energy, overlaps, and the
// iter | energy | hamming | flips table.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/panels.hpp"
#include "app/plot.hpp"

namespace hlab {
namespace {

constexpr int kMaxOverlapSeries = 64;  // beyond that the legend is unreadable

// The trace as plotted: each series downsampled as it grows, so a frame costs the same after
// a million sweeps as after a hundred (only rows added since the last frame are read).
struct TracePlots {
  std::uint64_t recall_version = ~0ull;
  int rows = 0;
  hplot::SeriesDownsampler hamming, energy;
  std::vector<hplot::SeriesDownsampler> overlaps;

  void update(const hopfield::Lab& lab) {
    const hopfield::Trace& t = lab.recall().trace();
    const std::size_t shown = static_cast<std::size_t>(std::min(lab.pattern_count(), kMaxOverlapSeries));
    if (recall_version != lab.recall_version() || rows > t.rows() || overlaps.size() != shown) {
      recall_version = lab.recall_version();
      rows = 0;
      hamming.Clear();
      energy.Clear();
      overlaps.assign(shown, hplot::SeriesDownsampler());
    }
    for (; rows < t.rows(); ++rows) {
      const std::size_t k = static_cast<std::size_t>(rows);
      hamming.Append(t.hamming[k]);
      energy.Append(t.energy[k]);
      for (std::size_t mu = 0; mu < shown; ++mu) overlaps[mu].Append(t.overlaps[k][mu]);
    }
  }
};

}  // namespace

void plots_panel(App& app) {
  const hopfield::Lab& lab = app.lab;
  const hopfield::Trace& t = lab.recall().trace();
  static TracePlots plots;
  // At full speed (hundreds of sweeps a frame) the plots take in new sweeps every other frame:
  // 30 times a second still looks continuous, and an unchanged plot is not drawn again.
  const bool full_speed = app.recall.running && (app.recall.fastest || app.recall.flat_out);
  if (!full_speed || app.frames % 2 == 0 || plots.recall_version != lab.recall_version())
    plots.update(lab);
  const int rows = t.rows();
  const float h = ImGui::GetFontSize() * 10.0f;
  const float w = ImGui::GetContentRegionAvail().x * 0.5f - ImGui::GetStyle().ItemSpacing.x * 0.5f;
  if (hplot::BeginPlot("Hamming distance", ImVec2(w, h), hplot::PlotFlags_NoLegend)) {
    hplot::SetupAxes("sweep", lab.probe_source() ? "to target" : "to nearest");
    hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
    plots.hamming.Plot("hamming");
    hplot::EndPlot();
  }
  ImGui::SameLine();
  if (hplot::BeginPlot("Energy", ImVec2(w, h), hplot::PlotFlags_NoLegend)) {
    hplot::SetupAxes("sweep", "E");
    plots.energy.Plot("energy");
    hplot::EndPlot();
  }
  if (!plots.overlaps.empty() &&
      hplot::BeginPlot("Overlap m with each stored pattern", ImVec2(-1, h * 1.2f))) {
    hplot::SetupAxes("sweep", "m");
    hplot::SetupAxisLimits(hplot::Axis_Y, -1, 1, hplot::Cond_Always);
    for (std::size_t mu = 0; mu < plots.overlaps.size(); ++mu) {
      const std::string label = lab.patterns()[mu].name + "##" + std::to_string(mu);
      plots.overlaps[mu].Plot(label.c_str());
    }
    hplot::EndPlot();
  }
  if (plots.hamming.SamplesPerBucket() > 1)
    ImGui::TextDisabled("%d sweeps: each plotted point is the min or max of %d sweeps", rows - 1,
                        plots.hamming.SamplesPerBucket());
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
