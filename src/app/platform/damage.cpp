#include "app/platform/damage.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hlab::damage {
namespace {

// 64-bit words through a multiply-xorshift mix. Not commutative: the order of what paints a
// tile is part of its hash, as it is part of its pixels.
struct Hasher {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  void word(std::uint64_t w) {
    h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  template <class T>
  void value(const T& v) {
    static_assert(sizeof(T) <= 8, "one word at a time");
    std::uint64_t w = 0;
    std::memcpy(&w, &v, sizeof v);
    word(w);
  }
  void vertex(const ImDrawVert& v) {
    value(v.pos);
    value(v.uv);
    word(v.col);
  }
};

// A rectangle of tiles: [x0, x1) x [y0, y1).
struct TileRect {
  int x0, y0, x1, y1;
  long long area() const { return static_cast<long long>(x1 - x0) * (y1 - y0); }
};

bool overlap(const TileRect& a, const TileRect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

TileRect unite(const TileRect& a, const TileRect& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Rectangles that cover exactly the set cells of `mask` (cols x rows), without overlap: the
// runs of each row, a run growing downwards while the row below has the same run.
std::vector<TileRect> cover(const std::vector<char>& mask, int cols, int rows) {
  std::vector<TileRect> rects;
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols;) {
      if (!mask[static_cast<std::size_t>(y * cols + x)]) {
        ++x;
        continue;
      }
      int end = x;
      while (end < cols && mask[static_cast<std::size_t>(y * cols + end)]) ++end;
      auto open = std::find_if(rects.begin(), rects.end(), [&](const TileRect& r) {
        return r.y1 == y && r.x0 == x && r.x1 == end;
      });
      if (open != rects.end())
        open->y1 = y + 1;
      else
        rects.push_back({x, y, end, y + 1});
      x = end;
    }
  return rects;
}

// Merges rectangles until at most `most` are left, each time the pair whose bounding box wastes
// the least area, and then whatever that box overlaps (regions must not overlap: a pixel
// drawn twice would blend twice).
void merge_down(std::vector<TileRect>& rects, std::size_t most) {
  while (rects.size() > most) {
    std::size_t bi = 0, bj = 1;
    long long best = -1;
    for (std::size_t i = 0; i < rects.size(); ++i)
      for (std::size_t j = i + 1; j < rects.size(); ++j) {
        const long long waste = unite(rects[i], rects[j]).area() - rects[i].area() - rects[j].area();
        if (best < 0 || waste < best) {
          best = waste;
          bi = i;
          bj = j;
        }
      }
    rects[bi] = unite(rects[bi], rects[bj]);
    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bj));
    if (bj < bi) --bi;
    for (std::size_t k = 0; k < rects.size();) {
      if (k != bi && overlap(rects[bi], rects[k])) {
        rects[bi] = unite(rects[bi], rects[k]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(k));
        if (k < bi) --bi;
        k = 0;  // the box grew: look again from the start
      } else {
        ++k;
      }
    }
  }
}

}  // namespace

