// hplot implementation: see plot.hpp. Everything is drawn in EndPlot, once the limits are known.
#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic; must precede the first imgui.h
#endif
#include "plot.hpp"

// imgui_internal.h is not -Wconversion clean; its warnings are not ours to fix.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#endif
#include <imgui_internal.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

namespace hplot {
namespace {

constexpr float kDefaultHeight = 200.0f;
constexpr float kPadding = 6.0f;  // frame edge to content
constexpr float kGap = 3.0f;      // between a label and what it labels
constexpr float kTickLength = 4.0f;
constexpr float kLineThickness = 2.0f;  // integer width: ImGui draws it with the cheap AA texture
constexpr float kHighlightThickness = 3.0f;
constexpr float kMarkerRadius = 2.5f;
constexpr int kCheapMarkerThreshold = 1000;  // above this many points scatter uses squares
constexpr float kMinTickSpacingX = 70.0f;
constexpr float kMinTickSpacingY = 32.0f;
constexpr double kFitPaddingX = 0.02;  // fraction of the data span added on each side
constexpr double kFitPaddingY = 0.06;
constexpr double kFarPixels = 1.0e5;  // pixel coordinates are clamped to this, keeping floats sane
constexpr int kMaxTicks = 32;
constexpr int kTickLabelSize = 32;

enum class SeriesKind { Line, Scatter, HLine };

struct Point {
  double x, y;
};

struct Range {
  double min = INFINITY;
  double max = -INFINITY;
  bool Valid() const { return min <= max; }
  double Span() const { return max - min; }
  void Include(double v) {
    if (!std::isfinite(v)) return;
    min = std::min(min, v);
    max = std::max(max, v);
  }
};

struct Series {
  SeriesKind kind = SeriesKind::Line;
  ImU32 color = 0;
  int first = 0;  // into PlotState::points
  int count = 0;
  int label_begin = 0;  // into PlotState::text; [begin, end) is the displayed part
  int label_end = 0;
};

struct AxisSetup {
  int flags = AxisFlags_AutoFit;
  int label_begin = 0;
  int label_end = 0;
};

// Survives between frames, keyed by plot id, so Cond_Once limits are remembered.
struct PlotMemory {
  ImGuiID id = 0;
  bool has_limits[2] = {false, false};
  Range limits[2];
  // The last LineCanvas image drawn for this plot, and a hash of everything it was drawn from:
  // an unchanged plot is not rasterised again.
  std::size_t canvas_hash = 0;
  int canvas_w = 0, canvas_h = 0;
  std::vector<std::uint32_t> canvas_pixels;
  std::shared_ptr<struct CanvasJob> job;  // the next image, while it is drawn over several frames
};

struct Ticks {
  double values[kMaxTicks];
  char labels[kMaxTicks][kTickLabelSize];
  int count = 0;
  double step = 0.0;
  float max_label_width = 0.0f;
};

// Maps data coordinates to pixels inside `area`.
struct Transform {
  ImRect area;
  Range x, y;
  double PixelX(double v) const {
    return area.Min.x + (v - x.min) / x.Span() * static_cast<double>(area.GetWidth());
  }
  double PixelY(double v) const {
    return area.Max.y - (v - y.min) / y.Span() * static_cast<double>(area.GetHeight());
  }
  double DataX(float px) const {
    return x.min + static_cast<double>(px - area.Min.x) / area.GetWidth() * x.Span();
  }
  double DataY(float py) const {
    return y.min + static_cast<double>(area.Max.y - py) / area.GetHeight() * y.Span();
  }
  ImVec2 ToPixel(Point p) const {
    return ImVec2(ClampFar(PixelX(p.x), area.Min.x), ClampFar(PixelY(p.y), area.Min.y));
  }
  static float ClampFar(double v, float origin) {
    return static_cast<float>(std::clamp(v, origin - kFarPixels, origin + kFarPixels));
  }
};

// The plot between BeginPlot and EndPlot. Vectors are cleared, not freed, so they are reused.
struct PlotState {
  bool active = false;
  ImGuiID id = 0;
  int flags = 0;
  ImRect frame;
  bool hovered = false;
  int title_end = 0;  // text[0, title_end) is the title
  AxisSetup axes[2];
  std::vector<char> text;
  std::vector<Point> points;
  std::vector<Series> series;
  bool has_next_color = false;
  ImU32 next_color = 0;
};

PlotState g_plot;
std::vector<PlotMemory> g_memory;
std::vector<ImVec2> g_path;                // scratch polyline for DrawLine
std::vector<std::uint8_t> g_marker_cells;  // scratch occupancy grid for DrawScatter

// Series drawn through a LineCanvas (SetImageUploader): the canvas, and how screen
// coordinates map to its pixels while EndPlot draws into it.
ImageUploader g_upload = nullptr;
LineCanvas* g_canvas = nullptr;  // the canvas being drawn
struct CanvasMapping {
  bool active = false;
  ImVec2 origin;      // screen position of canvas pixel (0, 0)'s corner
  float scale = 1.0f; // framebuffer pixels per screen unit
  ImVec2 ToCanvas(ImVec2 p) const { return (p - origin) * scale; }
} g_mapping;

// A plot's next LineCanvas image, drawn series by series from a copy of what it shows, over
// as many frames as the raster budget (SetRasterBudget) asks.
struct CanvasJob {
  bool active = false;
  std::size_t hash = 0;
  int w = 0, h = 0;
  Transform t;
  CanvasMapping mapping;
  int highlighted = -1;
  std::vector<Series> series;
  std::vector<Point> points;
  int next = 0;  // the next series to draw
  LineCanvas canvas;
};
double g_raster_budget_ms = 0.0;  // per frame, all plots together; 0: no limit
int g_raster_frame = -1;          // the ImGui frame g_raster_spent_ms counts
double g_raster_spent_ms = 0.0;

// ---------------------------------------------------------------------------------------------
// Small helpers

bool IsFinite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }

PlotMemory& MemoryFor(ImGuiID id) {
  for (PlotMemory& m : g_memory)
    if (m.id == id) return m;
  g_memory.push_back(PlotMemory{});
  g_memory.back().id = id;
  return g_memory.back();
}

// Appends the displayed part of `label` (before "##") and returns its [begin, end) offsets.
void AppendLabel(const char* label, int* begin, int* end) {
  if (label == nullptr) label = "";
  const char* label_end = ImGui::FindRenderedTextEnd(label);
  *begin = static_cast<int>(g_plot.text.size());
  g_plot.text.insert(g_plot.text.end(), label, label_end);
  *end = static_cast<int>(g_plot.text.size());
}

const char* TextAt(int offset) { return g_plot.text.data() + offset; }

ImVec2 TextSize(int begin, int end) { return ImGui::CalcTextSize(TextAt(begin), TextAt(end)); }

// Draws text rotated 90 degrees counter-clockwise (read bottom to top), starting at `pos`
// (bottom-left of the rotated line). ImDrawList has no rotated text, so glyph quads are emitted.
void AddTextVertical(ImDrawList* draw_list, ImVec2 pos, ImU32 color, const char* text,
                     const char* text_end) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  pos = ImVec2(IM_FLOOR(pos.x), IM_FLOOR(pos.y));
  for (const char* s = text; s < text_end;) {
    unsigned int c = static_cast<unsigned char>(*s);
    if (c < 0x80) {
      s += 1;
    } else {
      s += ImTextCharFromUtf8(&c, s, text_end);
      if (c == 0) break;
    }
    const ImFontGlyph* glyph = font->FindGlyph(static_cast<ImWchar>(c));
    if (glyph == nullptr) continue;
    if (glyph->Visible) {
      // Glyph corner (gx, gy) maps to pos + (gy, -gx): the advance direction points up.
      draw_list->PrimReserve(6, 4);
      draw_list->PrimQuadUV(
          pos + ImVec2(glyph->Y0, -glyph->X0) * scale, pos + ImVec2(glyph->Y0, -glyph->X1) * scale,
          pos + ImVec2(glyph->Y1, -glyph->X1) * scale, pos + ImVec2(glyph->Y1, -glyph->X0) * scale,
          ImVec2(glyph->U0, glyph->V0), ImVec2(glyph->U1, glyph->V0), ImVec2(glyph->U1, glyph->V1),
          ImVec2(glyph->U0, glyph->V1), color);
    }
    pos.y -= glyph->AdvanceX * scale;
  }
}

// ---------------------------------------------------------------------------------------------
// Limits and ticks

// Data range plus padding; a flat range is widened so it still has a span.
Range PadRange(Range data, double padding) {
  if (!data.Valid()) return data;
  const double span = data.Span();
  const double magnitude = std::max(std::fabs(data.min), std::fabs(data.max));
  if (!(span > magnitude * 1e-12)) {
    const double half = magnitude > 0.0 ? magnitude * 0.1 : 0.5;
    return Range{data.min - half, data.max + half};
  }
  return Range{data.min - span * padding, data.max + span * padding};
}

