// Network settings: the model and its parameters, learning rule and scale, update mode, tie
// rule, temperature, seed, sweep limit. A setting the library cannot be learned with shows an
// error and changes nothing.
#include <imgui.h>

#include <cmath>

#include "app/panels/panels.hpp"
#include "app/panels/widgets.hpp"
#include "core/models/weight_models.hpp"

namespace hlab {
namespace {

bool input_double(const char* label, double& value, double step, const char* format) {
  double v = value;
  if (!ImGui::InputDouble(label, &v, step, step * 10, format)) return false;
  if (!std::isfinite(v)) return false;
  value = v;
  return true;
}

// The chosen model's own parameters. Returns true when one changed.
bool model_parameters(hopfield::ModelOptions& m) {
  using hopfield::Model;
  bool changed = false;
  switch (m.model) {
    case Model::classic: {
      if (!ImGui::TreeNode("weight modifiers")) break;
      ImGui::InputInt("dreams", &m.dreams, 10, 100);  // each one is a recall: apply when done
      changed |= ImGui::IsItemDeactivatedAfterEdit();
      tooltip("Unlearning (Hopfield, Feinstein, Palmer 1983): run from a random state to a fixed\n"
              "point and subtract eps s s^T; repeated, it removes spurious states.");
      changed |= input_double("dream eps", m.dream_epsilon, 0.001, "%.4g");
      changed |= input_double("clip |W| <= A", m.clip, 0.5, "%.4g");
      tooltip("Forgetting (palimpsest): each weight bounded after every pattern; 0 = no bound.");
      changed |= input_double("decay lambda", m.decay, 0.01, "%.4g");
      tooltip("Forgetting: W <- lambda W + xi xi^T per pattern, in library order (1 = none).");
      changed |= input_double("connectivity c", m.connectivity, 0.05, "%.3g");
      tooltip("Dilution: each weight kept with probability c.");
      changed |= ImGui::Checkbox("asymmetric dilution", &m.asymmetric_dilution);
      changed |= ImGui::Checkbox("sequence rule", &m.sequence);
      tooltip("W = sum xi^(mu+1) xi^mu^T (the last pattern leads to the first): synchronous\n"
              "recall walks through the library in order.");
      if (m.sequence) changed |= input_double("symmetric part", m.sequence_symmetric, 0.1, "%.3g");
      ImGui::TreePop();
      break;
    }
    case Model::dense: {
      hopfield::InteractionKind kind = m.interaction.kind;
      static constexpr hopfield::EnumName<hopfield::InteractionKind> kinds[] = {
          {hopfield::InteractionKind::poly, "poly", "F(x) = x^n"},
          {hopfield::InteractionKind::rectpoly, "rectpoly", "F(x) = max(x, 0)^n"},
          {hopfield::InteractionKind::exp, "exp", "F(x) = exp(x)"}};
      if (enum_combo("interaction F", kind, kinds)) {
        m.interaction.kind = kind;
        changed = true;
      }
      if (kind != hopfield::InteractionKind::exp)
        changed |= ImGui::SliderInt("degree n", &m.interaction.degree, 2, 10);
      tooltip("n = 2 is the classic Hebbian network; each step up stores about N times more.");
      break;
    }
    case Model::modern: {
      float beta = static_cast<float>(m.beta);
      if (ImGui::DragFloat("beta", &beta, 0.002f, 1e-4f, 10.0f, "%.4g",
                           ImGuiSliderFlags_Logarithmic) &&
          std::isfinite(beta) && beta > 0) {
        m.beta = beta;
        changed = true;
      }
      tooltip("Large beta: one update retrieves one pattern. Small beta: the state moves to an\n"
              "average of several patterns (a metastable state), or of all of them.");
      break;
    }
    case Model::sparse: {
      bool measured = m.activity < 0;
      if (ImGui::Checkbox("activity from the patterns", &measured)) {
        m.activity = measured ? -1.0 : 0.1;
        changed = true;
      }
      if (!measured) changed |= input_double("activity a", m.activity, 0.01, "%.3g");
      changed |= input_double("threshold theta", m.threshold, 0.5, "%.4g");
      break;
    }
    case Model::continuous: {
      changed |= enum_combo("gain function g", m.gain_function, hopfield::kGainNames);
      changed |= input_double("gain lambda", m.gain, 0.1, "%.3g");
      changed |= input_double("RK4 step dt", m.dt, 0.01, "%.3g");
      changed |= input_double("tau", m.tau, 0.1, "%.3g");
      break;
    }
  }
  return changed;
}

const char* energy_text(const hopfield::ModelOptions& m) {
  switch (m.model) {
    case hopfield::Model::dense: return "Energy E = -sum_mu F(xi^mu . s).";
    case hopfield::Model::modern:
      return "Energy E = -(1/beta) log sum_mu exp(beta x_mu . xi) + 1/2 xi . xi (the paper's "
             "constants beta^-1 log P + M^2/2 dropped).";
    case hopfield::Model::sparse:
      return "0/1 neurons: h_i = sum_j W_ij s_j - theta, E = -1/2 s^T W s + theta sum_i s_i with "
             "W = sum (xi - a)(xi - a)^T.";
    case hopfield::Model::continuous:
      return "du/dt = -u/tau + W g(u) + I; E = -1/2 V^T W V - I^T V + (1/tau) sum_i "
             "integral_0^V_i g^-1(v) dv decreases along every trajectory (W symmetric).";
    case hopfield::Model::classic: break;
  }
  return "Energy E = -1/2 s^T W s - b^T s  (some slides write -sum_{i!=j} w_ij s_i s_j "
         "without the 1/2: twice this value). Field h_i = sum_j W_ij s_j + b_i.";
}

}  // namespace

void NetworkPanel::draw(App& app) {
  const hopfield::Lab& lab = app.lab();
  hopfield::LabSettings s = lab.settings();
  bool changed = false;
  ImGui::PushItemWidth(ImGui::GetFontSize() * 12);

  hopfield::Model kind = s.model.model;
  if (enum_combo("model", kind, hopfield::kModelNames)) {
    // The core's model switch says what carries over and what resets.
    app.attempt([&] { app.switch_model(kind); }, "Model");
    s = lab.settings();
  }
  tooltip("Definitions in docs/science.md. Classic: +-1 neurons, W from a learning rule.");
  changed |= model_parameters(s.model);
  if (s.model.model == hopfield::Model::continuous &&
      small_button("Two neurons: energy contours..."))
    two_neurons.open = true;
  tooltip("Hopfield (1984), figure 3: the energy of two graded neurons and trajectories on it.");
  const bool rule_shapes_w = hopfield::uses_rule(s.model.model);
  if (rule_shapes_w) changed |= enum_combo("learning rule", s.rule, hopfield::kRuleNames);
  if (rule_shapes_w && s.rule == hopfield::Rule::hebbian) {
    changed |= enum_combo("Hebbian scale", s.scale, hopfield::kScaleNames);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("A positive scale never changes T = 0 dynamics, only the energy values");
  }
  // The real-valued models move the whole state at once and have no ties.
  ImGui::BeginDisabled(hopfield::real_valued(s.model.model));
  changed |= enum_combo("update mode", s.dynamics.mode, hopfield::kModeNames);
  changed |= enum_combo("tie (h = 0)", s.dynamics.tie, hopfield::kTieNames);
  ImGui::EndDisabled();
  float t = static_cast<float>(s.dynamics.temperature);
  // Dragging covers the useful range (T_c = 1 for random patterns at low load); a typed value
  // may go beyond it, up to what the core takes.
  const bool glauber = hopfield::has_glauber_dynamics(s.model.model);
  ImGui::BeginDisabled(!glauber);
  // Ranges are the settings' own (check_settings, through set_settings): a typed value out of
  // range is refused there with its message, the settings kept.
  if (ImGui::DragFloat("temperature T", &t, 0.005f, 0.0f, 3.0f, "%.3f")) {
    s.dynamics.temperature = t;
    changed = true;
  }
  ImGui::EndDisabled();
  if (!glauber && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The %s model runs at T = 0.", hopfield::to_string(s.model.model).c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("0: deterministic sign updates. T > 0: Glauber, P(s=+1) = 1/(1+exp(-2h/T)) with h\n"
                      "the field of W_raw / N for Hebbian weights (whatever the scale: T_c = 1 for\n"
                      "random patterns at low load), of the rule's own W for Storkey and pseudo-inverse.");
  ImGui::InputScalar("seed", ImGuiDataType_U64, &s.dynamics.seed);
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int sweeps = s.dynamics.max_sweeps;
  if (ImGui::InputInt("max sweeps", &sweeps)) {
    s.dynamics.max_sweeps = sweeps;
    changed = true;
  }
  ImGui::PopItemWidth();

  if (changed) app.attempt([&] { app.set_settings(s); }, "Network settings");

  const int n = lab.size(), p = lab.pattern_count();
  // One fact per line: wrapping would split numbers at their decimal point.
  ImGui::Text("N = %d neurons, P = %d patterns", n, p);
  ImGui::Text("load alpha = P/N = %.3g", static_cast<double>(p) / n);
  const double ln_n = n > 1 ? std::log(static_cast<double>(n)) : 1.0;
  if (s.model.model == hopfield::Model::dense && s.model.interaction.kind != hopfield::InteractionKind::exp) {
    // Krotov and Hopfield (2016): K_max ~ N^(n-1) / (2 (2n - 3)!! ln N) without errors.
    const int deg = s.model.interaction.degree;
    double double_factorial = 1;
    for (int k = 2 * deg - 3; k > 1; k -= 2) double_factorial *= k;
    ImGui::TextDisabled("error-free ~N^(n-1) / (2 (2n-3)!! ln N) = %.4g",
                        std::pow(static_cast<double>(n), deg - 1) / (2 * double_factorial * ln_n));
    text_disabled_wrapped("(random patterns; Krotov and Hopfield 2016; n = 2 is Hebbian)");
  } else if (s.model.model == hopfield::Model::dense || s.model.model == hopfield::Model::modern) {
    text_disabled_wrapped("capacity exponential in N (about 2^(N/2) patterns for F = exp: "
                          "Demircigil et al. 2017; Ramsauer et al. 2020)");
  } else {
    ImGui::TextDisabled("Hebbian capacity ~0.138 N = %.0f", 0.138 * n);
    tooltip("For random patterns. Letters, digits and pictures share strokes (large overlaps): "
            "their crosstalk adds up, and recall fails with far fewer (the Lessons show it).");
    text_disabled_wrapped("(random patterns; similar ones like letters fail far earlier)");
    ImGui::TextDisabled("error-free N/(2 ln N) = %.1f", n > 1 ? n / (2.0 * ln_n) : 0.0);
  }
  text_wrapped("%s", energy_text(s.model));
  if (!hopfield::energy_is_lyapunov(s.model))
    text_wrapped("W is asymmetric here: the energy is not a Lyapunov function (it may rise), so "
                 "the Plots panel does not draw it.");
  if (n > hopfield::kMaxDenseNeurons)
    text_wrapped("N > %d: only the Hebbian rule is available (no dense weight matrix).",
                       hopfield::kMaxDenseNeurons);
  // Spurious states: from random starts, how many runs end somewhere that is not a memory.
  if (s.model.model == hopfield::Model::classic || s.model.model == hopfield::Model::sparse) {
    if (small_button("Where do random states end?")) {
      app.attempt([&] {
        const hopfield::FixedPointCount c =
            hopfield::count_spurious_fixed_points(lab.network(), 100, s.dynamics.seed);
        ends = std::to_string(c.ended_at_stored) + " of " + std::to_string(c.trials) +
               " random states end at a stored pattern or its inverse, " +
               std::to_string(c.spurious) + " at a spurious fixed point, " +
               std::to_string(c.not_converged) + " do not settle (asynchronous, T = 0).";
        ends_version = lab.network_version();
      }, "Counting fixed points");
    }
    tooltip("Unlearning (weight modifiers: dreams) removes spurious states: compare before and "
            "after.");
    if (ends_version == lab.network_version() && !ends.empty()) text_wrapped("%s", ends.c_str());
  }
  two_neurons.draw();
}

}  // namespace hlab
