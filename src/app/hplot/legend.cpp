// The legend: which series it lists, where it goes (the emptiest corner of the data area, or
// outside the data on the right when every corner would cover some), hovering and drawing it.
#include <cstdio>

#include "app/hplot/internal.hpp"

namespace hplot::detail {
namespace {

bool InLegend(const Series& s) { return s.label_end > s.label_begin; }

void MoreText(int more, char* buf, int size) {
  std::snprintf(buf, static_cast<std::size_t>(size), "+%d more: hover a line", more);
}

constexpr float kSampleSpacing = 3.0f;  // pixels between samples along a line
constexpr std::size_t kMaxSamples = 200000;

}  // namespace

// The legend's rows: every labelled series while they fit in `fraction` of the area's height
// (at most kMaxLegendRows in a corner); past that the first ones and a last row "+K more: hover a line".
// PlotFlags_FullLegend: all of them, whatever the height.
LegendRows ListLegendRows(const ImRect& area, float fraction) {
  LegendRows out;
  std::vector<int> all;
  for (int i = 0; i < static_cast<int>(g_plot.series.size()); ++i)
    if (InLegend(g_plot.series[static_cast<std::size_t>(i)])) all.push_back(i);
  if (g_plot.flags & PlotFlags_FullLegend) {
    out.series = all;
    return out;
  }
  // Over the data at most kMaxLegendRows; outside it (fraction 1) as many as the height holds.
  const int fit = std::clamp(static_cast<int>(area.GetHeight() * fraction / ImGui::GetTextLineHeight()) - 1,
                             2, fraction < 1.0f ? kMaxLegendRows : 256);
  if (static_cast<int>(all.size()) <= fit) {
    out.series = all;
  } else {
    out.series.assign(all.begin(), all.begin() + (fit - 1));
    out.more = static_cast<int>(all.size()) - (fit - 1);
  }
  return out;
}

ImVec2 LegendSize(const LegendRows& rows) {
  float width = 0.0f;
  int count = 0;
  for (int i : rows.series) {
    const Series& s = g_plot.series[static_cast<std::size_t>(i)];
    width = std::max(width, TextSize(s.label_begin, s.label_end).x);
    ++count;
  }
  const float line = ImGui::GetTextLineHeight();
  if (rows.more > 0) {
    char more[48];
    MoreText(rows.more, more, sizeof more);
    width = std::max(width, ImGui::CalcTextSize(more).x - line - 3.0f * kGap);
    ++count;
  }
  if (count == 0) return ImVec2(0.0f, 0.0f);
  return ImVec2(width + line + 3.0f * kGap * 2.0f, static_cast<float>(count) * line + 2.0f * kGap);
}

ImRect CornerRect(const ImRect& area, ImVec2 size, LegendPlace corner) {
  const bool left = corner == LegendPlace::TopLeft || corner == LegendPlace::BottomLeft;
  const bool bottom = corner == LegendPlace::BottomRight || corner == LegendPlace::BottomLeft;
  const float x = left ? area.Min.x + kPadding : area.Max.x - kPadding - size.x;
  const float y = bottom ? area.Max.y - kPadding - size.y : area.Min.y + kPadding;
  return ImRect(ImVec2(x, y), ImVec2(x + size.x, y + size.y));
}

LegendPlace EmptiestCorner(const ImRect& area, ImVec2 size, const std::vector<ImVec2>& samples,
                           int* covered) {
  const LegendPlace order[4] = {LegendPlace::TopRight, LegendPlace::TopLeft, LegendPlace::BottomRight,
                                LegendPlace::BottomLeft};
  LegendPlace best = order[0];
  int best_count = -1;
  for (LegendPlace corner : order) {
    const ImRect r = CornerRect(area, size, corner);
    int count = 0;
    for (const ImVec2& p : samples) count += r.Contains(p) ? 1 : 0;
    if (best_count < 0 || count < best_count) best = corner, best_count = count;
  }
  if (covered) *covered = std::max(best_count, 0);
  return best;
}

void SampleSeriesPixels(const Transform& t, std::vector<ImVec2>* out) {
  out->clear();
  const auto add = [&](ImVec2 p) {
    if (out->size() < kMaxSamples && t.area.Contains(p)) out->push_back(p);
  };
  for (const Series& s : g_plot.series) {
    const Point* pts = g_plot.points.data() + s.first;
    if (s.kind == SeriesKind::HLine) {
      if (!t.Drawable(Point{t.x.min, pts[0].y})) continue;
      const float y = t.ToPixel(pts[0]).y;
      for (float x = t.area.Min.x; x <= t.area.Max.x; x += kSampleSpacing) add(ImVec2(x, y));
      continue;
    }
    bool has_previous = false;
    ImVec2 previous;
    for (int i = 0; i < s.count; ++i) {
      if (!t.Drawable(pts[i])) {
        has_previous = false;
        continue;
      }
      const ImVec2 p = t.ToPixel(pts[i]);
      add(p);
      if (has_previous && s.kind != SeriesKind::Scatter) {  // along the segment from the last point
        const float length = std::sqrt(ImLengthSqr(p - previous));
        const int steps = std::min(static_cast<int>(length / kSampleSpacing), 4096);
        for (int k = 1; k < steps; ++k) add(previous + (p - previous) * (static_cast<float>(k) / static_cast<float>(steps)));
      }
      previous = p;
      has_previous = true;
    }
  }
}

Legend PlaceLegend(Transform* t, Layout* layout) {
  Legend legend;
  legend.rows = ListLegendRows(t->area);
  const ImVec2 size = LegendSize(legend.rows);
  if (size.x <= 0.0f) return Legend{};
  std::vector<ImVec2> samples;
  SampleSeriesPixels(*t, &samples);
  int covered = 0;
  legend.place = EmptiestCorner(t->area, size, samples, &covered);
  legend.rect = CornerRect(t->area, size, legend.place);
  if (covered == 0 && legend.rows.more == 0) return legend;
  // Every corner covers data (or rows were left out): outside on the right, all the height,
  // if the data keep at least 45% of the width (a narrow window keeps a corner).
  const LegendRows outside_rows = ListLegendRows(t->area, 1.0f);
  const ImVec2 outside = LegendSize(outside_rows);
  const float reserve = outside.x + kPadding;
  if (t->area.GetWidth() - reserve < 0.45f * t->area.GetWidth()) return legend;
  *t = ComputeLayout(layout, reserve);
  legend.rows = outside_rows;
  legend.place = LegendPlace::Outside;
  const ImVec2 top_left(t->area.Max.x + kPadding, t->area.Min.y);
  legend.rect = ImRect(top_left, top_left + outside);
  return legend;
}

int HoveredLegendSeries(const Legend& legend) {
  if (!g_plot.hovered || !legend.rect.Contains(ImGui::GetIO().MousePos)) return -1;
  const float line = ImGui::GetTextLineHeight();
  const int row = static_cast<int>((ImGui::GetIO().MousePos.y - legend.rect.Min.y - kGap) / line);
  const std::vector<int>& rows = legend.rows.series;
  return row >= 0 && row < static_cast<int>(rows.size()) ? rows[static_cast<std::size_t>(row)] : -1;
}

void DrawLegend(ImDrawList* draw_list, const Legend& legend, int highlighted) {
  if (legend.rect.GetWidth() <= 0.0f) return;
  const float line = ImGui::GetTextLineHeight();
  draw_list->AddRectFilled(legend.rect.Min, legend.rect.Max, ImGui::GetColorU32(ImGuiCol_PopupBg, 0.85f));
  draw_list->AddRect(legend.rect.Min, legend.rect.Max, ImGui::GetColorU32(ImGuiCol_Border));
  ImVec2 pos = legend.rect.Min + ImVec2(kGap * 2.0f, kGap);
  for (int k : legend.rows.series) {
    const Series& s = g_plot.series[static_cast<std::size_t>(k)];
    const bool dim = highlighted >= 0 && highlighted != k;
    const float mid = pos.y + line * 0.5f;
    if (s.kind == SeriesKind::Scatter) {
      draw_list->AddCircleFilled(ImVec2(pos.x + line * 0.5f, mid), kMarkerRadius + 0.5f, s.color);
    } else if (IsReference(s.kind)) {
      const ImVec2 ends[2] = {ImVec2(pos.x, mid), ImVec2(pos.x + line, mid)};
      DrawDashedPolyline(draw_list, ends, 2, s.color, kLineThickness, s.dash);
    } else {
      draw_list->AddLine(ImVec2(pos.x, mid), ImVec2(pos.x + line, mid), s.color, kLineThickness);
    }
    draw_list->AddText(ImVec2(pos.x + line + kGap * 2.0f, pos.y),
                       ImGui::GetColorU32(ImGuiCol_Text, dim ? 0.45f : 1.0f), TextAt(s.label_begin),
                       TextAt(s.label_end));
    pos.y += line;
  }
  if (legend.rows.more > 0) {
    char more[48];
    MoreText(legend.rows.more, more, sizeof more);
    draw_list->AddText(pos, ImGui::GetColorU32(ImGuiCol_TextDisabled), more);
  }
}

}  // namespace hplot::detail
