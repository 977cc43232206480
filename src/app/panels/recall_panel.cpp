// Recall: choose a probe (stored pattern, corrupted, or the drawing), step / run / pause /
// reset the dynamics, watch the state, read the verdict.
#include <imgui.h>

#include <algorithm>

#include "app/panels/gestures.hpp"
#include "app/panels/grid_view.hpp"
#include "app/panels/theme.hpp"
#include "app/panels/panels.hpp"
#include "app/panels/widgets.hpp"

namespace hlab {
namespace {

using hopfield::CorruptionKind;

void probe_controls(App& app, RecallPanel& ui) {
  const hopfield::Lab& lab = app.lab();
  const int p = lab.pattern_count();
  ui.source = std::clamp(ui.source, 0, std::max(p - 1, 0));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  const std::string preview = p == 0 ? "(no patterns)"
                                     : std::to_string(ui.source) + ": " +
                                           lab.patterns()[static_cast<std::size_t>(ui.source)].name;
  if (ImGui::BeginCombo("##source", preview.c_str())) {
    for (int mu = 0; mu < p; ++mu) {
      const std::string label = std::to_string(mu) + ": " + lab.patterns()[static_cast<std::size_t>(mu)].name;
      if (ImGui::Selectable(label.c_str(), mu == ui.source)) ui.source = mu;
    }
    ImGui::EndCombo();
  }
  // One name for one action everywhere: "Use as probe" (a pattern), "Use drawing as probe".
  same_line_if_fits(button_width("Use as probe"));
  ImGui::BeginDisabled(p == 0);
  if (ImGui::Button("Use as probe")) app.attempt([&] { app.probe_from_pattern(ui.source); });
  ImGui::EndDisabled();
  tooltip("The chosen pattern, undamaged, becomes the probe (and the recall's target)");
  same_line_if_fits(button_width("Use drawing as probe"));
  if (ImGui::Button("Use drawing as probe")) app.attempt([&] { app.probe_from_drawing(); });
  tooltip("The editor's drawing becomes the probe (no target: distances are to the nearest pattern)");

  hopfield::CorruptionRequest& c = ui.corruption;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  enum_combo("##kind", c.kind, hopfield::kCorruptionNames);
  ImGui::PushItemWidth(ImGui::GetFontSize() * 6);
  float amount = static_cast<float>(c.amount);
  if (c.kind == CorruptionKind::flip || c.kind == CorruptionKind::salt_pepper ||
      c.kind == CorruptionKind::mask) {
    same_line_if_fits(ImGui::GetFontSize() * 6 + ImGui::CalcTextSize(" probability").x);
    if (ImGui::SliderFloat(c.kind == CorruptionKind::salt_pepper ? "probability" : "fraction",
                           &amount, 0.0f, 1.0f, "%.2f"))
      c.amount = amount;
    same_line_if_fits(ImGui::GetFontSize() * 6 + ImGui::CalcTextSize(" seed").x);
    ImGui::InputScalar("seed##c", ImGuiDataType_U64, &c.seed);
  }
  if (c.kind == CorruptionKind::rectangle) {
    same_line_if_fits(ImGui::GetFontSize() * 12);
    ImGui::TextDisabled("drag on the state below");
    tooltip("Drag a rectangle on the recall state: on release it is occluded (the probe)");
    ImGui::InputInt4("x y w h", &c.x);
  }
  if (c.kind == CorruptionKind::mask || c.kind == CorruptionKind::rectangle) {
    // Which value the hidden pixels take, said in words (a "+1" box was cryptic).
    int value = c.value > 0 ? 1 : 0;
    same_line_if_fits(ImGui::GetFontSize() * 9);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::Combo("##fill", &value, "hidden: -1 (white)\0hidden: +1 (black)\0")) c.value = value ? 1 : -1;
    tooltip("The value the masked or occluded pixels are set to");
  }
  ImGui::PopItemWidth();
  same_line_if_fits(ImGui::CalcTextSize("Corrupt").x + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button("Corrupt")) app.attempt([&] { app.corrupt(c); }, "Corrupt");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Damage the current state; the result is the new probe");
}

void run_controls(App& app, ViewState& view) {
  const hopfield::Lab& lab = app.lab();
  RunSpeed speed = app.run_speed();
  ImGui::BeginDisabled(lab.finished());
  if (ImGui::Button("Step neuron")) app.step_neuron();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Update the next neuron (N). Synchronous mode: one step of all neurons");
  same_line_if_fits(button_width("Step sweep"));
  if (ImGui::Button("Step sweep")) app.step_sweeps(1);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Finish the current sweep of N updates (S)");
  same_line_if_fits(ImGui::GetFontSize() * 4);
  const bool running = app.running();
  // One id for both labels ("###run"): keyboard focus stays on the button as it toggles.
  if (ImGui::Button(running ? "Pause###run" : "Run###run", ImVec2(ImGui::GetFontSize() * 4, 0))) {
    if (running) app.pause();
    else app.run();
  }
  {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    view.set_region("run", {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y});
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Run until a fixed point, a 2-cycle or the sweep limit (Space)");
  ImGui::EndDisabled();
  same_line_if_fits(button_width("Reset"));
  if (ImGui::Button("Reset")) app.reset();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the probe (Backspace)");
  same_line_if_fits(ImGui::GetFrameHeight() + ImGui::CalcTextSize("max").x +
                    ImGui::GetStyle().ItemInnerSpacing.x);
  bool changed = ImGui::Checkbox("max", &speed.fastest);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("As fast as the frame rate allows (now %.1f ms of updates per frame)",
                      app.recall_budget_ms());
  same_line_if_fits(ImGui::GetFontSize() * 8);
  ImGui::BeginDisabled(speed.fastest);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  changed |= ImGui::SliderFloat("##speed", &speed.speed, 0.5f, speed.per_neuron ? 5000.0f : 200.0f,
                                "%.1f/s", ImGuiSliderFlags_Logarithmic);
  same_line_if_fits(ImGui::GetFontSize() * 6);
  int unit = speed.per_neuron ? 1 : 0;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::Combo("##unit", &unit, "sweeps\0neurons\0")) {
    speed.per_neuron = unit == 1;
    speed.speed = speed.per_neuron ? 200.0f : 10.0f;
    changed = true;
  }
  ImGui::EndDisabled();
  if (changed) app.attempt([&] { app.set_run_speed(speed); });
  if (running && app.budget_bound() && !speed.fastest) {
    ImGui::SameLine();
    ImGui::TextDisabled("(slower: frame budget)");
  }
}

// With the rectangle corruption chosen, a drag on the state grid marks the rectangle (shown
// while dragging) and occludes it on release, as the Corrupt button would with x y w h.
void rectangle_drag(App& app, RecallPanel& ui, const GridHit& hit) {
  hopfield::CorruptionRequest& c = ui.corruption;
  if (c.kind != CorruptionKind::rectangle) {
    ui.drag_from.reset();
    return;
  }
  if (hit.hovered && hit.index >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
    ui.drag_from = std::pair{hit.x, hit.y};
  if (!ui.drag_from) return;
  const hopfield::Lab& lab = app.lab();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const int mx = std::clamp(static_cast<int>((mouse.x - hit.origin.x) / hit.cell), 0, lab.width() - 1);
  const int my = std::clamp(static_cast<int>((mouse.y - hit.origin.y) / hit.cell), 0, lab.height() - 1);
  c.x = std::min(ui.drag_from->first, mx);
  c.y = std::min(ui.drag_from->second, my);
  c.w = std::abs(mx - ui.drag_from->first) + 1;
  c.h = std::abs(my - ui.drag_from->second) + 1;
  auto at = [&](int cx, int cy) {
    return ImVec2(hit.origin.x + static_cast<float>(cx) * hit.cell, hit.origin.y + static_cast<float>(cy) * hit.cell);
  };
  ImGui::GetWindowDrawList()->AddRect(at(c.x, c.y), at(c.x + c.w, c.y + c.h), IM_COL32(255, 170, 60, 255),
                                      0.0f, 0, 2.0f);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    ui.drag_from.reset();
    app.attempt([&] { app.corrupt(c); }, "Occlude");
  }
}

void state_view(App& app, ViewState& view, RecallPanel& ui) {
  const hopfield::Lab& lab = app.lab();
  const hopfield::Recall& r = lab.recall();
  GridOverlay overlay;
  overlay.flipped = &r.recent_flips();
  overlay.marked = r.next_neuron();
  if (!r.state_values().empty()) overlay.values = &r.state_values();
  // The state grid and, beside it, the probe and the read-outs (as wide as their widest line).
  // The read-outs beside the grid, measured as they will be drawn (a proportional font: the
  // column must hold the widest of them, whatever its digits).
  const int d = r.trace().hamming.back();
  const std::string sweep_text = "sweep " + std::to_string(r.sweeps());
  const std::string energy_text = "E = " + hopfield::format_number(r.energy());
  const std::string distance_text =
      std::string(lab.probe_source() ? "d(target) " : "d(nearest) ") + std::to_string(d);
  float info = ImGui::GetFontSize() * 5;  // the probe thumbnail
  for (const std::string* t : {&sweep_text, &energy_text, &distance_text})
    info = std::max(info, ImGui::CalcTextSize(t->c_str()).x);
  const float side = std::min(ImGui::GetFontSize() * 24.0f,
                              ImGui::GetContentRegionAvail().x - info - ImGui::GetStyle().ItemSpacing.x);
  ImGui::BeginGroup();
  const GridHit hit = grid_canvas("state", lab.state(), lab.width(), lab.height(), side, overlay);
  // A finger's swipe on the state scrolls, unless it marks the rectangle to occlude.
  if (gestures::by_finger() && ui.corruption.kind != CorruptionKind::rectangle) gestures::let_swipe_scroll();
  rectangle_drag(app, ui, hit);
  ImGui::EndGroup();
  {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    view.set_region("recall", {a.x, a.y, b.x - a.x, b.y - a.y});
  }
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("probe");
  grid_thumbnail(lab.probe(), lab.width(), lab.height(), ImGui::GetFontSize() * 5);
  ImGui::TextDisabled("%s", sweep_text.c_str());
  ImGui::TextDisabled("%s", energy_text.c_str());
  ImGui::TextDisabled("%s", distance_text.c_str());
  ImGui::TextColored(vec4(current_colors().flipped), "flipped");
  ImGui::TextColored(vec4(current_colors().next), "next");
  ImGui::EndGroup();
  if (hit.index >= 0) {
    ui.last_neuron = hit.index;
    if (!r.state_values().empty()) {
      text_wrapped("neuron %d at (%d, %d): value %.4g", hit.index, hit.x, hit.y,
                   r.state_values()[static_cast<std::size_t>(hit.index)]);
    } else if (lab.settings().model.model == hopfield::Model::sparse) {
      // 0/1 neurons: the +-1 network's field is half the 0/1 field h01 = W01 sigma - theta.
      const double h = hopfield::local_field(lab.network(), lab.state(), hit.index);
      text_wrapped("neuron %d at (%d, %d): sigma = %d (%s), h01 = W01 sigma - theta = %.4g",
                   hit.index, hit.x, hit.y, lab.state()[hit.index] > 0 ? 1 : 0,
                   lab.state()[hit.index] > 0 ? "active" : "silent", 2 * h);
    } else {
      const double h = hopfield::local_field(lab.network(), lab.state(), hit.index);
      text_wrapped("neuron %d at (%d, %d): s = %+d, %s = %.4g", hit.index, hit.x, hit.y,
                   int(lab.state()[hit.index]),
                   lab.settings().model.model == hopfield::Model::dense ? "D" : "field h", h);
    }
  } else {
    text_disabled_wrapped("hover a neuron: its field and the votes of each pattern (Weights)");
  }
}

void verdict(const App& app) {
  const hopfield::Lab& lab = app.lab();
  const hopfield::Recall& r = lab.recall();
  if (!r.finished()) {
    ImGui::TextDisabled("%s", r.sweeps() == 0 && r.sweep_position() == 0 ? "Ready." : "Running...");
    return;
  }
  const hopfield::FinalStateReport v = lab.verdict();
  const bool good = v.verdict == hopfield::Verdict::retrieved;
  ImGui::PushStyleColor(ImGuiCol_Text, vec4(good ? current_colors().retrieved : current_colors().not_retrieved));
  // The summary names a 2-cycle or the sweep limit itself: say the outcome only once.
  if (r.outcome() == hopfield::Outcome::fixed_point)
    text_wrapped("Fixed point after %d sweeps: %s", r.sweeps(), v.summary.c_str());
  else
    text_wrapped("After %d sweeps: %s", r.sweeps(), v.summary.c_str());
  ImGui::PopStyleColor();
  if (v.distances.empty()) return;
  if (ImGui::TreeNode("Distance to each stored pattern")) {
    if (ImGui::BeginTable("dist", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                         ImGuiTableFlags_SizingFixedFit,
                          ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8))) {
      ImGui::TableSetupColumn("pattern");
      ImGui::TableSetupColumn("Hamming");
      ImGui::TableSetupColumn("to inverse");
      ImGui::TableHeadersRow();
      for (std::size_t mu = 0; mu < v.distances.size(); ++mu) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu: %s", mu, lab.patterns()[mu].name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", v.distances[mu]);
        ImGui::TableNextColumn();
        ImGui::Text("%d", v.inverse_distances[mu]);
      }
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
}

}  // namespace

void RecallPanel::shortcuts(App& app) {
  if (ImGui::GetIO().KeyCtrl || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  // Space presses the focused control while keyboard navigation shows one.
  if (ImGui::IsKeyPressed(ImGuiKey_Space, false) && !ImGui::GetIO().NavVisible) {
    if (app.running()) app.pause();
    else app.run();
  }
  if (ImGui::IsKeyPressed(ImGuiKey_N)) app.step_neuron();
  if (ImGui::IsKeyPressed(ImGuiKey_S)) app.step_sweeps(1);
  if (ImGui::IsKeyPressed(ImGuiKey_Backspace, false)) app.reset();
}

void RecallPanel::draw(App& app, ViewState& view) {
  // A probe made elsewhere (the library's Probe button, the JS API) is the one to corrupt next.
  const std::optional<int> probe_source = app.lab().probe_source();
  if (probe_source && probe_source != seen_source) source = *probe_source;
  seen_source = probe_source;
  probe_controls(app, *this);
  run_controls(app, view);
  state_view(app, view, *this);
  verdict(app);
}

}  // namespace hlab
