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

Range ResolveLogAxis(int flags, Range positive_data, const Range* limits, double padding) {
  const auto to_log = [](Range r) {
    if (!(r.max > 0.0)) return Range{};
    if (!(r.min > 0.0)) r.min = r.max * 1e-3;  // a limit at 0: three decades below the top
    return Range{std::log10(r.min), std::log10(r.max)};
  };
  const Range data = positive_data.Valid() ? to_log(positive_data) : Range{};
  Range log_limits;
  if (limits != nullptr) log_limits = to_log(*limits);
  Range r = ResolveAxis(flags, data, log_limits.Valid() ? &log_limits : nullptr, padding);
  if (!data.Valid() && !log_limits.Valid()) r = Range{-1.0, 0.0};  // nothing to show: 0.1 to 1
  r.min = std::clamp(r.min, -300.0, 300.0);
  r.max = std::clamp(r.max, r.min + 1e-9, 300.0);
  return Range{std::pow(10.0, r.min), std::pow(10.0, r.max)};
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

void MakeLogTicks(Range r, float pixels, Ticks* ticks) {
  ticks->count = 0;
  ticks->max_label_width = 0.0f;
  const double lo = std::log10(r.min), hi = std::log10(r.max);
  const int first = static_cast<int>(std::ceil(lo - 1e-9)), last = static_cast<int>(std::floor(hi + 1e-9));
  const int decades = last - first + 1;
  std::vector<double> values;
  if (decades >= 3 || (decades >= 1 && hi - lo > 1.0)) {
    // Every k-th power of ten, k such that neighbours are kMinTickSpacingY apart.
    const double pixels_per_decade = static_cast<double>(pixels) / std::max(hi - lo, 1e-9);
    int stride = 1;
    while (stride * pixels_per_decade < kMinTickSpacingY && stride < 100) ++stride;
    for (int k = first; k <= last && static_cast<int>(values.size()) < kMaxTicks; k += stride)
      values.push_back(std::pow(10.0, k));
    ticks->step = stride;
    if (values.size() < 3 && stride == 1) {  // few decades: 2 and 5 times them too
      for (int k = first - 1; k <= last; ++k)
        for (double m : {2.0, 5.0}) {
          const double v = m * std::pow(10.0, k);
          if (v >= r.min * (1 - 1e-9) && v <= r.max * (1 + 1e-9)) values.push_back(v);
        }
      std::sort(values.begin(), values.end());
    }
  }
  if (values.size() < 3) {  // a narrow range: linear ticks read better
    MakeTicks(r, pixels, kMinTickSpacingY, false, ticks);
    return;
  }
  for (double v : values) {
    if (ticks->count == kMaxTicks) break;
    char* label = ticks->labels[ticks->count];
    std::snprintf(label, kTickLabelSize, "%g", v);
    ticks->values[ticks->count++] = v;
    ticks->max_label_width = std::max(ticks->max_label_width, ImGui::CalcTextSize(label).x);
  }
}

namespace {

bool LogY() { return (g_plot.axes[Axis_Y].flags & AxisFlags_Log) != 0; }

void DataRanges(Range* x, Range* y) {
  const bool log_y = LogY();
  for (const Series& s : g_plot.series) {
    const Point* pts = g_plot.points.data() + s.first;
    if (s.kind == SeriesKind::HLine) {
      if (!log_y || pts[0].y > 0.0) y->Include(pts[0].y);  // in view, but says nothing about x
      continue;
    }
    for (int i = 0; i < s.count; ++i) {
      if (!IsFinite(pts[i])) continue;
      x->Include(pts[i].x);
      if (!log_y || pts[i].y > 0.0) y->Include(pts[i].y);
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
    resolved[axis] = axis == Axis_Y && LogY()
                         ? ResolveLogAxis(g_plot.axes[axis].flags, data[axis], limits, padding[axis])
                         : ResolveAxis(g_plot.axes[axis].flags, data[axis], limits, padding[axis]);
  }
  return Transform{area, resolved[0], resolved[1], LogY()};
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
    if (IsReference(s.kind)) continue;
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
Transform ComputeLayout(Layout* layout, float right_reserve) {
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
  if (t.log_y) MakeLogTicks(t.y, area.GetHeight(), &layout->y_ticks);
  else MakeTicks(t.y, area.GetHeight(), kMinTickSpacingY, false, &layout->y_ticks);
  area.Min.x += y_label_width + layout->y_ticks.max_label_width + kTickLength + kGap;
  area.Max.x -= layout->y_ticks.max_label_width * 0.25f;  // room for the last x label overhang
  area.Max.x -= right_reserve;
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


// The series whose line passes within a few pixels of the mouse (at the snapped x), or -1.
int HoveredLineSeries(const Transform& t) {
  if (!g_plot.hovered || !t.area.Contains(ImGui::GetIO().MousePos)) return -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const double x = SnapX(t, t.DataX(mouse.x));
  int best = -1;
  float best_distance = 6.0f;
  for (int k = 0; k < static_cast<int>(g_plot.series.size()); ++k) {
    const Series& s = g_plot.series[static_cast<std::size_t>(k)];
    if (IsReference(s.kind) || !InLegend(s)) continue;
    const int i = NearestByX(s, x);
    if (i < 0) continue;
    const float distance = std::fabs(t.ToPixel(g_plot.points[static_cast<std::size_t>(s.first + i)]).y - mouse.y);
    if (distance < best_distance) best = k, best_distance = distance;
  }
  return best;
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
    if (IsReference(s.kind)) continue;
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
