// Plot lines as images: where WebGL is rasterised on the CPU (SwiftShader, llvmpipe) a plot with
// thousands of segments costs one textured quad instead of thousands of thin triangles. Each
// plot's series are drawn into a LineCanvas; an unchanged plot is not drawn again, and with a
// raster budget (SetRasterBudget) a plot's next image is drawn over several frames while the
// previous one stays on screen. Off (the default) until SetImageUploader gives an uploader:
// then the series are ImDrawList polylines, as in ImPlot.
#include <chrono>
#include <functional>
#include <string_view>

#include "app/hplot/internal.hpp"

namespace hplot {
namespace detail {

LineCanvas* g_canvas = nullptr;
CanvasMapping g_mapping;

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

namespace {

ImageUploader g_upload = nullptr;
double g_raster_budget_ms = 0.0;  // per frame, all plots together; 0: no limit
int g_raster_frame = -1;          // the ImGui frame g_raster_spent_ms counts
double g_raster_spent_ms = 0.0;

}  // namespace

bool ImagesEnabled() { return g_upload != nullptr; }

void DrawSeriesImage(ImDrawList* draw_list, const Transform& t, int highlighted) {
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
  const double frame[12] = {t.area.Min.x, t.area.Min.y, t.area.Max.x, t.area.Max.y, scale,
                            t.x.min, t.x.max, t.y.min, t.y.max, static_cast<double>(highlighted),
                            static_cast<double>(g_plot.series.size()), t.log_y ? 1.0 : 0.0};
  std::size_t hash = bytes(frame, sizeof frame);
  for (const Series& series : g_plot.series) {
    const std::uint32_t head[4] = {static_cast<std::uint32_t>(series.kind), series.color,
                                   static_cast<std::uint32_t>(series.count), static_cast<std::uint32_t>(series.dash)};
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
    const bool whole = (g_plot.flags & PlotFlags_Whole) != 0;
    // Else the picture under way is finished first (the plot keeps moving), but not for a
    // picture drawn once: it is of this frame's data.
    if (!job.active || (whole && job.hash != hash)) {
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
      if (!first && has_picture && !whole && g_raster_budget_ms > 0.0 && g_raster_spent_ms >= g_raster_budget_ms)
        break;
      const auto start = std::chrono::steady_clock::now();
      DrawSeries(draw_list, job.t, job.points.data(), job.series[static_cast<std::size_t>(job.next)],
                 job.highlighted < 0 ? 0 : job.next == job.highlighted ? 1 : -1);
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
}

}  // namespace detail

void SetImageUploader(ImageUploader upload) { detail::g_upload = upload; }

void SetRasterBudget(double ms_per_frame) {
  detail::g_raster_budget_ms = std::max(0.0, ms_per_frame);
}

}  // namespace hplot
