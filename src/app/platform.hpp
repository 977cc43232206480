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

// Uploads a w x h RGBA image (row-major, 0xAABBGGRR as ImGui colours) into a texture that
// lives until the end of the frame after next, and returns it for ImGui::Image. Pixels are
// drawn unfiltered, so a 16 x 16 grid stays crisp at any size.
ImTextureID frame_image(int w, int h, const std::uint32_t* rgba);

}  // namespace hlab::platform
