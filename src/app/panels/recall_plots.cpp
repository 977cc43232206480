#include "app/panels/recall_plots.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/hplot/hplot.hpp"

namespace hlab {

void TracePlots::update(const hopfield::Trace& t, std::uint64_t version, int patterns,
                        const std::vector<std::vector<double>>& weights) {
  const std::size_t shown = static_cast<std::size_t>(std::min(patterns, kMaxOverlapSeries));
  const std::size_t attended = weights.empty() ? 0 : shown;
  if (recall_version != version || rows > t.rows() || overlaps.size() != shown ||
      attention.size() != attended) {
    recall_version = version;
    rows = 0;
    hamming.Clear();
    energy.Clear();
    overlaps.assign(shown, hplot::SeriesDownsampler());
    attention.assign(attended, hplot::SeriesDownsampler());
  }
  for (; rows < t.rows(); ++rows) {
    const std::size_t k = static_cast<std::size_t>(rows);
    hamming.Append(t.hamming[k]);
    energy.Append(t.energy[k]);
    for (std::size_t mu = 0; mu < shown; ++mu) overlaps[mu].Append(t.overlaps[k][mu]);
    if (k < weights.size())
      for (std::size_t mu = 0; mu < attended; ++mu) attention[mu].Append(weights[k][mu]);
  }
}

void draw_recall_plots(TracePlots& plots, const std::vector<std::string>& names,
                       const char* hamming_label) {
  const float h = ImGui::GetFontSize() * 10.0f;
  const float w = ImGui::GetContentRegionAvail().x * 0.5f - ImGui::GetStyle().ItemSpacing.x * 0.5f;
  if (hplot::BeginPlot("Hamming distance", ImVec2(w, h), hplot::PlotFlags_NoLegend)) {
    hplot::SetupAxes("sweep", hamming_label);
    hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
    plots.hamming.Plot("hamming");
    hplot::EndPlot();
  }
  ImGui::SameLine();
  if (!plots.energy_meaningful) {
    // An asymmetric W has no Lyapunov function: a curve of -1/2 s^T W s would suggest a
    // descent that is not there.
    ImGui::BeginChild("no-energy", ImVec2(w, h), true);
    ImGui::TextWrapped("Energy not plotted: W is asymmetric (sequence rule or asymmetric "
                       "dilution), so E = -1/2 s^T W s is not a Lyapunov function: it need not "
                       "fall, and the dynamics can cycle. The overlaps below show the walk.");
    ImGui::EndChild();
  } else if (hplot::BeginPlot("Energy", ImVec2(w, h), hplot::PlotFlags_NoLegend)) {
    hplot::SetupAxes("sweep", "E");
    plots.energy.Plot("energy");
    hplot::EndPlot();
  }
  if (!plots.overlaps.empty() &&
      hplot::BeginPlot("Overlap m with each stored pattern", ImVec2(-1, h * 1.2f))) {
    hplot::SetupAxes("sweep", "m");
    hplot::SetupAxisLimits(hplot::Axis_Y, -1, 1, hplot::Cond_Always);
    for (std::size_t mu = 0; mu < plots.overlaps.size(); ++mu) {
      const std::string label = (mu < names.size() ? names[mu] : std::string()) + "##" + std::to_string(mu);
      plots.overlaps[mu].Plot(label.c_str());
    }
    hplot::EndPlot();
  }
  if (!plots.attention.empty() &&
      hplot::BeginPlot("Softmax weight of each stored pattern", ImVec2(-1, h))) {
    hplot::SetupAxes("update", "softmax(beta X^T xi)");
    hplot::SetupAxisLimits(hplot::Axis_Y, 0, 1, hplot::Cond_Always);
    for (std::size_t mu = 0; mu < plots.attention.size(); ++mu) {
      const std::string label =
          (mu < names.size() ? names[mu] : std::string()) + "##a" + std::to_string(mu);
      plots.attention[mu].Plot(label.c_str());
    }
    hplot::EndPlot();
  }
}

}  // namespace hlab
