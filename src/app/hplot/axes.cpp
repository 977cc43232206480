// Axes: limits, ticks and their labels, the layout of a plot's frame, the legend and the hover
// read-out.
#include <cfloat>
#include <cstdio>
#include <string>

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

}  // namespace

// Ticks about `spacing` pixels apart; retried wider when horizontal labels would collide.
// At least three ticks wherever their labels fit: one or two ticks do not tell a scale.
void MakeTicks(Range r, float pixels, float spacing, bool horizontal, Ticks* ticks) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    const double target = std::max(1.0, std::floor(static_cast<double>(pixels / spacing)));
    FillTicks(r, NiceStep(r.Span() / target), ticks);
    const double step_pixels = ticks->step / r.Span() * pixels;
    if (!horizontal || step_pixels >= ticks->max_label_width + 12.0f) break;
    spacing *= 2.0f;
  }
  const float min_gap = horizontal ? 6.0f : ImGui::GetTextLineHeight();
  for (double target = 3.0; ticks->count < 3 && target <= 8.0; target += 1.0) {
    Ticks finer;
    FillTicks(r, NiceStep(r.Span() / target), &finer);
    const double step_pixels = finer.step / r.Span() * pixels;
    if (finer.count >= 3 && step_pixels >= (horizontal ? finer.max_label_width : 0.0f) + min_gap) {
      *ticks = finer;
      return;
    }
  }
}

