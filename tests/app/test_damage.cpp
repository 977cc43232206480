// hlab::damage (src/app/damage.hpp): which regions of the window a frame must redraw.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/damage.hpp"

using hlab::damage::ListSignature;
using hlab::render::Rect;

namespace {

ListSignature sig(const char* owner, std::uint64_t hash, Rect bounds) {
  return ListSignature{owner, hash, bounds};
}

bool same(const Rect& a, const Rect& b) {
  return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

const std::vector<ListSignature> kFrame = {
    sig("main", 1, {0, 0, 1000, 800}),
    sig("main/left", 2, {0, 20, 300, 800}),
    sig("main/middle", 3, {310, 20, 650, 800}),
    sig("main/right", 4, {660, 20, 1000, 800}),
};

}  // namespace

TEST_CASE("damage: an unchanged frame needs no drawing", "[damage]") {
  const auto d = hlab::damage::compare(kFrame, kFrame, 1000, 800);
  CHECK_FALSE(d.full);
  CHECK(d.regions.empty());
}

TEST_CASE("damage: a changed list is redrawn where it was and where it is", "[damage]") {
  auto after = kFrame;
  after[2].hash = 33;  // the middle column's content changed
  auto d = hlab::damage::compare(kFrame, after, 1000, 800);
  REQUIRE_FALSE(d.full);
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {310, 20, 650, 800}));

  // Moved (same content, new bounds): both places, merged since they overlap.
  after = kFrame;
  after[1].bounds = {0, 40, 300, 780};
  d = hlab::damage::compare(kFrame, after, 1000, 800);
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {0, 20, 300, 800}));
}

TEST_CASE("damage: lists that appear or disappear are redrawn", "[damage]") {
  auto after = kFrame;
  after.push_back(sig("##Tooltip_00", 9, {400, 100, 520.5f, 140.25f}));
  auto d = hlab::damage::compare(kFrame, after, 1000, 800);
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {400, 100, 521, 141}));  // whole pixels, rounded outward
  d = hlab::damage::compare(after, kFrame, 1000, 800);  // the tooltip goes away
  REQUIRE(d.regions.size() == 1);
  CHECK(same(d.regions[0], {400, 100, 521, 141}));
}

TEST_CASE("damage: separate changes stay separate, overlapping ones merge", "[damage]") {
  std::vector<ListSignature> before = {sig("main", 1, {0, 0, 1000, 800}), sig("a", 2, {0, 0, 100, 100}),
                                       sig("b", 3, {500, 500, 600, 600}), sig("c", 4, {80, 80, 200, 150})};
  auto after = before;
  after[1].hash = after[2].hash = 99;
  auto d = hlab::damage::compare(before, after, 1000, 800);
  REQUIRE(d.regions.size() == 2);
  CHECK(same(d.regions[0], {0, 0, 100, 100}));
  CHECK(same(d.regions[1], {500, 500, 600, 600}));
  after[3].hash = 99;  // c overlaps a: they become one region
  d = hlab::damage::compare(before, after, 1000, 800);
  REQUIRE(d.regions.size() == 2);
  CHECK(same(d.regions[0], {0, 0, 200, 150}));
}

TEST_CASE("damage: large or scattered changes redraw everything", "[damage]") {
  auto after = kFrame;
  after[0].hash = 11;  // the full-window list changed
  CHECK(hlab::damage::compare(kFrame, after, 1000, 800).full);
  after = kFrame;
  after[1].hash = after[3].hash = 11;  // 2 x 300 x 780 > 0.6 of 1000 x 800
  CHECK(hlab::damage::compare(kFrame, after, 1000, 800).full);
  CHECK_FALSE(hlab::damage::compare(kFrame, after, 1000, 800, 0.8f).full);
  std::vector<ListSignature> many, changed;
  for (int i = 0; i < 6; ++i) {
    const float x = 100.0f * static_cast<float>(i);
    many.push_back(sig("w", 1, {x, 0, x + 10, 10}));
    changed.push_back(sig("w", 2, {x, 0, x + 10, 10}));
  }
  CHECK(hlab::damage::compare(many, changed, 1000, 800, 0.6f, 4).full);
  CHECK_FALSE(hlab::damage::compare(many, changed, 1000, 800, 0.6f, 6).full);
  // Reordering lists changes what covers what: both are redrawn.
  std::vector<ListSignature> swapped = {kFrame[0], kFrame[2], kFrame[1], kFrame[3]};
  const auto d = hlab::damage::compare(kFrame, swapped, 1000, 800);
  CHECK(d.full);  // left + middle together: 640 x 780 > 0.6 of the window
}

TEST_CASE("damage: signatures see content, textures replaced this frame, and clip bounds", "[damage]") {
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left behind
  ImDrawList list(ImGui::GetDrawListSharedData());
  const auto record = [&](ImU32 colour, ImTextureID texture) {
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(10, 20), ImVec2(110, 70));
    list.PushTextureID(texture);
    list.AddRectFilled(ImVec2(15, 25), ImVec2(50, 60), colour);
    list.PopTextureID();
    list.PopClipRect();
  };
  ImDrawData data;
  data.Valid = true;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(400, 300);
  data.FramebufferScale = ImVec2(2, 2);  // HiDPI: bounds are in framebuffer pixels
  data.CmdLists.push_back(&list);
  data.CmdListsCount = 1;
  const auto tex = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(7));
  const auto other = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(8));

  record(IM_COL32(255, 0, 0, 255), tex);
  const auto first = hlab::damage::signatures(&data, {});
  REQUIRE(first.size() == 1);
  CHECK(same(first[0].bounds, {20, 40, 220, 140}));
  record(IM_COL32(255, 0, 0, 255), tex);
  CHECK(hlab::damage::signatures(&data, {})[0].hash == first[0].hash);
  CHECK(hlab::damage::signatures(&data, {other})[0].hash == first[0].hash);  // not used here
  const auto replaced1 = hlab::damage::signatures(&data, {tex});
  const auto replaced2 = hlab::damage::signatures(&data, {tex});
  CHECK(replaced1[0].hash != first[0].hash);
  CHECK(replaced1[0].hash != replaced2[0].hash);
  record(IM_COL32(0, 255, 0, 255), tex);  // one vertex colour differs
  CHECK(hlab::damage::signatures(&data, {})[0].hash != first[0].hash);
  ImGui::DestroyContext();
}
