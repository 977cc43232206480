#include "app/damage.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hlab::damage {
namespace {

// 64-bit words through a multiply-xorshift mix: fast enough for ~100 KB of vertices a frame.
struct Hasher {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  void word(std::uint64_t w) {
    h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      word(w);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    word(tail ^ (static_cast<std::uint64_t>(size) << 56));
  }
};

float area(const render::Rect& r) { return std::max(0.0f, r.x1 - r.x0) * std::max(0.0f, r.y1 - r.y0); }

bool overlap(const render::Rect& a, const render::Rect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

render::Rect unite(const render::Rect& a, const render::Rect& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

}  // namespace

std::vector<ListSignature> signatures(const ImDrawData* data,
                                      const std::vector<ImTextureID>& changed_textures) {
  std::vector<ListSignature> out;
  const float fb_w = data->DisplaySize.x * data->FramebufferScale.x;
  const float fb_h = data->DisplaySize.y * data->FramebufferScale.y;
  static std::uint64_t unique = 0;  // makes a list with a changed texture differ from any other
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    ListSignature s;
    s.owner = list->_OwnerName ? list->_OwnerName : "";
    Hasher h;
    h.bytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    h.bytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    render::Rect bounds{fb_w, fb_h, 0.0f, 0.0f};
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      h.bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
      h.word(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
      h.word((static_cast<std::uint64_t>(cmd.IdxOffset) << 32) | cmd.ElemCount);
      if (std::find(changed_textures.begin(), changed_textures.end(), cmd.GetTexID()) !=
          changed_textures.end())
        h.word(++unique);
      const render::Rect c = render::framebuffer_rect(data, cmd.ClipRect);
      const render::Rect clip{std::max(0.0f, c.x0), std::max(0.0f, c.y0), std::min(fb_w, c.x1),
                              std::min(fb_h, c.y1)};
      if (area(clip) > 0.0f) bounds = unite(bounds, clip);
    }
    s.hash = h.h;
    s.bounds = area(bounds) > 0.0f ? bounds : render::Rect{};
    out.push_back(std::move(s));
  }
  return out;
}

Damage compare(const std::vector<ListSignature>& before, const std::vector<ListSignature>& after,
               int fb_w, int fb_h, float max_fraction, int max_regions) {
  Damage d;
  std::vector<render::Rect> rects;
  const auto add = [&](const render::Rect& r) {
    if (area(r) > 0.0f) rects.push_back(r);
  };
  // Lists are drawn in order, so a list that moved in the order changes what covers what:
  // compare position by position, and count any difference as damage to both.
  const std::size_t n = std::max(before.size(), after.size());
  for (std::size_t i = 0; i < n; ++i) {
    const ListSignature* b = i < before.size() ? &before[i] : nullptr;
    const ListSignature* a = i < after.size() ? &after[i] : nullptr;
    if (a && b && a->owner == b->owner && a->hash == b->hash && std::memcmp(&a->bounds, &b->bounds, sizeof a->bounds) == 0)
      continue;
    if (b) add(b->bounds);
    if (a) add(a->bounds);
  }
  // Merge overlapping rectangles until none overlap (a handful, so quadratic is fine).
  for (bool merged = true; merged;) {
    merged = false;
    for (std::size_t i = 0; i < rects.size() && !merged; ++i)
      for (std::size_t j = i + 1; j < rects.size() && !merged; ++j)
        if (overlap(rects[i], rects[j])) {
          rects[i] = unite(rects[i], rects[j]);
          rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(j));
          merged = true;
        }
  }
  float total = 0.0f;
  for (const render::Rect& r : rects) total += area(r);
  const float whole = static_cast<float>(fb_w) * static_cast<float>(fb_h);
  if (static_cast<int>(rects.size()) > max_regions || total > max_fraction * whole) {
    d.full = true;
    return d;
  }
  // Whole pixels, so that a region's edge never leaves half a pixel stale.
  for (render::Rect& r : rects)
    r = {std::floor(r.x0), std::floor(r.y0), std::min(static_cast<float>(fb_w), std::ceil(r.x1)),
         std::min(static_cast<float>(fb_h), std::ceil(r.y1))};
  d.regions = std::move(rects);
  return d;
}

}  // namespace hlab::damage
