// Series drawing: lines decimated to at most four points per pixel column (M4: first, min, max,
// last, which draws the same picture as all of them), markers, dashed reference lines.
#include "app/hplot/internal.hpp"

namespace hplot::detail {
namespace {

std::vector<ImVec2> g_path;                // scratch polyline for DrawLine
std::vector<std::uint8_t> g_marker_cells;  // scratch occupancy grid for DrawScatter

void FlushPath(ImDrawList* draw_list, ImU32 color, float thickness) {
  const int n = static_cast<int>(g_path.size());
  if (g_mapping.active && n > 0) {
    for (ImVec2& p : g_path) p = g_mapping.ToCanvas(p);
    // A lone point is drawn as a dot, as below.
    g_canvas->Polyline(g_path.data(), n, color, (n == 1 ? 2.4f : 1.0f) * thickness * g_mapping.scale);
  } else if (n >= 2) {
    draw_list->AddPolyline(g_path.data(), n, color, ImDrawFlags_None, thickness);
  } else if (n == 1) {
    draw_list->AddCircleFilled(g_path[0], thickness * 1.2f, color, 8);  // lone point
  }
  g_path.clear();
}

// Collects the points falling in one pixel column and keeps at most four of them (first, min,
// max, last: "M4" decimation), which draws the same picture as all of them.
struct ColumnDecimator {
  bool open = false;
  double column = 0.0;
  int first = 0, last = 0, low = 0, high = 0;  // indices into the series
  ImVec2 pixels[4];                            // first, last, low, high

  void Add(int index, ImVec2 p) {
    const double col = std::floor(static_cast<double>(p.x));
    if (open && col == column) {
      last = index;
      pixels[1] = p;
      if (p.y < pixels[2].y) low = index, pixels[2] = p;
      if (p.y > pixels[3].y) high = index, pixels[3] = p;
      return;
    }
    Flush();
    open = true;
    column = col;
    first = last = low = high = index;
    pixels[0] = pixels[1] = pixels[2] = pixels[3] = p;
  }

