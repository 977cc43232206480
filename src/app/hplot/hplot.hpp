// hplot: a small plotting library drawn with ImDrawList (ImPlot is not available). This is
// its public header, all that panels call; the internals are hplot/internal.hpp and the files
// beside it, and tests/app/plot_demo.cpp shows every feature.
// The API is kept close to ImPlot's so the app could switch to ImPlot later:
//
//   if (hplot::BeginPlot("Overlap")) {
//     hplot::SetupAxes("step", "m");
//     hplot::PlotLine("pattern 0", overlaps.data(), count);
//     hplot::EndPlot();  // only when BeginPlot returned true
//   }
//
// Series data is only borrowed during the Plot* call: it is copied into a per-plot buffer that
// is reused from frame to frame, and everything is drawn in EndPlot once the limits are known.
// Labels follow the ImGui "##" convention: "name##id" shows "name", "##id" hides the series
// from the legend. Non-finite values (NaN, inf) are skipped and break a line.
#pragma once

#include <imgui.h>

#include <cstdint>

#include "app/hplot/series_downsampler.hpp"

namespace hplot {

enum PlotFlags_ {
  PlotFlags_None = 0,
  PlotFlags_NoLegend = 1 << 0,        // no legend box in the top-right corner
  PlotFlags_NoMouseText = 1 << 1,     // no mouse coordinates in the bottom-right corner
  PlotFlags_NoHoverReadout = 1 << 2,  // addition: no crosshair / value tooltip on hover
  PlotFlags_FullLegend = 1 << 3,      // addition: every labelled series in the legend (exports)
  PlotFlags_Whole = 1 << 4,  // addition: the line image finished in this frame, whatever the
                             // raster budget (a picture drawn once, for an export)
};

// The legend goes where it covers no data: the emptiest corner of the data area, or, when
// every corner covers some and the data keep 45% of the width, outside the data on the right.

// Axis limits, in order of precedence:
// - no AutoFit: the SetupAxisLimits range if one was given, else the data range.
// - AutoFit + LockMin: min is the SetupAxisLimits min, max fits the data.
// - AutoFit alone: the data range (padded), widened to include any SetupAxisLimits range.
enum AxisFlags_ {
  AxisFlags_None = 0,
  AxisFlags_AutoFit = 1 << 0,
  AxisFlags_LockMin = 1 << 1,
  AxisFlags_Log = 1 << 2,  // addition, y only: logarithmic; values <= 0 are not drawn
};

enum Axis { Axis_X = 0, Axis_Y = 1 };

// Cond_Once: the first limits given for this plot id are remembered and later calls ignored.
// Cond_Always: the limits given this frame replace the remembered ones.
enum Cond { Cond_Once = 0, Cond_Always = 1 };

// size.x <= 0 -> fill the available width; size.y == 0 -> 200 px; size.y < 0 -> fill minus.
bool BeginPlot(const char* title_id, ImVec2 size = ImVec2(-1, 0), int flags = 0);
void SetupAxes(const char* x_label, const char* y_label, int x_flags = AxisFlags_AutoFit,
               int y_flags = AxisFlags_AutoFit);
void SetupAxisLimits(Axis axis, double v_min, double v_max, Cond cond = Cond_Once);

void PlotLine(const char* label_id, const double* xs, const double* ys, int count);
void PlotLine(const char* label_id, const double* ys, int count, double x_start = 0.0,
              double x_step = 1.0);
void PlotLine(const char* label_id, const int* ys, int count, double x_start = 0.0,
              double x_step = 1.0);
void PlotScatter(const char* label_id, const double* xs, const double* ys, int count);
// Reference lines (theory, thresholds): drawn in their own neutral colour (ReferenceColor), never
// a data colour, and dashed; `style` picks the dash pattern (0 dashed, 1 dotted, 2 dash-dot,
// 3 long dashes), so several reference lines stay apart.
void PlotHLine(const char* label_id, double y, int style = 0);
void PlotReference(const char* label_id, const double* xs, const double* ys, int count, int style = 0);
// The colour of reference lines in the current ImGui style: the text colour, half way to the
// window background (grey on any theme).
ImU32 ReferenceColor();
// A short sample of reference line `style` at the cursor (for captions that explain it).
void ReferenceSwatch(int style);
void SetNextLineColor(ImU32 color);              // for the next series only; else a palette colour
void EndPlot();

// Colour map for heatmaps (diverging blue-white-red, ColorBrewer RdBu), t in [-1, 1] (clamped).
// NaN gives grey.
ImU32 DivergingColor(float t);

// Draws a horizontal colour legend bar for a heatmap at the cursor: the bar, then min / label /
// max below it. v_min maps to DivergingColor(-1), v_max to DivergingColor(+1). size.x <= 0 fills
// the available width. Hovering the bar shows the value under the mouse.
void ColorBar(const char* label, double v_min, double v_max, ImVec2 size = ImVec2(-1, 14));

// Addition: with an uploader set, line, dot and reference-line series are drawn through a
// LineCanvas (one image per plot; `upload` turns the pixels into a texture for this frame).
// Without one (the default) they are ImDrawList polylines, as in ImPlot.
using ImageUploader = ImTextureID (*)(int width, int height, const std::uint32_t* rgba);
void SetImageUploader(ImageUploader upload);
// Addition: how long the LineCanvas may draw per frame, all plots together. A plot whose new
// image takes longer is finished in the next frames (at least one series a frame), and shows
// its previous image until then (stretched, if the plot changed size): a frame never pays for
// many series at once. 0 (the default): every image is finished in the frame that asks.
void SetRasterBudget(double ms_per_frame);

// Palette colour used for the series with this index (addition).
ImU32 PaletteColor(int index);
// The series' colours from now on (count > 0; copied), e.g. darker ones on a light theme.
void SetPalette(const ImU32* colors, int count);

}  // namespace hplot
