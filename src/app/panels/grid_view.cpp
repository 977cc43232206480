#include "app/panels/grid_view.hpp"

#include <algorithm>
#include <cstdint>

#include "app/platform/renderer.hpp"

namespace hlab {
namespace {

constexpr ImU32 kFlipPlus = IM_COL32(255, 170, 60, 255);
constexpr ImU32 kFlipMinus = IM_COL32(150, 70, 20, 255);

// The colour of value v in [-1, 1]: -1 the minus colour, +1 the plus colour, linear between.
std::uint32_t grey_level(double v) {
  const double t = std::clamp((v + 1.0) * 0.5, 0.0, 1.0);
  std::uint32_t out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const double a = (kMinusColor >> shift) & 0xFF, b = (kPlusColor >> shift) & 0xFF;
    out |= static_cast<std::uint32_t>(a + (b - a) * t + 0.5) << shift;
  }
  return out;
}

ImTextureID upload(const hopfield::SpinVector& s, int width, int height,
                   const std::vector<int>* flipped, const std::vector<double>* values = nullptr) {
  static std::vector<std::uint32_t> rgba;
  rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  for (Eigen::Index i = 0; i < s.size() && i < static_cast<Eigen::Index>(rgba.size()); ++i)
    rgba[static_cast<std::size_t>(i)] = s[i] > 0 ? kPlusColor : kMinusColor;
  if (values)
    for (std::size_t i = 0; i < values->size() && i < rgba.size(); ++i) rgba[i] = grey_level((*values)[i]);
  if (flipped)
    for (int i : *flipped)
      if (i >= 0 && i < static_cast<int>(rgba.size()))
        rgba[static_cast<std::size_t>(i)] = s[i] > 0 ? kFlipPlus : kFlipMinus;
  return render::frame_image(width, height, rgba.data());
}

}  // namespace

namespace {
ImU32 g_line_color = IM_COL32(128, 128, 128, 60);
float g_line_thickness = 1.0f;
}  // namespace

void set_grid_lines(ImU32 color, float thickness) {
  g_line_color = color;
  g_line_thickness = thickness;
}

GridHit grid_canvas(const char* id, const hopfield::SpinVector& s, int width, int height,
                    float max_side, const GridOverlay& overlay) {
  GridHit hit;
  const float avail = std::max(ImGui::GetContentRegionAvail().x, 32.0f);
  const float side = std::max(std::min(max_side, avail), 32.0f);
  hit.cell = side / static_cast<float>(std::max(width, height));
  const ImVec2 size(hit.cell * static_cast<float>(width), hit.cell * static_cast<float>(height));
  hit.origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(hit.origin.x + size.x, hit.origin.y + size.y);
  dl->AddImage(upload(s, width, height, overlay.flipped, overlay.values), hit.origin, end);
  if (overlay.lines && hit.cell >= 7.0f) {
    const ImU32 line = g_line_color;
    for (int x = 1; x < width; ++x) {
      const float px = hit.origin.x + hit.cell * static_cast<float>(x);
      dl->AddLine(ImVec2(px, hit.origin.y), ImVec2(px, end.y), line, g_line_thickness);
    }
    for (int y = 1; y < height; ++y) {
      const float py = hit.origin.y + hit.cell * static_cast<float>(y);
      dl->AddLine(ImVec2(hit.origin.x, py), ImVec2(end.x, py), line, g_line_thickness);
    }
  }
  dl->AddRect(hit.origin, end, IM_COL32(128, 128, 128, 160));
  if (overlay.marked >= 0 && overlay.marked < width * height) {
    const float mx = hit.origin.x + hit.cell * static_cast<float>(overlay.marked % width);
    const float my = hit.origin.y + hit.cell * static_cast<float>(overlay.marked / width);
    dl->AddRect(ImVec2(mx - 1, my - 1), ImVec2(mx + hit.cell + 1, my + hit.cell + 1),
                IM_COL32(60, 200, 255, 255), 0.0f, 0, 2.0f);
  }
  hit.hovered = ImGui::IsItemHovered() || ImGui::IsItemActive();
  const ImVec2 m = ImGui::GetIO().MousePos;
  const int cx = static_cast<int>((m.x - hit.origin.x) / hit.cell);
  const int cy = static_cast<int>((m.y - hit.origin.y) / hit.cell);
  if (hit.hovered && m.x >= hit.origin.x && m.y >= hit.origin.y && cx < width && cy < height) {
    hit.x = cx;
    hit.y = cy;
    hit.index = cy * width + cx;
    const float hx = hit.origin.x + hit.cell * static_cast<float>(cx);
    const float hy = hit.origin.y + hit.cell * static_cast<float>(cy);
    dl->AddRect(ImVec2(hx, hy), ImVec2(hx + hit.cell, hy + hit.cell), IM_COL32(255, 220, 0, 255));
  }
  return hit;
}

void grid_thumbnail(const hopfield::SpinVector& s, int width, int height, float side) {
  const float cell = side / static_cast<float>(std::max(width, height));
  ImGui::Image(upload(s, width, height, nullptr),
               ImVec2(cell * static_cast<float>(width), cell * static_cast<float>(height)));
}

}  // namespace hlab