// Guarantees min < max with a finite span, so the transform never divides by zero.
Range MakeUsable(Range r) {
  if (!std::isfinite(r.min) || !std::isfinite(r.max)) return Range{0.0, 1.0};
  if (!(r.max > r.min)) {
    const double half = r.min != 0.0 ? std::fabs(r.min) * 0.1 : 0.5;
    r.max = r.min + 2.0 * half;
  }
  if (!std::isfinite(r.Span())) r = Range{-DBL_MAX / 4, DBL_MAX / 4};
  return r;
}

Range ResolveAxis(int flags, Range data, const Range* limits, double padding) {
  const Range fitted = PadRange(data, padding);
  Range r = fitted;
  if (limits != nullptr && !(flags & AxisFlags_AutoFit)) {
    r = *limits;
  } else if (limits != nullptr && (flags & AxisFlags_LockMin)) {
    r.min = limits->min;
    r.max = fitted.Valid() ? fitted.max : limits->max;
  } else if (limits != nullptr) {
    r.min = std::min(r.min, limits->min);  // AutoFit widens to include the requested range
    r.max = std::max(r.max, limits->max);
  }
  return MakeUsable(r);
}

// The smallest 1, 2 or 5 times a power of ten that is >= raw.
double NiceStep(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalized = raw / magnitude;
  const double nice = normalized <= 1.0   ? 1.0
                      : normalized <= 2.0 ? 2.0
                      : normalized <= 5.0 ? 5.0
                                          : 10.0;
  return nice * magnitude;
}

// Fixed decimals matching the step for everyday numbers, %g for huge or tiny ones.
void FormatTick(double value, double step, double max_abs, char* buf, int size) {
  if (std::fabs(value) < step * 1e-6) value = 0.0;  // no "-0" or 1e-17 residue at zero
  if (max_abs < 1e5 && step >= 1e-4) {
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    std::snprintf(buf, static_cast<size_t>(size), "%.*f", decimals, value);
  } else {
    const int digits = static_cast<int>(std::floor(std::log10(max_abs))) -
                       static_cast<int>(std::floor(std::log10(step))) + 1;
    std::snprintf(buf, static_cast<size_t>(size), "%.*g", std::clamp(digits, 1, 15), value);
  }
}

void FillTicks(Range r, double step, Ticks* ticks) {
  ticks->count = 0;
  ticks->step = step;
  ticks->max_label_width = 0.0f;
  if (!(step > 0.0) || !std::isfinite(step)) return;
  const double first = std::ceil(r.min / step) * step;
  if (first + step == first) return;  // step below double precision at this magnitude
  const double max_abs = std::max(std::fabs(r.min), std::fabs(r.max));
  for (int i = 0; i < kMaxTicks; ++i) {
    const double v = first + step * i;
    if (v > r.max + step * 1e-9) break;
    ticks->values[ticks->count] = v;
    char* label = ticks->labels[ticks->count];
    FormatTick(v, step, max_abs, label, kTickLabelSize);
    ticks->max_label_width = std::max(ticks->max_label_width, ImGui::CalcTextSize(label).x);
    ++ticks->count;
  }
}

// Ticks about `spacing` pixels apart; retried wider when horizontal labels would collide.
void MakeTicks(Range r, float pixels, float spacing, bool horizontal, Ticks* ticks) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    const double target = std::max(1.0, std::floor(static_cast<double>(pixels / spacing)));
    FillTicks(r, NiceStep(r.Span() / target), ticks);
    const double step_pixels = ticks->step / r.Span() * pixels;
    if (!horizontal || step_pixels >= ticks->max_label_width + 12.0f) return;
    spacing *= 2.0f;
  }
}

// ---------------------------------------------------------------------------------------------
// Series drawing

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
    if (!IsFinite(pts[i])) {  // a gap: end the current polyline
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
    if (!IsFinite(pts[i])) continue;
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

void DrawDashedHLine(ImDrawList* draw_list, const ImRect& area, float y, ImU32 color,
                     float thickness) {
  constexpr float kDash = 8.0f, kSpace = 5.0f;
  for (float x = area.Min.x; x < area.Max.x; x += kDash + kSpace) {
    const float x_end = std::min(x + kDash, area.Max.x);
    if (g_mapping.active) {
      const ImVec2 dash[2] = {g_mapping.ToCanvas(ImVec2(x, y)), g_mapping.ToCanvas(ImVec2(x_end, y))};
      g_canvas->Polyline(dash, 2, color, thickness * g_mapping.scale);
    } else {
      draw_list->AddLine(ImVec2(x, y), ImVec2(x_end, y), color, thickness);
    }
  }
}

void DrawSeries(ImDrawList* draw_list, const Transform& t, const Point* points, const Series& s,
                bool highlighted) {
  const Point* pts = points + s.first;
  const float thickness = highlighted ? kHighlightThickness : kLineThickness;
  switch (s.kind) {
    case SeriesKind::Line:
      DrawLine(draw_list, t, pts, s.count, s.color, thickness);
      break;
    case SeriesKind::Scatter:
      DrawScatter(draw_list, t, pts, s.count, s.color,
                  highlighted ? kMarkerRadius + 1.0f : kMarkerRadius);
      break;
    case SeriesKind::HLine:
      if (std::isfinite(pts[0].y)) {
        const float y = t.ToPixel(pts[0]).y;
        DrawDashedHLine(draw_list, t.area, y, s.color, thickness);
      }
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Frame, axes, legend, hover readout

struct Layout {
  ImRect area;  // the data area
  Ticks x_ticks, y_ticks;
  float title_height = 0.0f;
};

void DataRanges(Range* x, Range* y) {
  for (const Series& s : g_plot.series) {
    const Point* pts = g_plot.points.data() + s.first;
    if (s.kind == SeriesKind::HLine) {
      y->Include(pts[0].y);  // reference lines stay in view, but say nothing about x
      continue;
    }
    for (int i = 0; i < s.count; ++i) {
      if (!IsFinite(pts[i])) continue;
      x->Include(pts[i].x);
      y->Include(pts[i].y);
    }
  }
}

Transform ResolveLimits(const ImRect& area) {
  Range data_x, data_y;
  DataRanges(&data_x, &data_y);
  const PlotMemory& memory = MemoryFor(g_plot.id);
  const double padding[2] = {kFitPaddingX, kFitPaddingY};
  Range resolved[2];
  const Range data[2] = {data_x, data_y};
  for (int axis = 0; axis < 2; ++axis) {
    const Range* limits = memory.has_limits[axis] ? &memory.limits[axis] : nullptr;
    resolved[axis] = ResolveAxis(g_plot.axes[axis].flags, data[axis], limits, padding[axis]);
  }
  return Transform{area, resolved[0], resolved[1]};
}

// Places the data area inside the frame: title on top, x ticks and label below, y on the left.
Transform ComputeLayout(Layout* layout) {
  const float line = ImGui::GetTextLineHeight();
  const ImRect inner(g_plot.frame.Min + ImVec2(kPadding, kPadding),
                     g_plot.frame.Max - ImVec2(kPadding, kPadding));
  const AxisSetup& ax = g_plot.axes[Axis_X];
  const AxisSetup& ay = g_plot.axes[Axis_Y];
  layout->title_height = g_plot.title_end > 0 ? line + kGap : 0.0f;
  const float x_label_height = ax.label_end > ax.label_begin ? line + kGap : 0.0f;
  const float y_label_width = ay.label_end > ay.label_begin ? line + 2.0f * kGap : 0.0f;
  ImRect area(inner.Min + ImVec2(0.0f, layout->title_height),
              inner.Max - ImVec2(0.0f, x_label_height + line + kTickLength + kGap));
  // y ticks depend only on the height, and their labels decide where the area starts.
  Transform t = ResolveLimits(area);
  MakeTicks(t.y, area.GetHeight(), kMinTickSpacingY, false, &layout->y_ticks);
  area.Min.x += y_label_width + layout->y_ticks.max_label_width + kTickLength + kGap;
  area.Max.x -= layout->y_ticks.max_label_width * 0.25f;  // room for the last x label overhang
  MakeTicks(t.x, area.GetWidth(), kMinTickSpacingX, true, &layout->x_ticks);
  t.area = area;
  layout->area = area;
  return t;
}

void DrawFrameAndAxes(ImDrawList* draw_list, const Transform& t, const Layout& layout) {
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_color = ImGui::GetColorU32(ImGuiCol_Text, 0.12f);
  const ImU32 border_color = ImGui::GetColorU32(ImGuiCol_Border);
  const float line = ImGui::GetTextLineHeight();
  const ImRect& frame = g_plot.frame;
  const ImRect& area = t.area;
  draw_list->AddRectFilled(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f),
                           ImGui::GetStyle().FrameRounding);
  draw_list->AddRectFilled(area.Min, area.Max, ImGui::GetColorU32(ImGuiCol_WindowBg));
  if (g_plot.title_end > 0) {
    const ImVec2 size = TextSize(0, g_plot.title_end);
    const float x = std::max(frame.Min.x + kPadding, area.GetCenter().x - size.x * 0.5f);
    draw_list->AddText(ImVec2(x, frame.Min.y + kPadding), text_color, TextAt(0),
                       TextAt(g_plot.title_end));
  }
  for (int i = 0; i < layout.x_ticks.count; ++i) {
    const float x = IM_ROUND(static_cast<float>(t.PixelX(layout.x_ticks.values[i])));
    if (x < area.Min.x - 0.5f || x > area.Max.x + 0.5f) continue;
    draw_list->AddLine(ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), grid_color);
    draw_list->AddLine(ImVec2(x, area.Max.y), ImVec2(x, area.Max.y + kTickLength), border_color);
    const char* label = layout.x_ticks.labels[i];
    const float w = ImGui::CalcTextSize(label).x;
    const float lx = std::clamp(x - w * 0.5f, frame.Min.x, frame.Max.x - w);
    draw_list->AddText(ImVec2(lx, area.Max.y + kTickLength + kGap * 0.5f), text_color, label);
  }
  for (int i = 0; i < layout.y_ticks.count; ++i) {
    const float y = IM_ROUND(static_cast<float>(t.PixelY(layout.y_ticks.values[i])));
    if (y < area.Min.y - 0.5f || y > area.Max.y + 0.5f) continue;
    draw_list->AddLine(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y), grid_color);
    draw_list->AddLine(ImVec2(area.Min.x - kTickLength, y), ImVec2(area.Min.x, y), border_color);
    const char* label = layout.y_ticks.labels[i];
    const ImVec2 size = ImGui::CalcTextSize(label);
    const float ly = std::clamp(y - size.y * 0.5f, frame.Min.y, frame.Max.y - size.y);
    draw_list->AddText(ImVec2(area.Min.x - kTickLength - kGap - size.x, ly), text_color, label);
  }
  draw_list->AddRect(area.Min, area.Max, border_color);
  const AxisSetup& ax = g_plot.axes[Axis_X];
  if (ax.label_end > ax.label_begin) {
    const ImVec2 size = TextSize(ax.label_begin, ax.label_end);
    const ImVec2 pos(area.GetCenter().x - size.x * 0.5f, frame.Max.y - kPadding - line);
    draw_list->AddText(pos, text_color, TextAt(ax.label_begin), TextAt(ax.label_end));
  }
  const AxisSetup& ay = g_plot.axes[Axis_Y];
  if (ay.label_end > ay.label_begin) {
    const ImVec2 size = TextSize(ay.label_begin, ay.label_end);
    const ImVec2 pos(frame.Min.x + kPadding, area.GetCenter().y + size.x * 0.5f);
    AddTextVertical(draw_list, pos, text_color, TextAt(ay.label_begin), TextAt(ay.label_end));
  }
}

