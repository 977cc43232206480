// The thin platform layer shared by the desktop and web builds: an SDL2 window with an
// OpenGL (ES) 3 context, Dear ImGui set up for it, the main loop, images for grids and
// heatmaps, and screenshots. Everything outside this layer is plain ImGui.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>

namespace hlab::platform {

struct Config {
  std::string title = "Hopfield Lab";
  int width = 1400;
  int height = 900;
  int smoke_frames = -1;    // > 0: run this many frames, then exit 0
  std::string screenshot;   // with smoke_frames: save the last frame here (PNG)
};

// Creates the window and runs `frame` once per frame (between ImGui::NewFrame and Render)
// until the window closes. Returns the process exit code. In the browser it never returns.
int run(const Config& config, const std::function<void()>& frame);

// Physical pixels per logical pixel (2 on a typical HiDPI screen).
float pixel_ratio();

// Frames drawn so far: in full, only in the regions that changed (web), or not at all because
// nothing changed (web; the browser keeps showing the last frame).
struct FrameCounts {
  std::uint64_t full = 0, partial = 0, skipped = 0;
  double pixels = 0;  // framebuffer pixels redrawn, over all frames drawn
};
FrameCounts frame_counts();
// How long the last frame took to find what changed and send it to the GPU, in ms.
double last_draw_ms();
// Web: draw every frame in full instead of only what changed (the URL's redraw=full), to
// compare the two or to work around a browser that loses the canvas between frames.
void set_full_redraw(bool full);
// How plot lines are drawn: as one CPU-drawn image per plot where GL / WebGL rasterises on the
// CPU (Auto, the default), always so (Image), or always as ImDrawList triangles (Triangles).
// The URL's plots=auto|image|triangles; for tests and comparisons.
enum class PlotLines { Auto, Image, Triangles };
void set_plot_lines(PlotLines mode);
// Whether plot lines are drawn as images (needs the GL context: from the first frame on).
bool plot_lines_as_images();

// True when OpenGL / WebGL is rasterised on the CPU (SwiftShader, llvmpipe, softpipe, WARP),
// judged from the renderer's name; a browser that hides the name counts as a GPU.
bool software_rendering();
// The renderer's name, as far as the browser tells it.
const std::string& renderer_name();

// Uploads a w x h RGBA image (row-major, 0xAABBGGRR as ImGui colours) into a texture that
// lives until the end of the frame after next, and returns it for ImGui::Image. Pixels are
// drawn unfiltered, so a 16 x 16 grid stays crisp at any size.
ImTextureID frame_image(int w, int h, const std::uint32_t* rgba);

}  // namespace hlab::platform