  // Appends the kept points to g_path in their original order, without repeats.
  void Flush() {
    if (!open) return;
    open = false;
    const int lo = std::min(low, high), hi = std::max(low, high);
    const ImVec2 lo_p = low < high ? pixels[2] : pixels[3];
    const ImVec2 hi_p = low < high ? pixels[3] : pixels[2];
    g_path.push_back(pixels[0]);
    if (lo != first) g_path.push_back(lo_p);
    if (hi != lo && hi != first) g_path.push_back(hi_p);
    if (last != hi && last != first) g_path.push_back(pixels[1]);
  }
};

void DrawLine(ImDrawList* draw_list, const Transform& t, const Point* pts, int n, ImU32 color,
              float thickness) {
  ColumnDecimator columns;
  g_path.clear();
  for (int i = 0; i < n; ++i) {
    if (!t.Drawable(pts[i])) {  // a gap: end the current polyline
      columns.Flush();
      FlushPath(draw_list, color, thickness);
      continue;
    }
    columns.Add(i, t.ToPixel(pts[i]));
  }
  columns.Flush();
  FlushPath(draw_list, color, thickness);
}

// Markers landing in an already used cell of a marker-sized grid are skipped: same picture,
// bounded vertex count.
void DrawScatter(ImDrawList* draw_list, const Transform& t, const Point* pts, int n, ImU32 color,
                 float radius) {
  const float cell = std::max(1.0f, radius);
  const int cols = static_cast<int>(t.area.GetWidth() / cell) + 1;
  const int rows = static_cast<int>(t.area.GetHeight() / cell) + 1;
  g_marker_cells.assign(static_cast<size_t>(cols) * static_cast<size_t>(rows), 0);
  const bool cheap = n > kCheapMarkerThreshold;
  for (int i = 0; i < n; ++i) {
    if (!t.Drawable(pts[i])) continue;
    const ImVec2 p = t.ToPixel(pts[i]);
    if (!t.area.Contains(p)) continue;
    const int cx = static_cast<int>((p.x - t.area.Min.x) / cell);
    const int cy = static_cast<int>((p.y - t.area.Min.y) / cell);
    std::uint8_t& used = g_marker_cells[static_cast<size_t>(cy) * cols + cx];
    if (used) continue;
    used = 1;
    if (g_mapping.active) {
      const ImVec2 q = g_mapping.ToCanvas(p);
      g_canvas->Polyline(&q, 1, color, 2.0f * radius * g_mapping.scale);
    } else if (cheap) {
      draw_list->AddRectFilled(p - ImVec2(radius, radius), p + ImVec2(radius, radius), color);
    } else {
      draw_list->AddCircleFilled(p, radius, color, 8);
    }
  }
}

// A reference polyline: dashed, unbroken by decimation (it has few points), gaps at points
// that have no place on the axes.
void DrawReference(ImDrawList* draw_list, const Transform& t, const Point* pts, int n, ImU32 color,
                   float thickness, int style) {
  g_path.clear();
  for (int i = 0; i <= n; ++i) {
    if (i < n && t.Drawable(pts[i])) {
      g_path.push_back(t.ToPixel(pts[i]));
      continue;
    }
    DrawDashedPolyline(draw_list, g_path.data(), static_cast<int>(g_path.size()), color, thickness, style);
    g_path.clear();
  }
}

}  // namespace

void DrawSeries(ImDrawList* draw_list, const Transform& t, const Point* points, const Series& s,
                int highlight) {
  const Point* pts = points + s.first;
  const bool highlighted = highlight > 0;
  const float thickness = highlighted ? kHighlightThickness : kLineThickness;
  // Another series highlighted: this one at a quarter of its opacity, so that one stands out.
  const ImU32 color = highlight < 0 ? (s.color & ~IM_COL32_A_MASK) |
                                          ((((s.color >> IM_COL32_A_SHIFT) & 0xFF) / 4) << IM_COL32_A_SHIFT)
                                    : s.color;
  switch (s.kind) {
    case SeriesKind::Line:
      DrawLine(draw_list, t, pts, s.count, color, thickness);
      break;
    case SeriesKind::Scatter:
      DrawScatter(draw_list, t, pts, s.count, color,
                  highlighted ? kMarkerRadius + 1.0f : kMarkerRadius);
      break;
    case SeriesKind::HLine:
      if (t.Drawable(Point{t.x.min, pts[0].y})) {
        const float y = t.ToPixel(pts[0]).y;
        const ImVec2 ends[2] = {ImVec2(t.area.Min.x, y), ImVec2(t.area.Max.x, y)};
        DrawDashedPolyline(draw_list, ends, 2, color, thickness, s.dash);
      }
      break;
    case SeriesKind::Reference:
      DrawReference(draw_list, t, pts, s.count, color, thickness, s.dash);
      break;
  }
}

const float* DashPattern(int style) {
  static const float kPatterns[4][4] = {{8, 5, 8, 5}, {2, 4, 2, 4}, {10, 4, 2, 4}, {16, 6, 16, 6}};
  return kPatterns[((style % 4) + 4) % 4];
}

void DrawDashedPolyline(ImDrawList* draw_list, const ImVec2* pixels, int n, ImU32 color, float thickness,
                        int style) {
  const float* pattern = DashPattern(style);
  int piece = 0;                 // index into the pattern: even pieces are drawn
  float left = pattern[0];       // pixels left in the current piece
  for (int i = 0; i + 1 < n; ++i) {
    ImVec2 a = pixels[i];
    const ImVec2 b = pixels[i + 1];
    float length = std::sqrt(ImLengthSqr(b - a));
    if (!(length < static_cast<float>(kFarPixels))) continue;  // NaN or far away: skip
    while (length > 0.0f) {
      const float step = std::min(left, length);
      const ImVec2 c = a + (b - a) * (step / length);
      if (piece % 2 == 0) {
        if (g_mapping.active) {
          const ImVec2 dash[2] = {g_mapping.ToCanvas(a), g_mapping.ToCanvas(c)};
          g_canvas->Polyline(dash, 2, color, thickness * g_mapping.scale);
        } else {
          draw_list->AddLine(a, c, color, thickness);
        }
      }
      length -= step;
      left -= step;
      a = c;
      if (left <= 0.0f) {
        piece = (piece + 1) % 4;
        left = pattern[piece];
      }
    }
  }
}

ImU32 ReferenceColorFor(ImVec4 text, ImVec4 background) {
  const auto mix = [](float bg, float fg) { return static_cast<unsigned>(std::lround((bg + (fg - bg) * 0.6f) * 255.0f)); };
  return IM_COL32(mix(background.x, text.x), mix(background.y, text.y), mix(background.z, text.z), 255);
}


}  // namespace hplot::detail
