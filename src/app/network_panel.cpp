// Network settings: learning rule and scale, update mode, tie rule, temperature, seed,
// sweep limit. A rule the library cannot be learned with shows an error and changes nothing.
#include <imgui.h>

#include <cmath>

#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace hlab {
void NetworkPanel::draw(App& app) {
  const hopfield::Lab& lab = app.lab();
  hopfield::LabSettings s = lab.settings();
  bool changed = false;
  ImGui::PushItemWidth(ImGui::GetFontSize() * 12);

  changed |= enum_combo("learning rule", s.rule, hopfield::kRuleNames);
  if (s.rule == hopfield::Rule::hebbian) {
    changed |= enum_combo("Hebbian scale", s.scale, hopfield::kScaleNames);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("A positive scale never changes T = 0 dynamics, only the energy values");
  }
  changed |= enum_combo("update mode", s.dynamics.mode, hopfield::kModeNames);
  changed |= enum_combo("tie (h = 0)", s.dynamics.tie, hopfield::kTieNames);
  float t = static_cast<float>(s.dynamics.temperature);
  // Dragging covers the useful range (T_c = 1 for random patterns at low load); a typed value
  // may go beyond it, up to what the core takes.
  if (ImGui::DragFloat("temperature T", &t, 0.005f, 0.0f, 3.0f, "%.3f") && std::isfinite(t) && t >= 0) {
    s.dynamics.temperature = t;
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("0: deterministic sign updates. T > 0: Glauber, P(s=+1) = 1/(1+exp(-2h/T)) with h\n"
                      "the field of W_raw / N for Hebbian weights (whatever the scale: T_c = 1 for\n"
                      "random patterns at low load), of the rule's own W for Storkey and pseudo-inverse.");
  ImGui::InputScalar("seed", ImGuiDataType_U64, &s.dynamics.seed);
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int sweeps = s.dynamics.max_sweeps;
  if (ImGui::InputInt("max sweeps", &sweeps) && sweeps >= 1) {
    s.dynamics.max_sweeps = sweeps;
    changed = true;
  }
  ImGui::PopItemWidth();

  if (changed) app.attempt([&] { app.set_settings(s); }, "Network settings");

  const int n = lab.size(), p = lab.pattern_count();
  // One fact per line: wrapping would split numbers at their decimal point.
  ImGui::Text("N = %d neurons, P = %d patterns", n, p);
  ImGui::Text("load alpha = P/N = %.3g", static_cast<double>(p) / n);
  ImGui::TextDisabled("Hebbian capacity ~0.138 N = %.0f", 0.138 * n);
  tooltip("For random patterns. Letters, digits and pictures share strokes (large overlaps): "
          "their crosstalk adds up, and recall fails with far fewer (the Lessons show it).");
  text_disabled_wrapped("(random patterns; similar ones like letters fail far earlier)");
  ImGui::TextDisabled("error-free N/(2 ln N) = %.1f",
                      n > 1 ? n / (2.0 * std::log(static_cast<double>(n))) : 0.0);
  text_wrapped("Energy E = -1/2 s^T W s - b^T s  (some slides write -sum_{i!=j} w_ij s_i s_j "
                     "without the 1/2: twice this value). Field h_i = sum_j W_ij s_j + b_i.");
  if (n > hopfield::kMaxDenseNeurons)
    text_wrapped("N > %d: only the Hebbian rule is available (no dense weight matrix).",
                       hopfield::kMaxDenseNeurons);
}

}  // namespace hlab
