// Which parts of the window changed since the last frame, from a signature of each ImGui draw
// list (its owner, a hash of its vertices, indices and commands, and the rectangle its clip
// rectangles cover). The web page then redraws only those parts, or nothing at all when the
// picture is unchanged: a software WebGL (headless browsers, VMs) spends its frame filling
// pixels, and a laptop's GPU spends battery doing the same.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/renderer.hpp"

namespace hlab::damage {

struct ListSignature {
  std::string owner;       // the owner window's name: draw lists are matched by it
  std::uint64_t hash = 0;  // of everything the list would draw
  render::Rect bounds;     // framebuffer pixels covered by its clip rectangles
};

// Signatures of every draw list in `data`, in draw order. A list using a texture whose id is
// in `changed_textures` (its pixels were replaced this frame) gets a hash no frame repeats.
std::vector<ListSignature> signatures(const ImDrawData* data,
                                      const std::vector<ImTextureID>& changed_textures);

struct Damage {
  bool full = false;                 // redraw everything
  std::vector<render::Rect> regions;  // else these (none: the picture is unchanged)
};

// What must be redrawn to turn the `before` picture into the `after` one, in a framebuffer of
// fb_w x fb_h: the bounds (old and new) of every list that was added, removed, reordered or
// changed. When the regions would cover more than `max_fraction` of the framebuffer, or there
// would be more than `max_regions` of them after merging overlaps, everything is redrawn.
Damage compare(const std::vector<ListSignature>& before, const std::vector<ListSignature>& after,
               int fb_w, int fb_h, float max_fraction = 0.6f, int max_regions = 4);

}  // namespace hlab::damage
