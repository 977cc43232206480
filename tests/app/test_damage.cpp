// hlab::damage (src/app/platform/damage.hpp): which regions of the window a frame must redraw.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <random>

#include "app/platform/damage.hpp"

using hlab::damage::Fingerprint;
using hlab::render::Rect;

namespace {

bool same(const Rect& a, const Rect& b) {
  return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

// One draw list recorded by `paint`, in a display of w x h points at `scale` framebuffer
// pixels per point, fingerprinted with 16-pixel tiles.
class Frame {
 public:
  Frame() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left behind
    list_ = new ImDrawList(ImGui::GetDrawListSharedData());
  }
  ~Frame() {
    delete list_;
    ImGui::DestroyContext();
  }
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

  Fingerprint print(const std::function<void(ImDrawList&)>& paint, float w = 160, float h = 96,
                    float scale = 1, const std::vector<ImTextureID>& changed = {}) {
    list_->_ResetForNewFrame();
    list_->PushClipRect(ImVec2(0, 0), ImVec2(w, h));
    list_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    paint(*list_);
    list_->PopTextureID();
    list_->PopClipRect();
    ImDrawData data;
    data.Valid = true;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(w, h);
    data.FramebufferScale = ImVec2(scale, scale);
    data.CmdLists.push_back(list_);
    data.CmdListsCount = 1;
    return hlab::damage::fingerprint(&data, changed);
  }

 private:
  ImDrawList* list_;
};

const ImU32 kRed = IM_COL32(255, 0, 0, 255), kBlue = IM_COL32(0, 0, 255, 255);

}  // namespace

TEST_CASE("damage: an unchanged frame needs no drawing", "[damage]") {
  Frame frame;
  const auto paint = [](ImDrawList& l) {
    l.AddRectFilled(ImVec2(10, 10), ImVec2(100, 50), kRed);
    l.AddLine(ImVec2(20, 60), ImVec2(140, 90), kBlue, 2.0f);
  };
  const Fingerprint a = frame.print(paint), b = frame.print(paint);
  CHECK(a.cols == 10);  // 160 / 16
  CHECK(a.rows == 6);   // 96 / 16
  const auto d = hlab::damage::compare(a, b);
  CHECK_FALSE(d.full);
  CHECK(d.regions.empty());
}

TEST_CASE("damage: a change is redrawn on the tiles it touches, and no others", "[damage]") {
  Frame frame;
  const auto scene = [](ImU32 small_colour, ImVec2 at) {
    return [=](ImDrawList& l) {
      l.AddRectFilled(ImVec2(0, 0), ImVec2(160, 96), kBlue);  // a background under everything
      l.AddRectFilled(at, ImVec2(at.x + 15, at.y + 20), small_colour);
    };
  };
  const Fingerprint before = frame.print(scene(kRed, ImVec2(35, 20)));
  // The small rectangle covers x 35..50, y 20..40; with a pixel's margin x 34..51 and y 19..41:
  // tile columns 2..3 (32..64) and rows 1..2 (16..48).
  auto d = hlab::damage::compare(before, frame.print(scene(IM_COL32(255, 0, 0, 254), ImVec2(35, 20))));
  REQUIRE_FALSE(d.full);
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {32, 16, 64, 48}));
  // An edge on a tile's border also damages the next tile: a pixel's margin around every
  // triangle, for rasterisers that snap vertices (x 48..64 becomes 47..65: columns 2..4).
  d = hlab::damage::compare(before, frame.print([&](ImDrawList& l) {
    scene(kRed, ImVec2(35, 20))(l);
    l.AddRectFilled(ImVec2(48, 64), ImVec2(64, 80), kRed);
  }));
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {32, 48, 80, 96}));
  // Moved right by 60: where it was and where it is, two regions (merging would redraw more).
  d = hlab::damage::compare(before, frame.print(scene(kRed, ImVec2(95, 20))));
  REQUIRE(d.regions.size() == 2);
  CHECK(same(d.regions[0], {32, 16, 64, 48}));
  CHECK(same(d.regions[1], {80, 16, 112, 48}));  // x 94..111
  // The same move on a display twice as dense: the same regions in framebuffer pixels, twice
  // the coordinates (tiles stay 16 framebuffer pixels).
  const Fingerprint hidpi = frame.print(scene(kRed, ImVec2(35, 20)), 160, 96, 2);
  CHECK(hidpi.cols == 20);
  d = hlab::damage::compare(hidpi, frame.print(scene(kRed, ImVec2(95, 20)), 160, 96, 2));
  REQUIRE(d.regions.size() == 2);
  CHECK(same(d.regions[0], {64, 32, 112, 96}));   // x 69..101, y 39..81
  CHECK(same(d.regions[1], {176, 32, 224, 96}));  // x 189..221
}

TEST_CASE("damage: only what is drawn counts", "[damage]") {
  Frame frame;
  const auto clipped = [](ImU32 colour) {
    return [=](ImDrawList& l) {
      l.PushClipRect(ImVec2(0, 0), ImVec2(64, 64));
      l.AddRectFilled(ImVec2(100, 10), ImVec2(140, 30), colour);  // wholly outside its clip
      l.PopClipRect();
    };
  };
  auto d = hlab::damage::compare(frame.print(clipped(kRed)), frame.print(clipped(kBlue)));
  CHECK_FALSE(d.full);
  CHECK(d.regions.empty());
  // The clip rectangle decides what a triangle paints: a wider clip shows the rectangle's
  // left part, x 100..120 (with the margin 99..120: tile columns 6..7).
  const auto widened = [](ImDrawList& l) {
    l.PushClipRect(ImVec2(0, 0), ImVec2(120, 64));
    l.AddRectFilled(ImVec2(100, 10), ImVec2(140, 30), kRed);
    l.PopClipRect();
  };
  d = hlab::damage::compare(frame.print(clipped(kRed)), frame.print(widened));
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {96, 0, 128, 32}));
}

