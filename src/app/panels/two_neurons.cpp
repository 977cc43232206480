// The continuous (graded-response) network of two neurons, as in Hopfield (1984), figure 3:
// its energy over the square of outputs (V1, V2) as filled contours, and trajectories of the
// RK4 integration drawn on it. Its own small network (the weights, the gain), independent of
// the library: the lab's grids have more than two neurons.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "app/hplot/hplot.hpp"
#include "app/panels/panels.hpp"
#include "app/panels/widgets.hpp"
#include "core/models/graded_response.hpp"

namespace hlab {
namespace {

constexpr int kSteps = 64;     // energy samples per side
constexpr int kLevels = 12;    // contour levels
constexpr int kStarts = 6;     // trajectories start on a kStarts x kStarts grid

// Marching squares on one cell: the segments where the bilinear field crosses `level`.
void contour_cell(ImDrawList* dl, const ImVec2 corner[4], const double v[4], double level,
                  ImU32 color) {
  // Corners in order: bottom-left, bottom-right, top-right, top-left.
  ImVec2 points[4];
  int k = 0;
  for (int e = 0; e < 4; ++e) {
    const double a = v[e], b = v[(e + 1) % 4];
    if ((a < level) == (b < level)) continue;
    const float t = static_cast<float>((level - a) / (b - a));
    const ImVec2 p = corner[e], q = corner[(e + 1) % 4];
    points[k++] = ImVec2(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t);
  }
  if (k >= 2) dl->AddLine(points[0], points[1], color, 1.0f);
  if (k == 4) dl->AddLine(points[2], points[3], color, 1.0f);
}

}  // namespace

void TwoNeuronWindow::draw() {
  if (!open) return;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 38),
                           ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Two neurons (Hopfield 1984)", &open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  ImGui::PushItemWidth(ImGui::GetFontSize() * 8);
  bool changed = ImGui::DragFloat("T12", &t12, 0.01f, -3.0f, 3.0f, "%.2f");
  ImGui::SameLine();
  changed |= ImGui::DragFloat("T21", &t21, 0.01f, -3.0f, 3.0f, "%.2f");
  changed |= ImGui::DragFloat("gain lambda", &lambda, 0.01f, 0.05f, 20.0f, "%.2f");
  ImGui::SameLine();
  changed |= ImGui::Checkbox("arctan g (the paper's)", &arctan);
  ImGui::PopItemWidth();
  if (small_button("The paper's figure")) {
    t12 = t21 = 1.0f;
    lambda = 1.4f;
    arctan = true;
    changed = true;
  }
  text_disabled_wrapped(
      "E = -T12 V1 V2 + sum_i integral_0^V_i g^-1(v) dv (tau = 1, no input). Darker is lower. "
      "Lines: RK4 trajectories from a grid of starts, dots where they end.");
  if (t12 != t21)
    text_wrapped("T12 != T21: this E is not a Lyapunov function of these dynamics, so the "
                 "trajectories need not run downhill.");

  hopfield::ModelOptions m;
  m.model = hopfield::Model::continuous;
  m.gain = lambda > 0 ? lambda : 0.05;
  m.gain_function = arctan ? hopfield::GainFunction::arctan : hopfield::GainFunction::tanh;
  Eigen::Matrix2d w;
  w << 0.0, t12, t21, 0.0;
  const Eigen::Vector2d input = Eigen::Vector2d::Zero();
  if (changed || energy.empty()) {
    // The energy of a symmetric W; for T12 != T21 the symmetric part's, as a backdrop.
    Eigen::Matrix2d sym = 0.5 * (w + w.transpose());
    energy = hopfield::energy_landscape_2d(sym, input, m, kSteps);
    paths.clear();
    for (int a = 0; a < kStarts; ++a)
      for (int b = 0; b < kStarts; ++b) {
        const std::array<double, 2> start{-0.9 + 1.8 * (a + 0.5) / kStarts,
                                          -0.9 + 1.8 * (b + 0.5) / kStarts};
        paths.push_back(hopfield::trajectory_2d(w, input, m, start, 2000));
      }
  }