Fingerprint fingerprint(const ImDrawData* data, const std::vector<ImTextureID>& changed_textures,
                        int tile) {
  Fingerprint f;
  f.fb_w = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  f.fb_h = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  f.tile = std::max(1, tile);
  if (f.fb_w <= 0 || f.fb_h <= 0) return f;
  f.cols = (f.fb_w + f.tile - 1) / f.tile;
  f.rows = (f.fb_h + f.tile - 1) / f.tile;
  f.tiles.assign(static_cast<std::size_t>(f.cols) * static_cast<std::size_t>(f.rows), 0);
  const float w = static_cast<float>(f.fb_w), h = static_cast<float>(f.fb_h);
  static std::uint64_t unique = 0;  // makes a replaced texture's triangles differ from any other

  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;  // the app registers none
      // The pixels the renderer's scissor can let through, in whole pixels, on the screen.
      const render::Rect c = render::framebuffer_rect(data, cmd.ClipRect);
      const float cx0 = std::max(0.0f, std::floor(c.x0)), cy0 = std::max(0.0f, std::floor(c.y0));
      const float cx1 = std::min(w, std::ceil(c.x1)), cy1 = std::min(h, std::ceil(c.y1));
      if (cx1 <= cx0 || cy1 <= cy0) continue;
      Hasher command;
      command.value(ImVec2(cmd.ClipRect.x, cmd.ClipRect.y));
      command.value(ImVec2(cmd.ClipRect.z, cmd.ClipRect.w));
      command.word(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
      if (std::find(changed_textures.begin(), changed_textures.end(), cmd.GetTexID()) !=
          changed_textures.end())
        command.word(++unique);
      const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      for (unsigned int t = 0; t + 2 < cmd.ElemCount; t += 3) {
        const ImDrawVert& a = v[idx[t]];
        const ImDrawVert& b = v[idx[t + 1]];
        const ImDrawVert& d = v[idx[t + 2]];
        // The pixels it can paint, clipped to what the scissor lets through.
        const render::Rect r = render::triangle_bounds(data, a.pos, b.pos, d.pos);
        const float x0 = std::max(cx0, r.x0), y0 = std::max(cy0, r.y0);
        const float x1 = std::min(cx1, r.x1), y1 = std::min(cy1, r.y1);
        if (!(x1 > x0 && y1 > y0)) continue;  // clipped away
        Hasher tri = command;
        tri.vertex(a);
        tri.vertex(b);
        tri.vertex(d);
        const int tx0 = static_cast<int>(x0) / f.tile, ty0 = static_cast<int>(y0) / f.tile;
        const int tx1 = (static_cast<int>(std::ceil(x1)) - 1) / f.tile;
        const int ty1 = (static_cast<int>(std::ceil(y1)) - 1) / f.tile;
        // (cell ^ tri) * odd: cheap, and still not commutative across triangles.
        for (int ty = ty0; ty <= ty1; ++ty) {
          std::uint64_t* cell = &f.tiles[static_cast<std::size_t>(ty * f.cols + tx0)];
          for (int tx = tx0; tx <= tx1; ++tx, ++cell) *cell = (*cell ^ tri.h) * 0x9E3779B97F4A7C15ull;
        }
      }
    }
  }
  return f;
}

Damage compare(const Fingerprint& before, const Fingerprint& after, float max_fraction,
               int max_regions) {
  Damage d;
  if (before.fb_w != after.fb_w || before.fb_h != after.fb_h || before.tile != after.tile ||
      before.tiles.size() != after.tiles.size() || after.tiles.empty()) {
    d.full = true;
    return d;
  }
  int cols = after.cols, rows = after.rows, tile = after.tile;
  std::vector<char> mask(after.tiles.size());
  bool any = false;
  for (std::size_t i = 0; i < mask.size(); ++i) {
    mask[i] = before.tiles[i] != after.tiles[i];
    any = any || mask[i];
  }
  if (!any) return d;

  // A scattered change can need many rectangles: coarsen the tiles (2 x 2 into 1) until a few
  // dozen do, so that merging them stays cheap.
  constexpr std::size_t kMostToMerge = 48;
  std::vector<TileRect> rects = cover(mask, cols, rows);
  while (rects.size() > kMostToMerge) {
    const int c2 = (cols + 1) / 2, r2 = (rows + 1) / 2;
    std::vector<char> coarse(static_cast<std::size_t>(c2) * static_cast<std::size_t>(r2), 0);
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < cols; ++x)
        if (mask[static_cast<std::size_t>(y * cols + x)])
          coarse[static_cast<std::size_t>((y / 2) * c2 + x / 2)] = 1;
    mask = std::move(coarse);
    cols = c2;
    rows = r2;
    tile *= 2;
    rects = cover(mask, cols, rows);
  }
  merge_down(rects, static_cast<std::size_t>(std::max(1, max_regions)));

  double total = 0.0;
  for (const TileRect& r : rects) {
    const render::Rect p{static_cast<float>(r.x0 * tile), static_cast<float>(r.y0 * tile),
                         static_cast<float>(std::min(after.fb_w, r.x1 * tile)),
                         static_cast<float>(std::min(after.fb_h, r.y1 * tile))};
    total += static_cast<double>(p.x1 - p.x0) * static_cast<double>(p.y1 - p.y0);
    d.regions.push_back(p);
  }
  if (total > static_cast<double>(max_fraction) * after.fb_w * after.fb_h) {
    d.full = true;
    d.regions.clear();
  }
  return d;
}

}  // namespace hlab::damage
