// The thin platform layer shared by the desktop and web builds: an SDL2 window with an
// OpenGL (ES) 3 context, Dear ImGui set up for it, events, the main loop and screenshots.
// Drawing belongs to the renderer (renderer.hpp); everything above this layer is plain ImGui
// and gets what it needs from the platform as a FrameInfo, never by asking.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace hlab::platform {

// How plot lines are drawn: as one CPU-drawn image per plot where GL / WebGL rasterises on the
// CPU (Auto, the default), always so (Image), or always as ImDrawList triangles (Triangles).
// The URL's plots=auto|image|triangles; for tests and comparisons.
enum class PlotLines { Auto, Image, Triangles };

// Where a desktop window of the wanted size opens on a screen whose usable area (without the
// task bar) is `area`: sized to fit within 90% of it, never below 640 x 480 or above the area,
// and centred in it, so its title bar and edges are on screen.
struct WindowRect {
  int x = 0, y = 0, width = 0, height = 0;
  friend bool operator==(const WindowRect&, const WindowRect&) = default;
};
inline WindowRect fit_window(int width, int height, const WindowRect& area) {
  const auto fit = [](int want, int room, int least) {
    const int most = room * 9 / 10;
    return want <= most ? want : (most >= least ? most : (room < least ? room : least));
  };
  WindowRect r;
  r.width = fit(width, area.width, 640);
  r.height = fit(height, area.height, 480);
  r.x = area.x + (area.width - r.width) / 2;
  r.y = area.y + (area.height - r.height) / 2;
  return r;
}

struct Config {
  std::string title = "Hopfield Lab";
  int width = 1400;
  int height = 900;
  int smoke_frames = -1;    // > 0: run this many frames, then exit 0
  std::string screenshot;   // with smoke_frames: save the last frame here (PNG)
  // Web: draw every frame in full instead of only what changed (the URL's redraw=full), to
  // compare the two or to work around a browser that loses the canvas between frames.
  bool full_redraw = false;
  PlotLines plot_lines = PlotLines::Auto;
};

// What each frame is told.
struct FrameInfo {
  double dt = 0.0;            // seconds since the previous frame
  double draw_ms = 0.0;       // how long the previous frame took to find what changed and draw it
  bool plot_images = false;   // draw plot lines as CPU-drawn images (see PlotLines)
  // The primary pointer is coarse, a finger (the browser's `pointer: coarse`: phones,
  // tablets); the desktop's is a mouse.
  bool coarse_pointer = false;
};

// Creates the window and runs `frame` once per frame (between ImGui::NewFrame and Render)
// until the window closes. Returns the process exit code. In the browser it never returns.
int run(const Config& config, const std::function<void(const FrameInfo&)>& frame);

// Frames drawn so far: in full, only in the regions that changed (web), or not at all because
// nothing changed (web; the browser keeps showing the last frame).
struct FrameCounts {
  std::uint64_t full = 0, partial = 0, skipped = 0;
  double pixels = 0;  // framebuffer pixels redrawn, over all frames drawn
};

// Everything the platform knows that others may read (the web bridge's getFrameStats).
struct Status {
  FrameCounts frames;
  std::string renderer;   // the renderer's name, as far as the browser tells it
  // True when OpenGL / WebGL is rasterised on the CPU (SwiftShader, llvmpipe, softpipe, WARP),
  // judged from the renderer's name; a browser that hides the name counts as a GPU.
  bool software = false;
};
Status status();

// Something outside the window's events changed the app (the page's API): the web build's
// main loop then builds every frame again for a while instead of idling (platform.cpp).
void wake();

// Asks for a PNG of a screen rectangle (ImGui coordinates, logical pixels) as the next frame
// draws it, at the framebuffer's resolution (HiDPI: physical pixels). `done` gets the PNG's
// bytes after that frame, or an empty string when the rectangle is empty or off screen.
void capture_png(float x, float y, float width, float height,
                 std::function<void(const std::string& png)> done);

// Asks for a PNG of exactly width x height framebuffer pixels of what `draw` (ImGui calls)
// draws in a window that fills it, rendered off screen after the next frame (not clipped by
// the screen, no pointer over it); `done` gets the PNG's bytes then, or an empty string when
// it could not be drawn. `draw` runs later: it must own what it draws.
void render_png(int width, int height, std::function<void()> draw,
                std::function<void(const std::string& png)> done);

// Text size relative to the default 13 px (fonts are rebuilt before the next frame).
void set_ui_scale(float scale);

}  // namespace hlab::platform