  const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 26);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("landscape", ImVec2(side, side));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto lo_hi = std::minmax_element(energy.begin(), energy.end());
  const double lo = *lo_hi.first, hi = *lo_hi.second, span = std::max(hi - lo, 1e-12);
  const float cell = side / kSteps;
  // Screen position of V (V1 right, V2 up).
  const auto at = [&](double v1, double v2) {
    return ImVec2(o.x + static_cast<float>((v1 + 1.0) * 0.5) * side,
                  o.y + static_cast<float>((1.0 - v2) * 0.5) * side);
  };
  for (int r = 0; r < kSteps; ++r)
    for (int c = 0; c < kSteps; ++c) {
      const double e = energy[static_cast<std::size_t>(r * kSteps + c)];
      const float t = static_cast<float>((e - lo) / span) * 2.0f - 1.0f;  // -1 lowest
      const ImVec2 p0(o.x + cell * static_cast<float>(c), o.y + side - cell * static_cast<float>(r + 1));
      dl->AddRectFilled(p0, ImVec2(p0.x + cell + 0.5f, p0.y + cell + 0.5f), hplot::DivergingColor(t));
    }
  // Contours between cell centres.
  for (int level = 1; level < kLevels; ++level) {
    const double value = lo + span * level / kLevels;
    for (int r = 0; r + 1 < kSteps; ++r)
      for (int c = 0; c + 1 < kSteps; ++c) {
        const auto e = [&](int rr, int cc) { return energy[static_cast<std::size_t>(rr * kSteps + cc)]; };
        const double v[4] = {e(r, c), e(r, c + 1), e(r + 1, c + 1), e(r + 1, c)};
        const auto centre = [&](int rr, int cc) {
          return ImVec2(o.x + cell * (static_cast<float>(cc) + 0.5f),
                        o.y + side - cell * (static_cast<float>(rr) + 0.5f));
        };
        const ImVec2 corner[4] = {centre(r, c), centre(r, c + 1), centre(r + 1, c + 1), centre(r + 1, c)};
        contour_cell(dl, corner, v, value, IM_COL32(40, 40, 40, 140));
      }
  }
  for (const auto& path : paths) {
    for (std::size_t k = 1; k < path.size(); ++k)
      dl->AddLine(at(path[k - 1][0], path[k - 1][1]), at(path[k][0], path[k][1]),
                  IM_COL32(20, 20, 20, 220), 1.5f);
    if (!path.empty()) dl->AddCircleFilled(at(path.back()[0], path.back()[1]), 3.5f, IM_COL32(250, 200, 40, 255));
  }
  dl->AddRect(o, ImVec2(o.x + side, o.y + side), IM_COL32(128, 128, 128, 200));
  ImGui::TextDisabled("V1 from -1 (left) to 1 (right), V2 from -1 (bottom) to 1 (top); E from %s to %s",
                      hopfield::format_number(lo).c_str(), hopfield::format_number(hi).c_str());
  if (ImGui::IsItemHovered() || ImGui::IsMouseHoveringRect(o, ImVec2(o.x + side, o.y + side))) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const double v1 = (mouse.x - o.x) / side * 2.0 - 1.0, v2 = 1.0 - (mouse.y - o.y) / side * 2.0;
    const int c = std::clamp(static_cast<int>((v1 + 1.0) * 0.5 * kSteps), 0, kSteps - 1);
    const int r = std::clamp(static_cast<int>((v2 + 1.0) * 0.5 * kSteps), 0, kSteps - 1);
    ImGui::SetTooltip("V = (%.2f, %.2f)  E = %.4g", v1, v2, energy[static_cast<std::size_t>(r * kSteps + c)]);
  }
  ImGui::End();
}

}  // namespace hlab
