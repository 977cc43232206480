// Which parts of the window changed since the last frame. The framebuffer is cut into square
// tiles, and each tile gets a hash of everything that can paint it: the triangles whose bounds
// reach it, in draw order, with their vertices, clip rectangle and texture. Two frames whose
// hashes agree on a tile paint it the same pixels, so the web page redraws only the tiles that
// differ (merged into a few rectangles), or nothing at all when the picture is unchanged: a
// software WebGL (headless browsers, VMs) spends its frame filling pixels, and a laptop's GPU
// spends battery doing the same.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

#include "app/platform/renderer.hpp"

namespace hlab::damage {

// The picture a frame draws, as one hash per tile of `tile` x `tile` framebuffer pixels
// (row-major, `cols` x `rows`; tiles on the right and bottom edges may be cut short).
struct Fingerprint {
  int fb_w = 0, fb_h = 0;
  int tile = 0, cols = 0, rows = 0;
  std::vector<std::uint64_t> tiles;
};

constexpr int kTile = 16;

// The fingerprint of `data`. Triangles using a texture whose id is in `changed_textures` (its
// pixels were replaced this frame) hash differently from those of any other frame.
Fingerprint fingerprint(const ImDrawData* data, const std::vector<ImTextureID>& changed_textures,
                        int tile = kTile);

struct Damage {
  bool full = false;                  // redraw everything
  std::vector<render::Rect> regions;  // else these, in whole pixels, never overlapping (none:
                                      // the picture is unchanged)
};

// What must be redrawn to turn the `before` picture into the `after` one: every tile whose hash
// differs, covered by at most `max_regions` rectangles. Everything is redrawn when the sizes
// differ or the rectangles would cover more than `max_fraction` of the framebuffer.
Damage compare(const Fingerprint& before, const Fingerprint& after, float max_fraction = 0.6f,
               int max_regions = 8);

}  // namespace hlab::damage
