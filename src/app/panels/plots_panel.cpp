// Live plots of the current recall: Hamming distance, energy, overlaps, and the
// iter | energy | hamming | flips table.
#include <imgui.h>

#include "app/panels/panels.hpp"
#include "app/panels/widgets.hpp"
#include "core/report.hpp"

namespace hlab {

void PlotsPanel::draw(App& app, ViewState& view) {
  const hopfield::Lab& lab = app.lab();
  const hopfield::Trace& t = lab.recall().trace();
  // At full speed (hundreds of sweeps a frame) the plots take in new sweeps every other frame:
  // 30 times a second still looks continuous, and an unchanged plot is not drawn again.
  const bool full_speed = app.full_speed();
  if (!full_speed || app.frames() % 2 == 0 || plots.recall_version != lab.recall_version())
    plots.update(t, lab.recall_version(), lab.pattern_count(), lab.recall().attention());
  plots.energy_meaningful = hopfield::energy_is_lyapunov(lab.settings().model);
  const int rows = t.rows();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  draw_recall_plots(plots, lab.pattern_names(), lab.probe_source() ? "to target" : "to nearest");
  record_region(view, "recall-plots", top, width);
  if (plots.hamming.SamplesPerBucket() > 1)
    ImGui::TextDisabled("%d sweeps: each plotted point is the min or max of %d sweeps", rows - 1,
                        plots.hamming.SamplesPerBucket());
  if (small_button("Export PNG")) export_png(app, view, "recall-plots", "recall-plots.png");
  tooltip("The plots above as a PNG image");
  same_line_if_fits(button_width("Export CSV"));
  if (small_button("Export CSV"))
    app.attempt([&] { app.save_file("recall-trace.csv", trace_csv(t, lab.pattern_names())); }, "Export CSV");
  tooltip("The trace: iteration, energy, Hamming distance, flips and the overlap with each pattern");
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
        ImGui::TextUnformatted(hopfield::format_number(t.energy[i]).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.hamming[i]);
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.flips[i]);
      }
    ImGui::EndTable();
  }
}

}  // namespace hlab