namespace {


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

// Read-outs in one style: whole numbers in full (-1474460, not -1.47446e+06), others to 6
// significant digits.
std::string FormatValue(double v) {
  char buf[48];
  if (std::fabs(v) < 1e15 && v == std::round(v)) std::snprintf(buf, sizeof buf, "%.0f", v + 0.0);
  else std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
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
    ImGui::Text("%.*s: %s  (at x = %s)", name_len, name, FormatValue(p.y).c_str(), FormatValue(p.x).c_str());
  } else {
    ImGui::Text("%.*s: %s", name_len, name, FormatValue(p.y).c_str());
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


// The legend's rows: every labelled series while they fit in ~60% of the area's height (at most
// kMaxLegendRows); past that the first ones and a last row "+K more (hover a line)".
LegendRows ListLegendRows(const ImRect& area) {
  LegendRows out;
  std::vector<int> all;
  for (int i = 0; i < static_cast<int>(g_plot.series.size()); ++i)
    if (InLegend(g_plot.series[static_cast<std::size_t>(i)])) all.push_back(i);
  const int fit = std::clamp(static_cast<int>(area.GetHeight() * 0.6f / ImGui::GetTextLineHeight()) - 1,
                             2, kMaxLegendRows);
  if (static_cast<int>(all.size()) <= fit) {
    out.series = all;
  } else {
    out.series.assign(all.begin(), all.begin() + (fit - 1));
    out.more = static_cast<int>(all.size()) - (fit - 1);
  }
  return out;
}

void MoreText(int more, char* buf, int size) {
  std::snprintf(buf, static_cast<std::size_t>(size), "+%d more: hover a line", more);
}

// Legend box in the top-right corner of the data area; one row per labelled series shown.
ImRect LegendRect(const ImRect& area) {
  const LegendRows rows_shown = ListLegendRows(area);
  float width = 0.0f;
  int rows = 0;
  for (int i : rows_shown.series) {
    const Series& s = g_plot.series[static_cast<std::size_t>(i)];
    width = std::max(width, TextSize(s.label_begin, s.label_end).x);
    ++rows;
  }
  if (rows_shown.more > 0) {
    char more[48];
    MoreText(rows_shown.more, more, sizeof more);
    width = std::max(width, ImGui::CalcTextSize(more).x - ImGui::GetTextLineHeight() - 3.0f * kGap);
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
int HoveredLegendSeries(const ImRect& area, const ImRect& legend) {
  if (!g_plot.hovered || !legend.Contains(ImGui::GetIO().MousePos)) return -1;
  const float line = ImGui::GetTextLineHeight();
  const int row = static_cast<int>((ImGui::GetIO().MousePos.y - legend.Min.y - kGap) / line);
  const LegendRows rows = ListLegendRows(area);
  return row >= 0 && row < static_cast<int>(rows.series.size()) ? rows.series[static_cast<std::size_t>(row)] : -1;
}

// The series whose line passes within a few pixels of the mouse (at the snapped x), or -1.
int HoveredLineSeries(const Transform& t) {
  if (!g_plot.hovered || !t.area.Contains(ImGui::GetIO().MousePos)) return -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const double x = SnapX(t, t.DataX(mouse.x));
  int best = -1;
  float best_distance = 6.0f;
  for (int k = 0; k < static_cast<int>(g_plot.series.size()); ++k) {
    const Series& s = g_plot.series[static_cast<std::size_t>(k)];
    if (s.kind == SeriesKind::HLine || !InLegend(s)) continue;
    const int i = NearestByX(s, x);
    if (i < 0) continue;
    const float distance = std::fabs(t.ToPixel(g_plot.points[static_cast<std::size_t>(s.first + i)]).y - mouse.y);
    if (distance < best_distance) best = k, best_distance = distance;
  }
  return best;
}

void DrawLegend(ImDrawList* draw_list, const ImRect& area, const ImRect& legend, int highlighted) {
  if (legend.GetWidth() <= 0.0f) return;
  const float line = ImGui::GetTextLineHeight();
  draw_list->AddRectFilled(legend.Min, legend.Max, ImGui::GetColorU32(ImGuiCol_PopupBg, 0.85f));
  draw_list->AddRect(legend.Min, legend.Max, ImGui::GetColorU32(ImGuiCol_Border));
  ImVec2 pos = legend.Min + ImVec2(kGap * 2.0f, kGap);
  const LegendRows rows = ListLegendRows(area);
  for (int k : rows.series) {
    const Series& s = g_plot.series[static_cast<std::size_t>(k)];
    const bool dim = highlighted >= 0 && highlighted != k;
    const float mid = pos.y + line * 0.5f;
    if (s.kind == SeriesKind::Scatter) {
      draw_list->AddCircleFilled(ImVec2(pos.x + line * 0.5f, mid), kMarkerRadius + 0.5f, s.color);
    } else {
      draw_list->AddLine(ImVec2(pos.x, mid), ImVec2(pos.x + line, mid), s.color, kLineThickness);
    }
    draw_list->AddText(ImVec2(pos.x + line + kGap * 2.0f, pos.y),
                       ImGui::GetColorU32(ImGuiCol_Text, dim ? 0.45f : 1.0f), TextAt(s.label_begin),
                       TextAt(s.label_end));
    pos.y += line;
  }
  if (rows.more > 0) {
    char more[48];
    MoreText(rows.more, more, sizeof more);
    draw_list->AddText(pos, ImGui::GetColorU32(ImGuiCol_TextDisabled), more);
  }
}


// Vertical crosshair at the data x nearest the mouse, a marker on each series, and a tooltip
// with x and every series' value there.
void DrawHoverReadout(ImDrawList* draw_list, const Transform& t, int highlighted) {
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
  // Above the pointer, on the side away from the plot's centre: never over the coordinate
  // read-out in the bottom-right corner, nor over the point being read.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool right = mouse.x > t.area.GetCenter().x;
  ImGui::SetNextWindowPos(ImVec2(mouse.x + (right ? -16.0f : 16.0f), mouse.y - 12.0f), ImGuiCond_Always,
                          ImVec2(right ? 1.0f : 0.0f, 1.0f));
  if (!ImGui::BeginTooltip()) return;
  ImGui::Text("x = %s", FormatValue(x).c_str());
  if (highlighted >= 0) {  // the line under the pointer, alone: 26 rows would hide it
    const Series& s = g_plot.series[static_cast<std::size_t>(highlighted)];
    TooltipRow(s, NearestByX(s, x), x, t.x.Span());
  } else {
    int rows = 0;
    for (const Series& s : g_plot.series) {
      if (++rows > kMaxLegendRows + 1) {
        ImGui::TextDisabled("... %d more: hover a line", static_cast<int>(g_plot.series.size()) - kMaxLegendRows - 1);
        break;
      }
      TooltipRow(s, s.kind == SeriesKind::HLine ? 0 : NearestByX(s, x), x, t.x.Span());
    }
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