TEST_CASE("damage: draw order is part of the picture", "[damage]") {
  Frame frame;
  const auto a = [](ImDrawList& l) { l.AddRectFilled(ImVec2(0, 0), ImVec2(40, 40), kRed); };
  const auto b = [](ImDrawList& l) { l.AddRectFilled(ImVec2(30, 30), ImVec2(70, 70), kBlue); };
  // Swapping them changes only the tiles both reach: a's (margin -1..41) columns and rows
  // 0..2, b's (29..71) 1..4; both: 1..2.
  const auto d = hlab::damage::compare(frame.print([&](ImDrawList& l) { a(l), b(l); }),
                                       frame.print([&](ImDrawList& l) { b(l), a(l); }));
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {16, 16, 48, 48}));
}

TEST_CASE("damage: a texture replaced this frame is redrawn where it is drawn", "[damage]") {
  Frame frame;
  const auto tex = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(7));
  const auto other = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(8));
  const auto paint = [&](ImDrawList& l) {
    l.AddRectFilled(ImVec2(0, 0), ImVec2(20, 20), kRed);
    l.AddImage(tex, ImVec2(70, 40), ImVec2(90, 60));  // margin 69..91, 39..61
  };
  const Fingerprint first = frame.print(paint);
  CHECK(hlab::damage::compare(first, frame.print(paint, 160, 96, 1, {other})).regions.empty());
  const Fingerprint replaced = frame.print(paint, 160, 96, 1, {tex});
  auto d = hlab::damage::compare(first, replaced);
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {64, 32, 96, 64}));
  // Replaced again: its pixels may differ again, whatever the vertices say.
  d = hlab::damage::compare(replaced, frame.print(paint, 160, 96, 1, {tex}));
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {64, 32, 96, 64}));
}

TEST_CASE("damage: a new size, or a change over most of the window, redraws everything", "[damage]") {
  Frame frame;
  const auto paint = [](ImU32 colour) {
    return [=](ImDrawList& l) { l.AddRectFilled(ImVec2(0, 0), ImVec2(130, 80), colour); };
  };
  const Fingerprint before = frame.print(paint(kRed));
  CHECK(hlab::damage::compare(before, frame.print(paint(kRed), 176, 96)).full);
  // 144 x 96 of 160 x 96 changed: 90% > 60%
  CHECK(hlab::damage::compare(before, frame.print(paint(kBlue))).full);
  const auto d = hlab::damage::compare(before, frame.print(paint(kBlue)), 0.95f);
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {0, 0, 144, 96}));  // the last row of tiles is cut short at 96
}

TEST_CASE("damage: any set of changed tiles is covered by a few regions that never overlap", "[damage]") {
  // Random changes, sparse to dense, in scattered dots and in blocks: every changed tile must be
  // inside a region (else stale pixels), regions must not overlap (else double blending), and
  // there are at most max_regions of them, tile-aligned and inside the framebuffer.
  std::mt19937 rng(12345);
  Fingerprint before;
  before.fb_w = 630;  // 40 x 25 tiles, the last column and row cut short
  before.fb_h = 390;
  before.tile = 16;
  before.cols = 40;
  before.rows = 25;
  before.tiles.assign(1000, 0);
  for (int trial = 0; trial < 300; ++trial) {
    Fingerprint after = before;
    const double density = std::uniform_real_distribution<double>(0.0, 0.3)(rng);
    const int block = trial % 2 == 1 ? 5 : 1;  // dots, or 5 x 5 blocks of tiles
    std::vector<char> changed(1000);
    for (char& c : changed) c = std::uniform_real_distribution<double>(0, 1)(rng) < density;
    for (int y = 0; y < after.rows; ++y)
      for (int x = 0; x < after.cols; ++x)
        if (changed[static_cast<std::size_t>((y / block) * after.cols + x / block)])
          after.tiles[static_cast<std::size_t>(y * after.cols + x)] = 1;
    const int max_regions = 1 + trial % 10;
    const auto d = hlab::damage::compare(before, after, 1.0f, max_regions);
    REQUIRE_FALSE(d.full);  // max_fraction 1: never full
    CHECK(static_cast<int>(d.regions.size()) <= max_regions);
    for (std::size_t i = 0; i < d.regions.size(); ++i) {
      const Rect& r = d.regions[i];
      CHECK((r.x0 >= 0 && r.y0 >= 0 && r.x1 <= 630 && r.y1 <= 390 && r.x0 < r.x1 && r.y0 < r.y1));
      CHECK(static_cast<int>(r.x0) % 16 == 0);
      CHECK(static_cast<int>(r.y0) % 16 == 0);
      for (std::size_t j = i + 1; j < d.regions.size(); ++j) {
        const Rect& o = d.regions[j];
        CHECK_FALSE((r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1));
      }
    }
    bool any = false;
    for (int y = 0; y < after.rows; ++y)
      for (int x = 0; x < after.cols; ++x) {
        if (after.tiles[static_cast<std::size_t>(y * after.cols + x)] == 0) continue;
        any = true;
        const float cx = static_cast<float>(x * 16) + 0.5f, cy = static_cast<float>(y * 16) + 0.5f;
        bool covered = false;
        for (const Rect& r : d.regions) covered = covered || (cx >= r.x0 && cx < r.x1 && cy >= r.y0 && cy < r.y1);
        CHECK(covered);
      }
    CHECK(any == !d.regions.empty());
  }
}
