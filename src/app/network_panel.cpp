// Network settings: learning rule and scale, update mode, tie rule, temperature, seed,
// sweep limit. A rule the library cannot be learned with shows an error and changes nothing.
#include <imgui.h>

#include <cmath>

#include "app/panels.hpp"

namespace hlab {
namespace {

using hopfield::HebbianScale;
using hopfield::Rule;
using hopfield::TieRule;
using hopfield::UpdateMode;

template <class Enum, std::size_t K>
bool combo(const char* label, Enum& value, const Enum (&values)[K], const char* const (&names)[K]) {
  bool changed = false;
  std::size_t current = 0;
  for (std::size_t k = 0; k < K; ++k)
    if (values[k] == value) current = k;
  if (ImGui::BeginCombo(label, names[current])) {
    for (std::size_t k = 0; k < K; ++k)
      if (ImGui::Selectable(names[k], k == current)) {
        value = values[k];
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void network_panel(App& app) {
  hopfield::Lab& lab = app.lab;
  hopfield::LabSettings s = lab.settings();
  bool changed = false;
  ImGui::PushItemWidth(ImGui::GetFontSize() * 12);

  static const Rule rules[] = {Rule::hebbian, Rule::storkey, Rule::pseudoinverse};
  static const char* const rule_names[] = {"Hebbian", "Storkey (1997)", "Pseudo-inverse"};
  changed |= combo("learning rule", s.rule, rules, rule_names);
  if (s.rule == Rule::hebbian) {
    static const HebbianScale scales[] = {HebbianScale::none, HebbianScale::inv_n, HebbianScale::inv_p};
    static const char* const scale_names[] = {"none (counts)", "1/N", "1/P"};
    changed |= combo("Hebbian scale", s.scale, scales, scale_names);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("A positive scale never changes T = 0 dynamics, only the energy values");
  }
  static const UpdateMode modes[] = {UpdateMode::synchronous, UpdateMode::async_random,
                                     UpdateMode::async_sequential};
  static const char* const mode_names[] = {"synchronous", "asynchronous, random order",
                                           "asynchronous, in order"};
  changed |= combo("update mode", s.dynamics.mode, modes, mode_names);
  static const TieRule ties[] = {TieRule::keep, TieRule::plus, TieRule::minus};
  static const char* const tie_names[] = {"keep current value", "+1", "-1"};
  changed |= combo("tie (h = 0)", s.dynamics.tie, ties, tie_names);
  float t = static_cast<float>(s.dynamics.temperature);
  if (ImGui::DragFloat("temperature T", &t, 0.01f, 0.0f, 100.0f, "%.3f", ImGuiSliderFlags_AlwaysClamp)) {
    s.dynamics.temperature = t;
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("0: deterministic sign updates. T > 0: Glauber, P(s=+1) = 1/(1+exp(-2h/T))");
  ImGui::InputScalar("seed", ImGuiDataType_U64, &s.dynamics.seed);
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int sweeps = s.dynamics.max_sweeps;
  if (ImGui::InputInt("max sweeps", &sweeps) && sweeps >= 1) {
    s.dynamics.max_sweeps = sweeps;
    changed = true;
  }
  ImGui::PopItemWidth();

  if (changed && !(s == lab.settings())) {
    if (app.attempt([&] { lab.set_settings(s); }, "Network settings")) app.recall.running = false;
  }

  const int n = lab.size(), p = lab.pattern_count();
  // One fact per line: wrapping would split numbers at their decimal point.
  ImGui::Text("N = %d neurons, P = %d patterns", n, p);
  ImGui::Text("load alpha = P/N = %.3f", static_cast<double>(p) / n);
  ImGui::TextDisabled("Hebbian capacity ~0.138 N = %.0f", 0.138 * n);
  ImGui::TextDisabled("error-free N/(2 ln N) = %.1f",
                      n > 1 ? n / (2.0 * std::log(static_cast<double>(n))) : 0.0);
  ImGui::TextWrapped("Energy E = -1/2 s^T W s - b^T s  (some slides write -sum_{i!=j} w_ij s_i s_j "
                     "without the 1/2: twice this value). Field h_i = sum_j W_ij s_j + b_i.");
  if (n > hopfield::kMaxDenseNeurons)
    ImGui::TextWrapped("N > %d: only the Hebbian rule is available (no dense weight matrix).",
                       hopfield::kMaxDenseNeurons);
}

}  // namespace hlab