bool InLegend(const Series& s) { return s.label_end > s.label_begin; }

// Legend box in the top-right corner of the data area; one row per labelled series.
ImRect LegendRect(const ImRect& area) {
  float width = 0.0f;
  int rows = 0;
  for (const Series& s : g_plot.series) {
    if (!InLegend(s)) continue;
    width = std::max(width, TextSize(s.label_begin, s.label_end).x);
    ++rows;
  }
  if (rows == 0) return ImRect();
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 size(width + line + 3.0f * kGap * 2.0f,
                    static_cast<float>(rows) * line + 2.0f * kGap);
  const ImVec2 top_right(area.Max.x - kPadding, area.Min.y + kPadding);
  return ImRect(ImVec2(top_right.x - size.x, top_right.y),
                ImVec2(top_right.x, top_right.y + size.y));
}

// Index of the legend row under the mouse, or -1.
int HoveredLegendSeries(const ImRect& legend) {
  if (!g_plot.hovered || !legend.Contains(ImGui::GetIO().MousePos)) return -1;
  const float line = ImGui::GetTextLineHeight();
  const int row = static_cast<int>((ImGui::GetIO().MousePos.y - legend.Min.y - kGap) / line);
  int seen = 0;
  for (int i = 0; i < static_cast<int>(g_plot.series.size()); ++i) {
    if (!InLegend(g_plot.series[i])) continue;
    if (seen++ == row) return i;
  }
  return -1;
}

void DrawLegend(ImDrawList* draw_list, const ImRect& legend) {
  if (legend.GetWidth() <= 0.0f) return;
  const float line = ImGui::GetTextLineHeight();
  draw_list->AddRectFilled(legend.Min, legend.Max, ImGui::GetColorU32(ImGuiCol_PopupBg, 0.85f));
  draw_list->AddRect(legend.Min, legend.Max, ImGui::GetColorU32(ImGuiCol_Border));
  ImVec2 pos = legend.Min + ImVec2(kGap * 2.0f, kGap);
  for (const Series& s : g_plot.series) {
    if (!InLegend(s)) continue;
    const float mid = pos.y + line * 0.5f;
    if (s.kind == SeriesKind::Scatter) {
      draw_list->AddCircleFilled(ImVec2(pos.x + line * 0.5f, mid), kMarkerRadius + 0.5f, s.color);
    } else {
      draw_list->AddLine(ImVec2(pos.x, mid), ImVec2(pos.x + line, mid), s.color, kLineThickness);
    }
    draw_list->AddText(ImVec2(pos.x + line + kGap * 2.0f, pos.y), ImGui::GetColorU32(ImGuiCol_Text),
                       TextAt(s.label_begin), TextAt(s.label_end));
    pos.y += line;
  }
}

// Index of the finite point whose x is nearest to `x`, or -1.
int NearestByX(const Series& s, double x) {
  const Point* pts = g_plot.points.data() + s.first;
  int best = -1;
  double best_distance = INFINITY;
  for (int i = 0; i < s.count; ++i) {
    if (!IsFinite(pts[i])) continue;
    const double distance = std::fabs(pts[i].x - x);
    if (distance < best_distance) best = i, best_distance = distance;
  }
  return best;
}

// The data x nearest to the mouse among all visible points, or the mouse x itself.
double SnapX(const Transform& t, double mouse_x) {
  double best = mouse_x;
  double best_distance = INFINITY;
  for (const Series& s : g_plot.series) {
    if (s.kind == SeriesKind::HLine) continue;
    const Point* pts = g_plot.points.data() + s.first;
    for (int i = 0; i < s.count; ++i) {
      const double x = pts[i].x;
      if (!IsFinite(pts[i]) || x < t.x.min || x > t.x.max) continue;
      const double distance = std::fabs(x - mouse_x);
      if (distance < best_distance) best = x, best_distance = distance;
    }
  }
  return best;
}

void TooltipSwatch(ImU32 color) {
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(p + ImVec2(0.0f, line * 0.2f),
                                            p + ImVec2(line * 0.6f, line * 0.8f), color);
  ImGui::Dummy(ImVec2(line * 0.6f, line));
  ImGui::SameLine();
}

void TooltipRow(const Series& s, int index, double x, double span_x) {
  TooltipSwatch(s.color);
  const char* name = s.label_end > s.label_begin ? TextAt(s.label_begin) : "(unnamed)";
  const int name_len = s.label_end > s.label_begin ? s.label_end - s.label_begin : 9;
  if (index < 0) {
    ImGui::Text("%.*s: -", name_len, name);
    return;
  }
  const Point p = g_plot.points[static_cast<size_t>(s.first + index)];
  if (s.kind != SeriesKind::HLine && std::fabs(p.x - x) > span_x * 1e-9) {
    ImGui::Text("%.*s: %.6g  (at x = %.6g)", name_len, name, p.y, p.x);
  } else {
    ImGui::Text("%.*s: %.6g", name_len, name, p.y);
  }
}

// Vertical crosshair at the data x nearest the mouse, a marker on each series, and a tooltip
// with x and every series' value there.
void DrawHoverReadout(ImDrawList* draw_list, const Transform& t) {
  const float mouse_x = ImGui::GetIO().MousePos.x;
  const double x = SnapX(t, t.DataX(mouse_x));
  const float px = IM_ROUND(static_cast<float>(t.PixelX(x)));
  draw_list->AddLine(ImVec2(px, t.area.Min.y), ImVec2(px, t.area.Max.y),
                     ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
  for (const Series& s : g_plot.series) {
    if (s.kind == SeriesKind::HLine) continue;
    const int i = NearestByX(s, x);
    if (i < 0) continue;
    const ImVec2 p = t.ToPixel(g_plot.points[static_cast<size_t>(s.first + i)]);
    if (t.area.Contains(p)) draw_list->AddCircle(p, kMarkerRadius + 2.0f, s.color, 12, 1.5f);
  }
  if (!ImGui::BeginTooltip()) return;
  ImGui::Text("x = %.6g", x);
  for (const Series& s : g_plot.series) {
    TooltipRow(s, s.kind == SeriesKind::HLine ? 0 : NearestByX(s, x), x, t.x.Span());
  }
  ImGui::EndTooltip();
}

void DrawMouseText(ImDrawList* draw_list, const Transform& t) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.4g, %.4g", t.DataX(mouse.x), t.DataY(mouse.y));
  const ImVec2 size = ImGui::CalcTextSize(buf);
  draw_list->AddText(t.area.Max - size - ImVec2(kGap * 2.0f, kGap),
                     ImGui::GetColorU32(ImGuiCol_Text, 0.8f), buf);
}

