// hplot: the plot API (BeginPlot ... EndPlot), colours and the colour bar. See hplot.hpp.
#include <cstdio>

#include "app/hplot/internal.hpp"

namespace hplot {
namespace detail {

PlotState g_plot;

namespace {
std::vector<PlotMemory> g_memory;
}  // namespace


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


namespace {

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
  if (IsReference(kind)) {  // never a data colour, whatever SetNextLineColor said
    s.color = ReferenceColor();
    g_plot.has_next_color = false;
  } else if (g_plot.has_next_color) {
    s.color = g_plot.next_color;
    g_plot.has_next_color = false;
  } else {  // the palette counts data series only: a reference line takes no data colour
    const int data_series = static_cast<int>(std::count_if(
        g_plot.series.begin(), g_plot.series.end(), [](const Series& o) { return !IsReference(o.kind); }));
    s.color = PaletteColor(data_series);
  }
  AppendLabel(label_id, &s.label_begin, &s.label_end);
  s.first = static_cast<int>(g_plot.points.size());
  s.count = std::max(count, 0);
  for (int i = 0; i < s.count; ++i) g_plot.points.push_back(get_point(i));
  g_plot.series.push_back(s);
}


}  // namespace
}  // namespace detail

using namespace detail;

namespace {
// Seaborn "deep", as ImPlot's Deep colormap, until SetPalette replaces it (the app's themes);
// its grey is teal here, as grey is the reference lines' (ReferenceColor).
std::vector<ImU32> g_palette = {IM_COL32(76, 114, 176, 255),  IM_COL32(221, 132, 82, 255),
                                IM_COL32(85, 168, 104, 255),  IM_COL32(196, 78, 82, 255),
                                IM_COL32(129, 114, 179, 255), IM_COL32(147, 120, 96, 255),
                                IM_COL32(218, 139, 195, 255), IM_COL32(0, 128, 128, 255),
                                IM_COL32(204, 185, 116, 255), IM_COL32(100, 181, 205, 255)};
}  // namespace

void SetPalette(const ImU32* colors, int count) {
  if (colors && count > 0) g_palette.assign(colors, colors + count);
}

ImU32 PaletteColor(int index) {
  const int n = static_cast<int>(g_palette.size());
  return g_palette[static_cast<std::size_t>(((index % n) + n) % n)];
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

void PlotHLine(const char* label_id, double y, int style) {
  AddSeries(SeriesKind::HLine, label_id, 1, [&](int) { return Point{0.0, y}; });
  if (g_plot.active) g_plot.series.back().dash = style;
}

void PlotReference(const char* label_id, const double* xs, const double* ys, int count, int style) {
  if (xs == nullptr || ys == nullptr) count = 0;
  AddSeries(SeriesKind::Reference, label_id, count, [&](int i) { return Point{xs[i], ys[i]}; });
  if (g_plot.active) g_plot.series.back().dash = style;
}

ImU32 ReferenceColor() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return ReferenceColorFor(style.Colors[ImGuiCol_Text], style.Colors[ImGuiCol_WindowBg]);
}

void ReferenceSwatch(int style) {
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 ends[2] = {ImVec2(p.x, p.y + line * 0.5f), ImVec2(p.x + line * 2.0f, p.y + line * 0.5f)};
  DrawDashedPolyline(ImGui::GetWindowDrawList(), ends, 2, ReferenceColor(), kLineThickness, style);
  ImGui::Dummy(ImVec2(line * 2.0f, line));
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
  Transform t = ComputeLayout(&layout);
  if (t.area.GetWidth() < 8.0f || t.area.GetHeight() < 8.0f) {  // too small to say anything
    ResetPlotState();
    return;
  }
  const Legend legend = (g_plot.flags & PlotFlags_NoLegend) ? Legend{} : PlaceLegend(&t, &layout);
  DrawFrameAndAxes(draw_list, t, layout);
  const bool mouse_in_area = g_plot.hovered && t.area.Contains(ImGui::GetIO().MousePos);
  // The series under the pointer, in the legend or by its line, stands out; the rest dim.
  int highlighted = HoveredLegendSeries(legend);
  const bool over_legend = legend.rect.Contains(ImGui::GetIO().MousePos);
  if (highlighted < 0 && mouse_in_area && !over_legend) highlighted = HoveredLineSeries(t);
  draw_list->PushClipRect(t.area.Min, t.area.Max, true);
  if (ImagesEnabled() && !g_plot.series.empty()) {
    DrawSeriesImage(draw_list, t, highlighted);
  } else {
    for (int i = 0; i < static_cast<int>(g_plot.series.size()); ++i) {
      DrawSeries(draw_list, t, g_plot.points.data(), g_plot.series[i],
                 highlighted < 0 ? 0 : i == highlighted ? 1 : -1);
    }
  }
  if (mouse_in_area && !over_legend && !(g_plot.flags & PlotFlags_NoHoverReadout)) {
    DrawHoverReadout(draw_list, t, highlighted);
  }
  if (mouse_in_area && !(g_plot.flags & PlotFlags_NoMouseText)) DrawMouseText(draw_list, t);
  draw_list->PopClipRect();
  DrawLegend(draw_list, legend, highlighted);  // after the clip: it may sit outside the data
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

}  // namespace hplot
