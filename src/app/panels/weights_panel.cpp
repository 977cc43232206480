// The weight matrix as a heatmap (block means for large N) with a colour legend, and the
// local field of the hovered neuron split into the votes of each stored pattern.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/hplot/hplot.hpp"
#include "app/panels/panels.hpp"
#include "app/platform/renderer.hpp"
#include "app/panels/widgets.hpp"

namespace hlab {
namespace {

constexpr int kMaxBlocks = 256;

void heatmap(const App& app, WeightsPanel& cache) {
  const hopfield::Network& net = app.lab().network();
  if (cache.version != app.lab().network_version() || cache.n != net.size()) {
    cache.version = app.lab().network_version();
    cache.n = net.size();
    cache.blocks = std::min(net.size(), kMaxBlocks);
    cache.error.clear();
    try {
      cache.means = hopfield::weight_block_means(net, cache.blocks);
    } catch (const std::exception& e) {
      cache.means.assign(static_cast<std::size_t>(cache.blocks * cache.blocks), 0.0f);
      cache.error = e.what();
    }
    float m = 0.0f;
    for (float v : cache.means) m = std::max(m, std::fabs(v));
    cache.limit = m > 0 ? m : 1.0f;
    cache.rgba.resize(cache.means.size());
    for (std::size_t k = 0; k < cache.rgba.size(); ++k)
      cache.rgba[k] = hplot::DivergingColor(cache.means[k] / cache.limit);
  }
  const int b = cache.blocks;
  const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 22.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(render::frame_image(b, b, cache.rgba.data()), ImVec2(side, side));
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int bj = std::clamp(static_cast<int>((m.x - origin.x) / side * static_cast<float>(b)), 0, b - 1);
    const int bi = std::clamp(static_cast<int>((m.y - origin.y) / side * static_cast<float>(b)), 0, b - 1);
    const float v = cache.means[static_cast<std::size_t>(bi * b + bj)];
    if (b == net.size()) ImGui::SetTooltip("W(%d, %d) = %.5g", bi, bj, static_cast<double>(v));
    else
      ImGui::SetTooltip("block (%d, %d): mean W = %.5g over neurons %d.. x %d..", bi, bj,
                        static_cast<double>(v), bi * net.size() / b, bj * net.size() / b);
  }
  hplot::ColorBar("W", -static_cast<double>(cache.limit), static_cast<double>(cache.limit), ImVec2(side, 14));
  if (b < net.size())
    ImGui::TextDisabled("%d x %d neurons shown as %d x %d block means", net.size(), net.size(), b, b);
  else
    ImGui::TextDisabled("row i, column j: W_ij (N x N)");
  if (!cache.error.empty()) text_wrapped("%s", cache.error.c_str());
}

void votes(const App& app, int i) {
  const hopfield::Lab& lab = app.lab();
  const hopfield::Network& net = lab.network();
  ImGui::Separator();
  if (i < 0 || i >= net.size()) {
    text_disabled_wrapped("Hover a neuron on the recall state to see its field split by pattern.");
    return;
  }
  const hopfield::Model model = net.model().model;
  if (model == hopfield::Model::modern || model == hopfield::Model::continuous) {
    text_wrapped("The %s model has no votes per neuron: its update moves the whole state at once "
                 "(see the Plots panel).", hopfield::to_string(model).c_str());
    return;
  }
  const bool dense = model == hopfield::Model::dense;
  if (!dense && (net.rule() != hopfield::Rule::hebbian || net.pruned())) {
    text_wrapped("Pattern votes exist only for the Hebbian rule (h_i = sum_mu xi_i^mu m^mu) "
                 "and the dense model.");
    return;
  }
  const std::vector<double> v = net.pattern_votes(lab.state(), i);
  double h = dense ? 0.0 : net.bias()[i];
  for (double x : v) h += x;
  if (dense)
    ImGui::Text("neuron %d: D = %.4g = sum_mu F(xi_i + r) - F(-xi_i + r)", i, h);
  else
    ImGui::Text("neuron %d: h = %.4g = sum of the votes", i, h);
  if (v.empty()) return;
  double limit = 1e-12;
  for (double x : v) limit = std::max(limit, std::fabs(x));
  const int shown = std::min(static_cast<int>(v.size()), 48);
  const float height = ImGui::GetFontSize() * 6.0f;
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("votes", ImVec2(width, height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float mid = o.y + height * 0.5f;
  const float bar = width / static_cast<float>(shown);
  dl->AddLine(ImVec2(o.x, mid), ImVec2(o.x + width, mid), IM_COL32(160, 160, 160, 120));
  for (int mu = 0; mu < shown; ++mu) {
    const double x = v[static_cast<std::size_t>(mu)];
    const float y = mid - static_cast<float>(x / limit) * height * 0.48f;
    const float x0 = o.x + bar * static_cast<float>(mu) + 1.0f;
    dl->AddRectFilled(ImVec2(x0, std::min(y, mid)), ImVec2(x0 + std::max(bar - 2.0f, 1.0f), std::max(y, mid)),
                      x >= 0 ? hplot::DivergingColor(0.8f) : hplot::DivergingColor(-0.8f));
  }
  // Names under the bars when they fit.
  for (int mu = 0; mu < shown; ++mu) {
    const std::string& name = lab.patterns()[static_cast<std::size_t>(mu)].name;
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    if (name.empty() || size.x > bar - 2.0f) continue;
    const float cx = o.x + bar * (static_cast<float>(mu) + 0.5f);
    const double x = v[static_cast<std::size_t>(mu)];
    const float ty = x >= 0 ? mid + 2.0f : mid - size.y - 2.0f;  // on the side without a bar
    dl->AddText(ImVec2(cx - size.x * 0.5f, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled), name.c_str());
  }
  if (ImGui::IsItemHovered()) {
    const int mu = std::clamp(static_cast<int>((ImGui::GetIO().MousePos.x - o.x) / bar), 0, shown - 1);
    ImGui::SetTooltip("%s (pattern %d): vote %.4g", lab.patterns()[static_cast<std::size_t>(mu)].name.c_str(),
                      mu, v[static_cast<std::size_t>(mu)]);
  }
  if (shown < static_cast<int>(v.size())) ImGui::TextDisabled("first %d of %zu patterns", shown, v.size());
}

}  // namespace

void WeightsPanel::draw(App& app, int neuron) {
  const hopfield::Model model = app.lab().settings().model.model;
  if (model == hopfield::Model::dense || model == hopfield::Model::modern) {
    // These models keep the patterns themselves: a matrix of pairwise weights would be the
    // classic network's, not theirs.
    text_wrapped("The %s model has no weight matrix: its energy is a function of the overlaps "
                 "xi^mu . s with the stored patterns themselves (%s).",
                 hopfield::to_string(model).c_str(),
                 model == hopfield::Model::dense ? "E = -sum_mu F(xi^mu . s)"
                                                 : "E = -lse(beta, X^T xi) + 1/2 xi . xi");
  } else {
    heatmap(app, *this);
  }
  votes(app, neuron);
}

}  // namespace hlab