void ResetPlotState() {
  g_plot.active = false;
  g_plot.text.clear();
  g_plot.points.clear();
  g_plot.series.clear();
  g_plot.has_next_color = false;
}

template <typename GetPoint>
void AddSeries(SeriesKind kind, const char* label_id, int count, GetPoint get_point) {
  IM_ASSERT(g_plot.active && "hplot: Plot* called outside BeginPlot()/EndPlot()");
  if (!g_plot.active) return;
  Series s;
  s.kind = kind;
  if (g_plot.has_next_color) {
    s.color = g_plot.next_color;
    g_plot.has_next_color = false;
  } else {
    s.color = PaletteColor(static_cast<int>(g_plot.series.size()));
  }
  AppendLabel(label_id, &s.label_begin, &s.label_end);
  s.first = static_cast<int>(g_plot.points.size());
  s.count = std::max(count, 0);
  for (int i = 0; i < s.count; ++i) g_plot.points.push_back(get_point(i));
  g_plot.series.push_back(s);
}

}  // namespace

// -----------------------------------------------------------------------------------------------
// Public API

// ---------------------------------------------------------------------------------------------
// LineCanvas

namespace {

struct Paint {  // a colour as floats in [0, 1]
  float r, g, b, a;
  static Paint From(ImU32 c) {
    const float unit = 1.0f / 255.0f;
    return {static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xFF) * unit,
            static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xFF) * unit,
            static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xFF) * unit,
            static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * unit};
  }
  // Blends this colour, at `coverage` of its alpha, over a premultiplied pixel ("over").
  void Over(float* dst, float coverage) const {
    const float k = coverage * a;
    dst[0] = r * k + dst[0] * (1.0f - k);
    dst[1] = g * k + dst[1] * (1.0f - k);
    dst[2] = b * k + dst[2] * (1.0f - k);
    dst[3] = k + dst[3] * (1.0f - k);
  }
};

}  // namespace

void SetImageUploader(ImageUploader upload) { g_upload = upload; }

void SetRasterBudget(double ms_per_frame) { g_raster_budget_ms = std::max(0.0, ms_per_frame); }

void LineCanvas::Reset(int width, int height) {
  width_ = std::max(0, width);
  height_ = std::max(0, height);
  const std::size_t n = static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_);
  premultiplied_.assign(4 * n, 0.0f);
  coverage_.assign(n, 0.0f);
  touched_lo_.assign(static_cast<std::size_t>(width_), height_);
  touched_hi_.assign(static_cast<std::size_t>(width_), -1);
  first_touched_ = width_;
  last_touched_ = -1;
}

void LineCanvas::Polyline(const ImVec2* points, int count, ImU32 color, float thickness) {
  if (width_ == 0 || height_ == 0 || points == nullptr || !(thickness > 0.0f)) return;
  const float half_width = 0.5f * thickness;
  finite_.clear();
  for (int i = 0; i < count; ++i)
    if (std::isfinite(points[i].x) && std::isfinite(points[i].y)) finite_.push_back(points[i]);
  const int n = static_cast<int>(finite_.size());
  if (n == 0) return;
  bool monotone = true;
  for (int i = 1; i < n && monotone; ++i) monotone = finite_[i].x >= finite_[i - 1].x;
  const float span = finite_.back().x - finite_.front().x;
  if (monotone && n >= 3 && static_cast<float>(n - 1) > span) {
    DenseColumns(half_width, color);  // a time series with more than one point per column
    return;                           // (blended as it goes)
  }
  if (n == 1) {
    Segment(finite_[0], finite_[0], half_width);  // a dot
  } else {
    for (int i = 1; i < n; ++i) Segment(finite_[i - 1], finite_[i], half_width);
  }
  Composite(color);
}

// For a polyline whose x never decreases and that has more points than pixel columns (a long
// time series): each column's part of the line is summarised by the vertical extent
// [lo, hi] it spans there, drawn as a bar at the column's centre, and a pixel's distance to
// the line is its distance to the nearest bar. That is exact along horizontal runs and for the
// vertical strokes a dense series is made of, and generous on steady slopes (a straight line
// covers 15% more pixels at 45 degrees, 35% more at 63; a pixel's coverage is never off by
// more than 1/2). It costs per pixel drawn instead of per (segment, pixel) pair: measured 3x
// less than segment by segment for 20 series of 4 points per column.
void LineCanvas::DenseColumns(float half_width, ImU32 color) {
  const Paint paint = Paint::From(color);
  const float reach = half_width + 0.5f;
  const float inf = std::numeric_limits<float>::infinity();
  lo_.assign(static_cast<std::size_t>(width_), inf);
  hi_.assign(static_cast<std::size_t>(width_), -inf);
  // Extents per column, from the segments (and their parts) inside it. y is clamped to a band
  // around the canvas: beyond it nothing is drawn anyway.
  const float y_min = -reach - 2.0f, y_max = static_cast<float>(height_) + reach + 2.0f;
  float* lo = lo_.data();
  float* hi = hi_.data();
  const float right = static_cast<float>(width_);
  for (std::size_t i = 1; i < finite_.size(); ++i) {
    const ImVec2 a = finite_[i - 1], b = finite_[i];
    if (b.x < 0.0f || a.x >= right) continue;
    const int first = static_cast<int>(std::floor(std::max(a.x, 0.0f)));
    const int last = std::min(width_ - 1, static_cast<int>(std::floor(std::min(b.x, right - 0.001f))));
    if (first == last) {  // the usual case in a dense series: both ends in one column
      lo[first] = std::min(lo[first], std::clamp(std::min(a.y, b.y), y_min, y_max));
      hi[first] = std::max(hi[first], std::clamp(std::max(a.y, b.y), y_min, y_max));
      continue;
    }
    const float slope = (b.y - a.y) / (b.x - a.x);  // b.x > a.x here
    for (int col = first; col <= last; ++col) {
      const float y0 = a.y + (std::max(a.x, static_cast<float>(col)) - a.x) * slope;
      const float y1 = a.y + (std::min(b.x, static_cast<float>(col + 1)) - a.x) * slope;
      lo[col] = std::min(lo[col], std::clamp(std::min(y0, y1), y_min, y_max));
      hi[col] = std::max(hi[col], std::clamp(std::max(y0, y1), y_min, y_max));
    }
  }
  const int neighbours = static_cast<int>(std::ceil(reach)) - 1;  // bars |dx| < reach away
  const float outer = reach * reach;
  const float inner = reach > 1.0f ? (reach - 1.0f) * (reach - 1.0f) : -1.0f;
  for (int col = 0; col < width_; ++col) {
    const int k0 = std::max(0, col - neighbours), k1 = std::min(width_ - 1, col + neighbours);
    float top = inf, bottom = -inf;
    for (int k = k0; k <= k1; ++k) {
      top = std::min(top, lo_[static_cast<std::size_t>(k)]);
      bottom = std::max(bottom, hi_[static_cast<std::size_t>(k)]);
    }
    if (top > bottom) continue;  // no bar near this column
    const int first_row = std::max(0, static_cast<int>(std::floor(top - reach - 0.5f)));
    const int last_row = std::min(height_ - 1, static_cast<int>(std::ceil(bottom + reach - 0.5f)));
    if (first_row > last_row) continue;
    const std::size_t c = static_cast<std::size_t>(col);
    // Rows whose centre lies on the column's own bar are fully covered; the others take the
    // nearest bar, this column's or a neighbour's. Each pixel is visited once per polyline,
    // so it is blended here directly (no coverage buffer, no joins drawn twice).
    const float own_lo = lo_[c], own_hi = hi_[c];
    const int inside_first = own_lo <= own_hi ? static_cast<int>(std::ceil(own_lo - 0.5f)) : 1;
    const int inside_last = own_lo <= own_hi ? static_cast<int>(std::floor(own_hi - 0.5f)) : 0;
    float* dst = &premultiplied_[4 * (c * static_cast<std::size_t>(height_) + static_cast<std::size_t>(first_row))];
    for (int row = first_row; row <= last_row; ++row, dst += 4) {
      float cover = 1.0f;
      if (row < inside_first || row > inside_last) {
        const float cy = static_cast<float>(row) + 0.5f;
        float nearest = outer;  // squared distance to the nearest bar
        for (int k = k0; k <= k1; ++k) {
          const float l = lo_[static_cast<std::size_t>(k)], h = hi_[static_cast<std::size_t>(k)];
          if (l > h) continue;
          const float v = std::max(0.0f, std::max(l - cy, cy - h));
          const float dx = static_cast<float>(k - col);
          nearest = std::min(nearest, dx * dx + v * v);
        }
        if (nearest >= outer) continue;
        cover = nearest <= inner ? 1.0f : std::min(1.0f, reach - std::sqrt(nearest));
      }
      paint.Over(dst, cover);
    }
  }
}

