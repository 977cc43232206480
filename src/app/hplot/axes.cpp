// Axes: limits, ticks and their labels, the layout of a plot's frame, the legend and the hover
// read-out.
#include <cfloat>
#include <cstdio>

#include "app/hplot/internal.hpp"

namespace hplot::detail {
namespace {

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


}  // namespace

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


namespace {

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


bool InLegend(const Series& s) { return s.label_end > s.label_begin; }

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


}  // namespace

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


}  // namespace hplot::detail
