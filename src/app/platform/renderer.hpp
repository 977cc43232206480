// Draws Dear ImGui's draw data with OpenGL 3 / OpenGL ES 3 (WebGL2), in place of
// imgui_impl_opengl3. The app owns its GL context, so nothing is backed up or restored: the
// stock backend reads about fifteen pieces of GL state per frame, and in a browser several of
// them (scissor box, blend functions) are synchronous round trips to the GPU process, measured
// at 0.2-0.5 ms each in Chromium. The vertex array and buffers live as long as the renderer.
//
// It can also redraw only parts of the framebuffer (`regions`): every command is clipped to
// each region in turn, so pixels outside them keep what the previous frame drew there. That
// needs a framebuffer that survives presentation (WebGL's preserveDrawingBuffer).
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hlab::render {

// A rectangle in framebuffer pixels, y down (as ImGui's clip rectangles): [x0, x1) x [y0, y1).
struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// An ImGui clip rectangle of `data` in framebuffer pixels (not clamped to the framebuffer).
inline Rect framebuffer_rect(const ImDrawData* data, const ImVec4& clip) {
  const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
  return {(clip.x - origin.x) * scale.x, (clip.y - origin.y) * scale.y,
          (clip.z - origin.x) * scale.x, (clip.w - origin.y) * scale.y};
}

// The framebuffer pixels a triangle of `data` (corners a, b, c) can paint: its bounds, widened
// by a pixel as a margin for rasterisers that snap vertices; not clipped.
inline Rect triangle_bounds(const ImDrawData* data, ImVec2 a, ImVec2 b, ImVec2 c) {
  const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
  const auto lo = [](float p, float q, float r) { return std::min(std::min(p, q), r); };
  const auto hi = [](float p, float q, float r) { return std::max(std::max(p, q), r); };
  return {(lo(a.x, b.x, c.x) - origin.x) * scale.x - 1.0f, (lo(a.y, b.y, c.y) - origin.y) * scale.y - 1.0f,
          (hi(a.x, b.x, c.x) - origin.x) * scale.x + 1.0f, (hi(a.y, b.y, c.y) - origin.y) * scale.y + 1.0f};
}

// Compiles the shaders and creates the buffers; false (with a message on stderr) on failure.
// Needs a current context: OpenGL 3.0+ natively, WebGL2 under Emscripten.
bool init();
void shutdown();
// After the context was lost (WebGL): drops every GL object name without deleting it (they
// died with the context), so that init() and create_fonts_texture() can start afresh.
void forget();
// (Re)creates the font atlas texture from ImGui's font atlas (after the fonts change).
void create_fonts_texture();
// Images drawn with the UI (grids, heatmaps, plot lines): uploads a w x h RGBA image
// (row-major, 0xAABBGGRR as ImGui colours) into a texture that lives until the end of the
// frame after next, and returns it for ImGui::Image. Pixels are drawn unfiltered, so a
// 16 x 16 grid stays crisp at any size. An image equal to the one its texture held last
// frame is not sent again. Needs the renderer's context (between init and shutdown).
ImTextureID frame_image(int w, int h, const std::uint32_t* rgba);
// Starts a frame's images (the pool's textures are handed out from the first again).
void begin_frame();
// The textures whose pixels were replaced since begin_frame (for the redraw regions).
const std::vector<ImTextureID>& changed_textures();

// Clears the framebuffer to `clear` and draws `data`: everything when `regions` is empty,
// else only inside the regions.
void draw(const ImDrawData* data, const ImVec4& clear, const std::vector<Rect>& regions = {});
// Draws `data` into an off-screen framebuffer of its own size (DisplaySize x FramebufferScale)
// and reads it back into `rgba` (bottom row first, as GL reads); false if GL cannot.
bool draw_offscreen(const ImDrawData* data, const ImVec4& clear, std::vector<unsigned char>* rgba);

}  // namespace hlab::render