// Raises the coverage of the pixels within half_width + 1/2 of segment ab, column by column:
// in column i only the rows the segment can reach from that column's x range are visited, so
// the cost follows the pixels drawn, not the segment's bounding box.
void LineCanvas::Segment(ImVec2 a, ImVec2 b, float half_width) {
  // Clip to the canvas grown by more than the reach (Liang-Barsky, in double): what is cut off
  // is too far from every pixel centre to cover it, and far-away points keep their precision.
  const double margin = static_cast<double>(half_width) + 2.0;
  const double lo[2] = {-margin, -margin};
  const double hi[2] = {width_ + margin, height_ + margin};
  const double p0[2] = {a.x, a.y};
  const double d[2] = {static_cast<double>(b.x) - a.x, static_cast<double>(b.y) - a.y};
  double t0 = 0.0, t1 = 1.0;
  for (int axis = 0; axis < 2; ++axis) {
    if (d[axis] == 0.0) {
      if (p0[axis] < lo[axis] || p0[axis] > hi[axis]) return;
      continue;
    }
    double enter = (lo[axis] - p0[axis]) / d[axis], leave = (hi[axis] - p0[axis]) / d[axis];
    if (enter > leave) std::swap(enter, leave);
    t0 = std::max(t0, enter);
    t1 = std::min(t1, leave);
    if (t0 > t1) return;
  }
  a = ImVec2(static_cast<float>(p0[0] + t0 * d[0]), static_cast<float>(p0[1] + t0 * d[1]));
  b = ImVec2(static_cast<float>(p0[0] + t1 * d[0]), static_cast<float>(p0[1] + t1 * d[1]));
  const float reach = half_width + 0.5f;  // centres farther than this get no coverage
  const float x_lo = std::min(a.x, b.x), x_hi = std::max(a.x, b.x);
  const int first_col = std::max(0, static_cast<int>(std::floor(x_lo - reach - 0.5f)));
  const int last_col = std::min(width_ - 1, static_cast<int>(std::ceil(x_hi + reach - 0.5f)));
  const ImVec2 ab = b - a;
  const float length2 = ab.x * ab.x + ab.y * ab.y;
  const float inv_length2 = length2 > 0.0f ? 1.0f / length2 : 0.0f;
  const auto y_at = [&](float x) {  // on the segment's line; only used where ab.x != 0
    return a.y + (x - a.x) / ab.x * ab.y;
  };
  // Squared distances: beyond `outer` no coverage, within `inner` full coverage.
  const float outer = reach * reach;
  const float inner = reach > 1.0f ? (reach - 1.0f) * (reach - 1.0f) : -1.0f;
  first_touched_ = std::min(first_touched_, first_col);
  last_touched_ = std::max(last_touched_, last_col);
  for (int col = first_col; col <= last_col; ++col) {
    const float cx = static_cast<float>(col) + 0.5f;
    // The part of the segment whose x is within reach of this column's centres.
    float y_lo = std::min(a.y, b.y), y_hi = std::max(a.y, b.y);
    if (x_hi > x_lo) {
      const float left = std::clamp(cx - reach, x_lo, x_hi);
      const float right = std::clamp(cx + reach, x_lo, x_hi);
      y_lo = std::min(y_at(left), y_at(right));
      y_hi = std::max(y_at(left), y_at(right));
    }
    // A centre dx away (in x) from the segment's x span is reached only within
    // sqrt(reach^2 - dx^2) of it in y.
    const float dx = std::max(0.0f, std::max(x_lo - cx, cx - x_hi));
    if (dx >= reach) continue;
    const float reach_y = std::sqrt(reach * reach - dx * dx);
    const int first_row = std::max(0, static_cast<int>(std::floor(y_lo - reach_y - 0.5f)));
    const int last_row = std::min(height_ - 1, static_cast<int>(std::ceil(y_hi + reach_y - 0.5f)));
    if (first_row > last_row) continue;
    const std::size_t c = static_cast<std::size_t>(col);
    touched_lo_[c] = std::min(touched_lo_[c], first_row);
    touched_hi_[c] = std::max(touched_hi_[c], last_row);
    const float px = cx - a.x;
    float* kept = &coverage_[c * static_cast<std::size_t>(height_) + static_cast<std::size_t>(first_row)];
    for (int row = first_row; row <= last_row; ++row, ++kept) {
      if (*kept >= 1.0f) continue;  // already fully covered by an earlier segment
      const float py = static_cast<float>(row) + 0.5f - a.y;
      const float along = std::clamp((px * ab.x + py * ab.y) * inv_length2, 0.0f, 1.0f);
      const float ex = px - ab.x * along, ey = py - ab.y * along;
      const float distance2 = ex * ex + ey * ey;
      if (distance2 >= outer) continue;
      const float cover = distance2 <= inner ? 1.0f : std::min(1.0f, reach - std::sqrt(distance2));
      *kept = std::max(*kept, cover);
    }
  }
}

// Blends the polyline just rasterised (its coverage times the colour's alpha) over the canvas
// ("over" in premultiplied alpha), and clears its coverage.
void LineCanvas::Composite(ImU32 color) {
  const Paint paint = Paint::From(color);
  for (int col = first_touched_; col <= last_touched_; ++col) {
    const std::size_t c = static_cast<std::size_t>(col);
    for (int row = touched_lo_[c]; row <= touched_hi_[c]; ++row) {
      const std::size_t i = c * static_cast<std::size_t>(height_) + static_cast<std::size_t>(row);
      if (coverage_[i] > 0.0f) paint.Over(&premultiplied_[4 * i], coverage_[i]);
      coverage_[i] = 0.0f;
    }
    touched_lo_[c] = height_;
    touched_hi_[c] = -1;
  }
  first_touched_ = width_;
  last_touched_ = -1;
}

const std::uint32_t* LineCanvas::Pixels() {
  pixels_.resize(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_));
  const auto byte = [](float v) {  // v in [0, 1] up to rounding; round to nearest
    return static_cast<ImU32>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
  };
  // The canvas is stored column by column (the rasterisers walk columns); the image is rows.
  for (int col = 0; col < width_; ++col) {
    const float* p = &premultiplied_[4 * static_cast<std::size_t>(col) * static_cast<std::size_t>(height_)];
    std::uint32_t* out = &pixels_[static_cast<std::size_t>(col)];
    for (int row = 0; row < height_; ++row, p += 4, out += width_) {
      if (p[3] <= 0.0f) {
        *out = 0;
        continue;
      }
      const float unpremultiply = 1.0f / p[3];
      *out = (byte(p[0] * unpremultiply) << IM_COL32_R_SHIFT) |
             (byte(p[1] * unpremultiply) << IM_COL32_G_SHIFT) |
             (byte(p[2] * unpremultiply) << IM_COL32_B_SHIFT) | (byte(p[3]) << IM_COL32_A_SHIFT);
    }
  }
  return pixels_.data();
}

ImU32 PaletteColor(int index) {
  // Seaborn "deep", as ImPlot's Deep colormap: distinct on dark and light backgrounds.
  static const ImU32 kPalette[] = {IM_COL32(76, 114, 176, 255),  IM_COL32(221, 132, 82, 255),
                                   IM_COL32(85, 168, 104, 255),  IM_COL32(196, 78, 82, 255),
                                   IM_COL32(129, 114, 179, 255), IM_COL32(147, 120, 96, 255),
                                   IM_COL32(218, 139, 195, 255), IM_COL32(140, 140, 140, 255),
                                   IM_COL32(204, 185, 116, 255), IM_COL32(100, 181, 205, 255)};
  const int n = static_cast<int>(IM_ARRAYSIZE(kPalette));
  return kPalette[((index % n) + n) % n];
}

