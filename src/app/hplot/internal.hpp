// hplot internals shared by its files: the plot being built between BeginPlot and EndPlot,
// what each plot remembers between frames, the data-to-pixel transform, and the functions one
// file calls in another. Not for panels: they include hplot/hplot.hpp.
#pragma once

#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic; must precede the first imgui.h
#endif
#include "app/hplot/hplot.hpp"
#include "app/hplot/line_canvas.hpp"

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
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

namespace hplot::detail {

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

// Reference: a dashed polyline in the reference colour (PlotReference); HLine: one across the area.
enum class SeriesKind { Line, Scatter, HLine, Reference };
inline bool IsReference(SeriesKind k) { return k == SeriesKind::HLine || k == SeriesKind::Reference; }

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
  int dash = 0;  // reference lines: the dash pattern (DashPattern)
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

// Maps data coordinates to pixels inside `area`. A logarithmic y axis (log_y) maps log10(y);
// its range is positive.
struct Transform {
  ImRect area;
  Range x, y;
  bool log_y = false;
  double PixelX(double v) const {
    return area.Min.x + (v - x.min) / x.Span() * static_cast<double>(area.GetWidth());
  }
  double PixelY(double v) const {
    const double f = log_y ? (std::log10(v) - std::log10(y.min)) / (std::log10(y.max) - std::log10(y.min))
                           : (v - y.min) / y.Span();
    return area.Max.y - f * static_cast<double>(area.GetHeight());
  }
  double DataX(float px) const {
    return x.min + static_cast<double>(px - area.Min.x) / area.GetWidth() * x.Span();
  }
  double DataY(float py) const {
    const double f = static_cast<double>(area.Max.y - py) / area.GetHeight();
    return log_y ? std::pow(10.0, std::log10(y.min) + f * (std::log10(y.max) - std::log10(y.min)))
                 : y.min + f * y.Span();
  }
  // A point that has a place on the axes: finite, and y > 0 on a log axis.
  bool Drawable(Point p) const {
    return std::isfinite(p.x) && std::isfinite(p.y) && (!log_y || p.y > 0.0);
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


extern PlotState g_plot;

// How screen coordinates map to the pixels of the LineCanvas being drawn (line_images.cpp).
struct CanvasMapping {
  bool active = false;
  ImVec2 origin;      // screen position of canvas pixel (0, 0)'s corner
  float scale = 1.0f; // framebuffer pixels per screen unit
  ImVec2 ToCanvas(ImVec2 p) const { return (p - origin) * scale; }
};
extern LineCanvas* g_canvas;  // the canvas being drawn, while g_mapping.active
extern CanvasMapping g_mapping;

// Small helpers, inline: the series loops call them per point.
inline bool IsFinite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }
inline const char* TextAt(int offset) { return g_plot.text.data() + offset; }
inline ImVec2 TextSize(int begin, int end) { return ImGui::CalcTextSize(TextAt(begin), TextAt(end)); }

// --- plot.cpp
PlotMemory& MemoryFor(ImGuiID id);
void AddTextVertical(ImDrawList* draw_list, ImVec2 pos, ImU32 color, const char* text,
                     const char* text_end);

// --- axes.cpp: limits, ticks, layout, frame, legend, hover read-out
struct Layout {
  ImRect area;  // the data area
  Ticks x_ticks, y_ticks;
  float title_height = 0.0f;
};
Range ResolveAxis(int flags, Range data, const Range* limits, double padding);
// The same on a log axis: data and limits count only where positive; padding in decades.
Range ResolveLogAxis(int flags, Range positive_data, const Range* limits, double padding);
// Ticks of a log axis: the powers of ten in `r` (every k-th when they would crowd `pixels`),
// with 2 and 5 times them when fewer than three decades show; linear ticks on a narrow range.
void MakeLogTicks(Range r, float pixels, Ticks* ticks);
double NiceStep(double raw);
// Ticks for range `r` over `pixels`, about `spacing` apart (horizontal: labels must not
// collide), and at least three wherever they fit.
void MakeTicks(Range r, float pixels, float spacing, bool horizontal, Ticks* ticks);
void FormatTick(double value, double step, double max_abs, char* buf, int size);
// Places the data area inside the frame: title on top, x ticks and label below, y on the left,
// and `right_reserve` pixels kept free on the right (for a legend outside the data).
Transform ComputeLayout(Layout* layout, float right_reserve = 0.0f);
void DrawFrameAndAxes(ImDrawList* draw_list, const Transform& t, const Layout& layout);
// The legend: the series it lists and how many more it leaves out (past kMaxLegendRows or
// what fits `fraction` of the area's height); PlotFlags_FullLegend lists every one.
constexpr int kMaxLegendRows = 8;
struct LegendRows {
  std::vector<int> series;
  int more = 0;
};
LegendRows ListLegendRows(const ImRect& area, float fraction = 0.6f);
ImVec2 LegendSize(const LegendRows& rows);
enum class LegendPlace { TopRight, TopLeft, BottomRight, BottomLeft, Outside };
struct Legend {
  ImRect rect;  // empty: no legend
  LegendRows rows;
  LegendPlace place = LegendPlace::TopRight;
};
// A legend box of `size` in a corner of the data area, kPadding in from its edges.
ImRect CornerRect(const ImRect& area, ImVec2 size, LegendPlace corner);
// The corner whose box covers the fewest `samples` (pixels on the data), ties in the order
// top-right, top-left, bottom-right, bottom-left; *covered gets how many it covers.
LegendPlace EmptiestCorner(const ImRect& area, ImVec2 size, const std::vector<ImVec2>& samples,
                           int* covered);
// Pixels along every series as drawn (lines sampled every few pixels), for EmptiestCorner.
void SampleSeriesPixels(const Transform& t, std::vector<ImVec2>* out);
// Where this plot's legend goes (see hplot.hpp); may narrow the data area (*t, *layout) to put
// it outside on the right.
Legend PlaceLegend(Transform* t, Layout* layout);
// Index of the series whose legend row is under the mouse, or -1.
int HoveredLegendSeries(const Legend& legend);
// Index of the series whose line is within a few pixels of the mouse, or -1.
int HoveredLineSeries(const Transform& t);
void DrawLegend(ImDrawList* draw_list, const Legend& legend, int highlighted);
// Vertical crosshair at the data x nearest the mouse, a marker on each series, and a tooltip
// with x and the highlighted series' value there (or every series', up to a few).
void DrawHoverReadout(ImDrawList* draw_list, const Transform& t, int highlighted);
void DrawMouseText(ImDrawList* draw_list, const Transform& t);

// --- draw_series.cpp: lines (M4-decimated per pixel column), markers, reference lines, as
// ImDrawList triangles or, while g_mapping.active, into g_canvas
// highlight: 1 this series is highlighted (thicker), -1 another one is (this one dimmed), 0 none.
void DrawSeries(ImDrawList* draw_list, const Transform& t, const Point* points, const Series& s,
                int highlight);
// Dash pattern `style` of reference lines: on, off, on, off lengths in pixels.
const float* DashPattern(int style);
// A polyline in dashes of `style`, onto the draw list or, while g_mapping.active, g_canvas.
void DrawDashedPolyline(ImDrawList* draw_list, const ImVec2* pixels, int n, ImU32 color, float thickness,
                        int style);
// The reference colour for a text colour over a background: 60% of the way from bg to text.
ImU32 ReferenceColorFor(ImVec4 text, ImVec4 background);

// --- line_images.cpp: every series of the plot as one CPU-drawn image (SetImageUploader)
bool ImagesEnabled();
void DrawSeriesImage(ImDrawList* draw_list, const Transform& t, int highlighted);

}  // namespace hplot::detail
