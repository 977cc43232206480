// hplot::LineCanvas: the CPU line rasteriser behind plot images (see SetImageUploader).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace hplot {

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

}  // namespace hplot