bool BeginPlot(const char* title_id, ImVec2 size, int flags) {
  IM_ASSERT(!g_plot.active && "hplot: BeginPlot() without EndPlot() for the previous plot");
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems || g_plot.active) return false;
  const ImGuiID id = window->GetID(title_id);
  const ImVec2 frame_size =
      ImGui::CalcItemSize(size, ImGui::GetContentRegionAvail().x, kDefaultHeight);
  const ImRect frame(window->DC.CursorPos, window->DC.CursorPos + frame_size);
  ImGui::ItemSize(frame);
  if (!ImGui::ItemAdd(frame, id)) return false;
  bool hovered = false, held = false;
  ImGui::ButtonBehavior(frame, id, &hovered,
                        &held);  // owns clicks: dragging a plot won't move the window
  ResetPlotState();
  g_plot.active = true;
  g_plot.id = id;
  g_plot.flags = flags;
  g_plot.frame = frame;
  g_plot.hovered = hovered;
  g_plot.axes[Axis_X] = AxisSetup{};
  g_plot.axes[Axis_Y] = AxisSetup{};
  int title_begin = 0;
  AppendLabel(title_id, &title_begin, &g_plot.title_end);
  return true;
}

void SetupAxes(const char* x_label, const char* y_label, int x_flags, int y_flags) {
  IM_ASSERT(g_plot.active && "hplot: SetupAxes() outside BeginPlot()/EndPlot()");
  if (!g_plot.active) return;
  AxisSetup& x = g_plot.axes[Axis_X];
  AxisSetup& y = g_plot.axes[Axis_Y];
  x.flags = x_flags;
  y.flags = y_flags;
  AppendLabel(x_label, &x.label_begin, &x.label_end);
  AppendLabel(y_label, &y.label_begin, &y.label_end);
}

void SetupAxisLimits(Axis axis, double v_min, double v_max, Cond cond) {
  IM_ASSERT(g_plot.active && "hplot: SetupAxisLimits() outside BeginPlot()/EndPlot()");
  if (!g_plot.active || (axis != Axis_X && axis != Axis_Y)) return;
  if (!std::isfinite(v_min) || !std::isfinite(v_max)) return;
  PlotMemory& memory = MemoryFor(g_plot.id);
  if (cond == Cond_Once && memory.has_limits[axis]) return;
  memory.has_limits[axis] = true;
  memory.limits[axis] = Range{std::min(v_min, v_max), std::max(v_min, v_max)};
}

void PlotLine(const char* label_id, const double* xs, const double* ys, int count) {
  if (xs == nullptr || ys == nullptr) count = 0;
  AddSeries(SeriesKind::Line, label_id, count, [&](int i) { return Point{xs[i], ys[i]}; });
}

void PlotLine(const char* label_id, const double* ys, int count, double x_start, double x_step) {
  if (ys == nullptr) count = 0;
  AddSeries(SeriesKind::Line, label_id, count, [&](int i) {
    return Point{x_start + x_step * i, ys[i]};
  });
}

void PlotLine(const char* label_id, const int* ys, int count, double x_start, double x_step) {
  if (ys == nullptr) count = 0;
  AddSeries(SeriesKind::Line, label_id, count, [&](int i) {
    return Point{x_start + x_step * i, static_cast<double>(ys[i])};
  });
}

void PlotScatter(const char* label_id, const double* xs, const double* ys, int count) {
  if (xs == nullptr || ys == nullptr) count = 0;
  AddSeries(SeriesKind::Scatter, label_id, count, [&](int i) { return Point{xs[i], ys[i]}; });
}

void PlotHLine(const char* label_id, double y) {
  AddSeries(SeriesKind::HLine, label_id, 1, [&](int) { return Point{0.0, y}; });
}

SeriesDownsampler::SeriesDownsampler(int max_buckets)
    : max_buckets_(std::max(2, max_buckets + (max_buckets & 1))) {}

void SeriesDownsampler::Clear() {
  bucket_len_ = 1;
  count_ = 0;
  buckets_.clear();
  points_valid_ = false;
}

void SeriesDownsampler::Append(double y) {
  const int index = count_++;
  const int nb = static_cast<int>(buckets_.size());
  if (nb == 0 || index - (nb - 1) * bucket_len_ >= bucket_len_) {  // the last bucket is full
    if (nb == max_buckets_) Merge();
    buckets_.push_back(Bucket{});
  }
  points_valid_ = false;
  if (!std::isfinite(y)) return;
  Bucket& b = buckets_.back();
  if (b.i_min < 0 || y < b.y_min) b.i_min = index, b.y_min = y;
  if (b.i_max < 0 || y > b.y_max) b.i_max = index, b.y_max = y;
}

// Every bucket is full here (max_buckets_ is even): pairs become one bucket of twice the length.
void SeriesDownsampler::Merge() {
  const std::size_t half = buckets_.size() / 2;
  for (std::size_t k = 0; k < half; ++k) {
    const Bucket& a = buckets_[2 * k];
    const Bucket& b = buckets_[2 * k + 1];
    Bucket m = a;
    if (b.i_min >= 0 && (m.i_min < 0 || b.y_min < m.y_min)) m.i_min = b.i_min, m.y_min = b.y_min;
    if (b.i_max >= 0 && (m.i_max < 0 || b.y_max > m.y_max)) m.i_max = b.i_max, m.y_max = b.y_max;
    buckets_[k] = m;
  }
  buckets_.resize(half);
  bucket_len_ *= 2;
}

void SeriesDownsampler::BuildPoints() {
  if (points_valid_) return;
  xs_.clear();
  ys_.clear();
  const auto add = [&](int i, double y) {
    xs_.push_back(static_cast<double>(i));
    ys_.push_back(y);
  };
  for (const Bucket& b : buckets_) {
    if (b.i_min < 0) continue;
    if (b.i_min == b.i_max) {
      add(b.i_min, b.y_min);
    } else if (b.i_min < b.i_max) {
      add(b.i_min, b.y_min);
      add(b.i_max, b.y_max);
    } else {
      add(b.i_max, b.y_max);
      add(b.i_min, b.y_min);
    }
  }
  points_valid_ = true;
}

int SeriesDownsampler::PointCount() {
  BuildPoints();
  return static_cast<int>(xs_.size());
}

const double* SeriesDownsampler::Xs() {
  BuildPoints();
  return xs_.data();
}

const double* SeriesDownsampler::Ys() {
  BuildPoints();
  return ys_.data();
}

void SeriesDownsampler::Plot(const char* label_id) {
  BuildPoints();
  PlotLine(label_id, xs_.data(), ys_.data(), static_cast<int>(xs_.size()));
}

void SetNextLineColor(ImU32 color) {
  g_plot.has_next_color = true;
  g_plot.next_color = color;
}

