// hplot: a small plotting library drawn with ImDrawList (ImPlot is not available).
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
#include <vector>

namespace hplot {

enum PlotFlags_ {
  PlotFlags_None = 0,
  PlotFlags_NoLegend = 1 << 0,        // no legend box in the top-right corner
  PlotFlags_NoMouseText = 1 << 1,     // no mouse coordinates in the bottom-right corner
  PlotFlags_NoHoverReadout = 1 << 2,  // addition: no crosshair / value tooltip on hover
};

// Axis limits, in order of precedence:
// - no AutoFit: the SetupAxisLimits range if one was given, else the data range.
// - AutoFit + LockMin: min is the SetupAxisLimits min, max fits the data.
// - AutoFit alone: the data range (padded), widened to include any SetupAxisLimits range.
enum AxisFlags_ {
  AxisFlags_None = 0,
  AxisFlags_AutoFit = 1 << 0,
  AxisFlags_LockMin = 1 << 1,
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
void PlotHLine(const char* label_id, double y);  // a dashed horizontal reference line
void SetNextLineColor(ImU32 color);              // for the next series only; else a palette colour
void EndPlot();

// Colour map for heatmaps (diverging blue-white-red, ColorBrewer RdBu), t in [-1, 1] (clamped).
// NaN gives grey.
ImU32 DivergingColor(float t);

// Draws a horizontal colour legend bar for a heatmap at the cursor: the bar, then min / label /
// max below it. v_min maps to DivergingColor(-1), v_max to DivergingColor(+1). size.x <= 0 fills
// the available width. Hovering the bar shows the value under the mouse.
void ColorBar(const char* label, double v_min, double v_max, ImVec2 size = ImVec2(-1, 14));

// Addition: a series that only grows (a recall trace, say), kept as at most 2 * max_buckets
// points that draw the same picture as all of its samples: each bucket of consecutive samples
// keeps its minimum and maximum, in their order. Buckets double in length when they run out,
// so Append is O(1) amortised and plotting a long run costs O(max_buckets), not O(samples).
// Non-finite samples are dropped (they do not break the line as in PlotLine).
class SeriesDownsampler {
 public:
  explicit SeriesDownsampler(int max_buckets = 1024);
  void Clear();
  void Append(double y);  // the sample's x is its index: 0, 1, 2, ...
  int SampleCount() const { return count_; }
  int SamplesPerBucket() const { return bucket_len_; }
  // The kept points, in x order: exactly the samples while there are at most max_buckets.
  int PointCount();
  const double* Xs();
  const double* Ys();
  // PlotLine(label_id, Xs(), Ys(), PointCount()).
  void Plot(const char* label_id);

 private:
  struct Bucket {
    int i_min = -1, i_max = -1;  // -1: no finite sample yet
    double y_min = 0.0, y_max = 0.0;
  };
  void Merge();
  void BuildPoints();
  int max_buckets_;
  int bucket_len_ = 1;
  int count_ = 0;
  std::vector<Bucket> buckets_;
  bool points_valid_ = false;
  std::vector<double> xs_, ys_;
};

// Addition: anti-aliased lines and dots rasterised on the CPU into an RGBA image. A plot with
// thousands of segments then costs the GPU one textured quad instead of thousands of thin
// triangles, which matters where WebGL runs on the CPU (SwiftShader: headless browsers, VMs,
// blocklisted GPUs): there 20 overlap series of a long recall took 19 ms of raster per frame.
// Coverage of a pixel is clamp(thickness/2 + 1/2 - d, 0, 1), with d the distance from the
// pixel centre to the segment (round caps and joins); a polyline takes the maximum coverage
// over its segments, so joins are not drawn twice, and is then blended over what is there.
// A time series denser than the pixel columns takes a faster, slightly approximate path
// (see DenseColumns in plot.cpp).
class LineCanvas {
 public:
  void Reset(int width, int height);  // transparent, width x height pixels
  // Points in pixels (x right, y down; pixel (i, j) covers [i, i+1) x [j, j+1)). One point
  // draws a dot of diameter `thickness`. Non-finite points are skipped.
  void Polyline(const ImVec2* points, int count, ImU32 color, float thickness);
  int Width() const { return width_; }
  int Height() const { return height_; }
  // Row-major, straight (not premultiplied) alpha, in ImU32 / IM_COL32 layout.
  const std::uint32_t* Pixels();

 private:
  void Segment(ImVec2 a, ImVec2 b, float half_width);
  void DenseColumns(float half_width, ImU32 color);
  void Composite(ImU32 color);
  int width_ = 0, height_ = 0;
  // Both stored column by column (index col * height + row): the rasterisers walk columns.
  std::vector<float> premultiplied_;  // r, g, b, a per pixel, in [0, 1]
  std::vector<float> coverage_;       // of the polyline being drawn
  std::vector<int> touched_lo_, touched_hi_;  // rows it touched, per column (lo > hi: none)
  int first_touched_ = 0, last_touched_ = -1;  // columns it touched
  std::vector<std::uint32_t> pixels_;
  std::vector<ImVec2> finite_;      // the polyline's finite points
  std::vector<float> lo_, hi_;      // DenseColumns: the line's extent in each column
};

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

// A tour of every feature. Draws into the current window; when called outside any window it
// opens its own "Plot demo" window.
void ShowPlotDemo();
// Addition: the demo in its own window, with a close button when p_open is not null.
void ShowPlotDemoWindow(bool* p_open = nullptr);

}  // namespace hplot