void EndPlot() {
  IM_ASSERT(g_plot.active && "hplot: EndPlot() without a successful BeginPlot()");
  if (!g_plot.active) return;
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  Layout layout;
  const Transform t = ComputeLayout(&layout);
  if (t.area.GetWidth() < 8.0f || t.area.GetHeight() < 8.0f) {  // too small to say anything
    ResetPlotState();
    return;
  }
  DrawFrameAndAxes(draw_list, t, layout);
  const ImRect legend = (g_plot.flags & PlotFlags_NoLegend) ? ImRect() : LegendRect(t.area);
  const int highlighted = HoveredLegendSeries(legend);
  const bool mouse_in_area = g_plot.hovered && t.area.Contains(ImGui::GetIO().MousePos);
  draw_list->PushClipRect(t.area.Min, t.area.Max, true);
  if (g_upload != nullptr && !g_plot.series.empty()) {
    // One canvas pixel per framebuffer pixel, aligned with them, covering the data area.
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0.0f
                            ? ImGui::GetIO().DisplayFramebufferScale.x
                            : 1.0f;
    const ImVec2 min(std::floor(t.area.Min.x * scale), std::floor(t.area.Min.y * scale));
    const ImVec2 max(std::ceil(t.area.Max.x * scale), std::ceil(t.area.Max.y * scale));
    const int w = static_cast<int>(max.x - min.x), h = static_cast<int>(max.y - min.y);
    // Everything the picture depends on: where it goes, the limits, and every series.
    const auto bytes = [](const void* p, std::size_t n) {
      return std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(p), n));
    };
    const double frame[11] = {t.area.Min.x, t.area.Min.y, t.area.Max.x, t.area.Max.y, scale,
                              t.x.min, t.x.max, t.y.min, t.y.max, static_cast<double>(highlighted),
                              static_cast<double>(g_plot.series.size())};
    std::size_t hash = bytes(frame, sizeof frame);
    for (const Series& series : g_plot.series) {
      const std::uint32_t head[3] = {static_cast<std::uint32_t>(series.kind), series.color,
                                     static_cast<std::uint32_t>(series.count)};
      hash = hash * 31 + bytes(head, sizeof head);
      hash = hash * 31 + bytes(g_plot.points.data() + series.first,
                               static_cast<std::size_t>(series.count) * sizeof(Point));
    }
    PlotMemory& memory = MemoryFor(g_plot.id);
    const bool has_picture = !memory.canvas_pixels.empty();
    if (!memory.job) memory.job = std::make_shared<CanvasJob>();
    CanvasJob& job = *memory.job;
    if (memory.canvas_hash == hash && memory.canvas_w == w && memory.canvas_h == h) {
      job.active = false;  // what is shown is up to date
    } else {
      if (!job.active) {  // else the picture under way is finished first: the plot keeps moving
        job.active = true;
        job.hash = hash;
        job.w = w;
        job.h = h;
        job.t = t;
        job.mapping = CanvasMapping{true, min / scale, scale};
        job.highlighted = highlighted;
        job.series = g_plot.series;
        job.points = g_plot.points;
        job.next = 0;
        job.canvas.Reset(w, h);
      }
      // Series by series while the frame's budget lasts, at least one; all of them when
      // there is no picture to show meanwhile.
      const int frame_count = ImGui::GetFrameCount();
      if (frame_count != g_raster_frame) {
        g_raster_frame = frame_count;
        g_raster_spent_ms = 0.0;
      }
      g_canvas = &job.canvas;
      g_mapping = job.mapping;
      for (bool first = true; job.next < static_cast<int>(job.series.size()); first = false) {
        if (!first && has_picture && g_raster_budget_ms > 0.0 && g_raster_spent_ms >= g_raster_budget_ms)
          break;
        const auto start = std::chrono::steady_clock::now();
        DrawSeries(draw_list, job.t, job.points.data(), job.series[static_cast<std::size_t>(job.next)],
                   job.next == job.highlighted);
        g_raster_spent_ms +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++job.next;
      }
      g_mapping.active = false;
      g_canvas = nullptr;
      if (job.next == static_cast<int>(job.series.size())) {
        job.active = false;
        const std::uint32_t* pixels = job.canvas.Pixels();
        memory.canvas_pixels.assign(pixels, pixels + static_cast<std::size_t>(job.w) * static_cast<std::size_t>(job.h));
        memory.canvas_hash = job.hash;
        memory.canvas_w = job.w;
        memory.canvas_h = job.h;
      }
    }
    // The picture, stretched over the data area if that changed size while the next one is
    // drawn.
    const ImTextureID image = g_upload(memory.canvas_w, memory.canvas_h, memory.canvas_pixels.data());
    draw_list->AddImage(image, min / scale, max / scale);
  } else {
    for (int i = 0; i < static_cast<int>(g_plot.series.size()); ++i) {
      DrawSeries(draw_list, t, g_plot.points.data(), g_plot.series[i], i == highlighted);
    }
  }
  if (mouse_in_area && highlighted < 0 && !(g_plot.flags & PlotFlags_NoHoverReadout)) {
    DrawHoverReadout(draw_list, t);
  }
  if (mouse_in_area && !(g_plot.flags & PlotFlags_NoMouseText)) DrawMouseText(draw_list, t);
  DrawLegend(draw_list, legend);
  draw_list->PopClipRect();
  ResetPlotState();
}

ImU32 DivergingColor(float t) {
  // ColorBrewer RdBu (9 classes), blue for -1 through white to red for +1.
  static const unsigned char kStops[9][3] = {{33, 102, 172},  {67, 147, 195},  {146, 197, 222},
                                             {209, 229, 240}, {247, 247, 247}, {253, 219, 199},
                                             {244, 165, 130}, {214, 96, 77},   {178, 24, 43}};
  if (std::isnan(t)) return IM_COL32(128, 128, 128, 255);
  const float pos = (std::clamp(t, -1.0f, 1.0f) + 1.0f) * 4.0f;  // 0..8 across the stops
  const int i = std::min(static_cast<int>(pos), 7);
  const float f = pos - static_cast<float>(i);
  unsigned int rgb[3];
  for (int c = 0; c < 3; ++c) {
    const float v = kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f;
    rgb[c] = static_cast<unsigned int>(v + 0.5f);
  }
  return IM_COL32(rgb[0], rgb[1], rgb[2], 255);
}

void ColorBar(const char* label, double v_min, double v_max, ImVec2 size) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  if (label == nullptr) label = "";
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 bar_size = ImGui::CalcItemSize(size, ImGui::GetContentRegionAvail().x, 14.0f);
  const ImVec2 pos = window->DC.CursorPos;
  const ImRect bar(pos, pos + bar_size);
  const ImRect total(pos, pos + ImVec2(bar_size.x, bar_size.y + kGap + line));
  ImGui::ItemSize(total);
  if (!ImGui::ItemAdd(total, window->GetID(label))) return;
  ImDrawList* draw_list = window->DrawList;
  constexpr int kSegments = 32;  // the map is piecewise linear over 8 pieces; 32 is plenty
  for (int i = 0; i < kSegments; ++i) {
    const float t0 = static_cast<float>(i) / kSegments, t1 = static_cast<float>(i + 1) / kSegments;
    const ImU32 c0 = DivergingColor(t0 * 2.0f - 1.0f), c1 = DivergingColor(t1 * 2.0f - 1.0f);
    draw_list->AddRectFilledMultiColor(ImVec2(ImLerp(bar.Min.x, bar.Max.x, t0), bar.Min.y),
                                       ImVec2(ImLerp(bar.Min.x, bar.Max.x, t1), bar.Max.y), c0, c1,
                                       c1, c0);
  }
  draw_list->AddRect(bar.Min, bar.Max, ImGui::GetColorU32(ImGuiCol_Border));
  char min_text[32], max_text[32];
  std::snprintf(min_text, sizeof(min_text), "%.3g", v_min);
  std::snprintf(max_text, sizeof(max_text), "%.3g", v_max);
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const float text_y = bar.Max.y + kGap;
  draw_list->AddText(ImVec2(bar.Min.x, text_y), text_color, min_text);
  const float max_w = ImGui::CalcTextSize(max_text).x;
  draw_list->AddText(ImVec2(bar.Max.x - max_w, text_y), text_color, max_text);
  const char* label_end = ImGui::FindRenderedTextEnd(label);
  const float label_w = ImGui::CalcTextSize(label, label_end).x;
  draw_list->AddText(ImVec2(bar.GetCenter().x - label_w * 0.5f, text_y), text_color, label,
                     label_end);
  if (ImGui::IsItemHovered() && bar.Contains(ImGui::GetIO().MousePos)) {
    const double f = static_cast<double>((ImGui::GetIO().MousePos.x - bar.Min.x) / bar.GetWidth());
    ImGui::SetTooltip("%.4g", v_min + f * (v_max - v_min));
  }
}

// -----------------------------------------------------------------------------------------------
// Demo

namespace {

constexpr int kDemoPoints = 200;
constexpr int kDemoMaxLong = 100000;

// Deterministic pseudo-random numbers in [-1, 1] for the demo (no <random> state to set up).
double DemoNoise(std::uint32_t* state) {
  *state = *state * 1664525u + 1013904223u;
  return static_cast<double>(*state >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0;
}

void DemoLinePlots(double time) {
  ImGui::TextWrapped(
      "PlotLine takes xs and ys, or ys with x_start/x_step, or int ys. Hover a plot: a crosshair "
      "snaps to the nearest x and a tooltip lists every series' value there. Hover a legend "
      "entry to highlight its series.");
  static double xs[kDemoPoints], sin_ys[kDemoPoints], cos_ys[kDemoPoints];
  for (int i = 0; i < kDemoPoints; ++i) {
    xs[i] = i * 0.05;
    sin_ys[i] = std::sin(xs[i] + time);
    cos_ys[i] = 0.5 * std::cos(2.0 * xs[i] - time);
  }
  if (BeginPlot("Waves (xs, ys)")) {
    SetupAxes("t [s]", "amplitude");
    PlotLine("sin(t)", xs, sin_ys, kDemoPoints);
    PlotLine("cos(2t)/2", xs, cos_ys, kDemoPoints);
    EndPlot();
  }
  static int counts[50];
  static double smooth[50];
  for (int i = 0; i < 50; ++i) {
    counts[i] = (i * 7) % 13 + i / 5;
    smooth[i] = 10.0 + 8.0 * std::sin(i * 0.2 + time);
  }
  if (BeginPlot("ys only: x_start = 100, x_step = 10", ImVec2(-1, 160))) {
    SetupAxes("sweep", "value");
    PlotLine("double ys", smooth, 50, 100.0, 10.0);
    PlotLine("int ys", counts, 50, 100.0, 10.0);
    EndPlot();
  }
}

void DemoScatterAndReferences() {
  ImGui::TextWrapped(
      "PlotScatter draws markers; PlotHLine draws a dashed reference line that is kept in view "
      "by auto-fit. A label \"name##id\" shows \"name\"; \"##id\" hides it from the legend.");
  static double xs[300], ys[300];
  std::uint32_t state = 7;
  for (int i = 0; i < 300; ++i) {
    xs[i] = DemoNoise(&state) * 0.14;
    ys[i] = 0.5 * xs[i] / 0.14 + 0.3 * DemoNoise(&state);
  }
  if (BeginPlot("Scatter with references")) {
    SetupAxes("load alpha", "overlap");
    PlotScatter("trials", xs, ys, 300);
    PlotHLine("threshold", 0.8);
    PlotHLine("##hidden zero", 0.0);
    EndPlot();
  }
}

void DemoColors() {
  ImGui::TextWrapped(
      "Each series takes the next palette colour (PaletteColor(i)); SetNextLineColor overrides "
      "it for the next series only.");
  for (int i = 0; i < 10; ++i) {
    ImGui::ColorButton("##palette", ImGui::ColorConvertU32ToFloat4(PaletteColor(i)),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(20, 20));
    if (i < 9) ImGui::SameLine();
  }
  static double ys[5][40];
  for (int s = 0; s < 5; ++s)
    for (int i = 0; i < 40; ++i) ys[s][i] = s + 0.4 * std::sin(i * 0.3 + s);
  if (BeginPlot("Colours", ImVec2(-1, 180))) {
    SetupAxes("i", "series");
    for (int s = 0; s < 4; ++s) {
      char label[16];
      std::snprintf(label, sizeof(label), "palette %d", s);
      PlotLine(label, ys[s], 40);
    }
    SetNextLineColor(IM_COL32(255, 255, 0, 255));
    PlotLine("SetNextLineColor(yellow)", ys[4], 40);
    EndPlot();
  }
}

void DemoAxes(double time) {
  ImGui::TextWrapped(
      "Axis flags: AutoFit fits the data (+ a little padding) and widens to include any "
      "SetupAxisLimits range; AutoFit|LockMin keeps the SetupAxisLimits min and fits the max; "
      "AxisFlags_None uses the SetupAxisLimits range as given. Cond_Once remembers the first "
      "limits per plot id, Cond_Always takes the limits every frame.");
  static double energy[100];
  for (int i = 0; i < 100; ++i) energy[i] = 3.0 + 40.0 * std::exp(-i * 0.08) + std::sin(time + i);
  if (BeginPlot("LockMin: y min stays at 0", ImVec2(-1, 160))) {
    SetupAxes("step", "energy", AxisFlags_AutoFit, AxisFlags_AutoFit | AxisFlags_LockMin);
    SetupAxisLimits(Axis_Y, 0.0, 1.0);
    PlotLine("energy", energy, 100);
    EndPlot();
  }
  static float y_limit = 1.0f;
  ImGui::SliderFloat("y limit (Cond_Always)", &y_limit, 0.1f, 5.0f);
  static double wave[100];
  for (int i = 0; i < 100; ++i) wave[i] = std::sin(i * 0.1 + time);
  if (BeginPlot("Fixed limits: AxisFlags_None", ImVec2(-1, 160))) {
    SetupAxes("x", "y", AxisFlags_None, AxisFlags_None);
    SetupAxisLimits(Axis_X, 20.0, 80.0);  // Cond_Once: remembered from the first frame
    SetupAxisLimits(Axis_Y, -y_limit, y_limit, Cond_Always);
    PlotLine("sin", wave, 100);
    EndPlot();
  }
}

void DemoFlags() {
  static bool no_legend = false, no_mouse_text = false, no_readout = false;
  ImGui::Checkbox("PlotFlags_NoLegend", &no_legend);
  ImGui::SameLine();
  ImGui::Checkbox("PlotFlags_NoMouseText", &no_mouse_text);
  ImGui::SameLine();
  ImGui::Checkbox("PlotFlags_NoHoverReadout", &no_readout);
  const int flags = (no_legend ? PlotFlags_NoLegend : 0) |
                    (no_mouse_text ? PlotFlags_NoMouseText : 0) |
                    (no_readout ? PlotFlags_NoHoverReadout : 0);
  static double ys[60];
  for (int i = 0; i < 60; ++i) ys[i] = (i % 20) * 0.05;
  if (BeginPlot("Flags##demo", ImVec2(-1, 160), flags)) {
    SetupAxes("i", "saw");
    PlotLine("saw", ys, 60);
    EndPlot();
  }
  ImGui::TextWrapped("A title starting with \"##\" draws no title:");
  if (BeginPlot("##untitled", ImVec2(-1, 120))) {
    PlotLine("no title, no axis labels", ys, 60);
    EndPlot();
  }
}

void DemoEdgeCases() {
  ImGui::TextWrapped(
      "Empty series, a single point, constant data (a flat range is widened) and NaN/inf "
      "(skipped; they break the line).");
  static double gappy[40];
  for (int i = 0; i < 40; ++i) gappy[i] = std::sin(i * 0.3);
  gappy[10] = NAN;
  gappy[20] = INFINITY;
  gappy[21] = -INFINITY;
  gappy[30] = NAN;
  gappy[32] = NAN;  // leaves gappy[31] alone between gaps: drawn as a dot
  const double single = 0.7, constant[5] = {2, 2, 2, 2, 2};
  const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BeginPlot("Empty", ImVec2(width, 140))) {
    SetupAxes("x", "y");
    PlotLine("nothing", static_cast<const double*>(nullptr), 0);
    EndPlot();
  }
  ImGui::SameLine();
  if (BeginPlot("Single point", ImVec2(width, 140))) {
    PlotLine("one", &single, 1);
    EndPlot();
  }
  if (BeginPlot("Constant", ImVec2(width, 140))) {
    PlotLine("y = 2", constant, 5);
    EndPlot();
  }
  ImGui::SameLine();
  if (BeginPlot("NaN and inf gaps", ImVec2(width, 140))) {
    PlotLine("gappy", gappy, 40);
    EndPlot();
  }
}

void DemoLongSeries() {
  static int count = 10000;
  ImGui::SliderInt("points", &count, 1, kDemoMaxLong, "%d", ImGuiSliderFlags_Logarithmic);
  static std::vector<double> walk;
  if (walk.empty()) {  // allocated once, not per frame
    walk.resize(kDemoMaxLong);
    std::uint32_t state = 42;
    double y = 0.0;
    for (double& v : walk) v = y += DemoNoise(&state);
  }
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  const int vertices_before = draw_list->VtxBuffer.Size;
  if (BeginPlot("Random walk")) {
    SetupAxes("step", "position");
    PlotLine("walk", walk.data(), count);
    EndPlot();
  }
  ImGui::Text("%d points drawn with %d vertices (lines are decimated to the pixel width)", count,
              draw_list->VtxBuffer.Size - vertices_before);
}

void DemoHeatmap(double time) {
  ImGui::TextWrapped(
      "DivergingColor(t) maps t in [-1, 1] to blue-white-red for heatmaps (e.g. a weight "
      "matrix); ColorBar draws its legend. Hover the bar to read a value.");
  constexpr int kCells = 24;
  const float cell = 8.0f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw_list = ImGui::GetWindowDrawList();
  for (int r = 0; r < kCells; ++r) {
    for (int c = 0; c < kCells; ++c) {
      const double v = std::sin(r * 0.4 + time) * std::cos(c * 0.3);
      const ImVec2 p = origin + ImVec2(static_cast<float>(c), static_cast<float>(r)) * cell;
      draw_list->AddRectFilled(p, p + ImVec2(cell, cell), DivergingColor(static_cast<float>(v)));
    }
  }
  ImGui::Dummy(ImVec2(kCells * cell, kCells * cell));
  ColorBar("weight", -1.0, 1.0, ImVec2(kCells * cell, 14));
  ColorBar("full width##bar2", -0.25, 0.25);
}

}  // namespace

void ShowPlotDemo() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window == nullptr || window->IsFallbackWindow) {  // called outside any window
    ShowPlotDemoWindow(nullptr);
    return;
  }
  const double time = ImGui::GetTime();
  ImGui::Text("hplot: plots drawn with ImDrawList, API modelled on ImPlot.");
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (ImGui::CollapsingHeader("Line plots and hover readout")) DemoLinePlots(time);
  if (ImGui::CollapsingHeader("Scatter, reference lines, hidden labels")) {
    DemoScatterAndReferences();
  }
  if (ImGui::CollapsingHeader("Colours")) DemoColors();
  if (ImGui::CollapsingHeader("Axes and limits")) DemoAxes(time);
  if (ImGui::CollapsingHeader("Plot flags")) DemoFlags();
  if (ImGui::CollapsingHeader("Edge cases")) DemoEdgeCases();
  if (ImGui::CollapsingHeader("Long series (decimation)")) DemoLongSeries();
  if (ImGui::CollapsingHeader("Heatmap colours and ColorBar")) DemoHeatmap(time);
}

void ShowPlotDemoWindow(bool* p_open) {
  ImGui::SetNextWindowSize(ImVec2(640, 720), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Plot demo", p_open)) ShowPlotDemo();
  ImGui::End();
}

}  // namespace hplot
