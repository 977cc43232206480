// hlab::FrameBudget (src/app/platform/frame_budget.hpp): the app's work per frame during a recall adapts to the
// frame rate actually reached.
#include <catch2/catch.hpp>

#include "app/platform/frame_budget.hpp"

using hlab::FrameBudget;

TEST_CASE("FrameBudget starts low and grows by 0.05 ms per frame on time, up to its maximum", "[budget]") {
  FrameBudget b;
  CHECK(b.ms() == FrameBudget::kStartMs);
  for (int i = 0; i < 20; ++i) b.update(16.7);
  CHECK(b.ms() == Approx(FrameBudget::kStartMs + 1.0));
  // vsync jitter (a frame 10% late at most) is not a late frame
  CHECK(b.update(18.0) == Approx(FrameBudget::kStartMs + 1.05));
  // (12 - 5.05) / 0.05 = 139 more frames reach the maximum, and it stays there
  for (int i = 0; i < 138; ++i) b.update(16.7);
  CHECK(b.ms() < FrameBudget::kMaxMs);
  for (int i = 0; i < 100; ++i) b.update(16.7);
  CHECK(b.ms() == FrameBudget::kMaxMs);
}

TEST_CASE("FrameBudget shrinks by a fifth per late frame, down to its minimum", "[budget]") {
  FrameBudget b;
  CHECK(b.update(33.3) == Approx(0.8 * FrameBudget::kStartMs));
  CHECK(b.update(33.3) == Approx(0.64 * FrameBudget::kStartMs));
  // 4 ms * 0.8^k reaches the 2 ms floor at the fourth late frame (0.8^3 = 0.51, 0.8^4 = 0.41)
  b.update(50.0);
  CHECK(b.ms() == Approx(0.512 * FrameBudget::kStartMs));
  b.update(50.0);
  CHECK(b.ms() == FrameBudget::kMinMs);
  CHECK(b.update(100.0) == FrameBudget::kMinMs);
}

TEST_CASE("FrameBudget holds for a second, grows to 90% of the late level, and probes 10 s later", "[budget]") {
  FrameBudget b;
  for (int i = 0; i < 200; ++i) b.update(16.0);  // (12 - 4) / 0.05 = 160 frames to the maximum
  REQUIRE(b.ms() == FrameBudget::kMaxMs);
  b.update(40.0);  // late at 12 ms
  CHECK(b.ms() == Approx(9.6));
  for (int i = 0; i < FrameBudget::kHoldFrames; ++i) b.update(16.0);
  CHECK(b.ms() == Approx(9.6));  // held
  // then 0.05 ms a frame up to 0.9 x 12 = 10.8 ms: 24 frames
  for (int i = 0; i < 10; ++i) b.update(16.0);
  CHECK(b.ms() == Approx(10.1));
  for (int i = 10; i < 100; ++i) b.update(16.0);
  CHECK(b.ms() == Approx(10.8));
  // ... where it stays until 600 frames on time have passed since the hold
  for (int i = 100; i < FrameBudget::kCapFrames; ++i) b.update(16.0);
  CHECK(b.ms() == Approx(10.8));
  b.update(16.0);
  CHECK(b.ms() == Approx(10.85));  // probing again
  for (int i = 0; i < 30; ++i) b.update(16.0);
  CHECK(b.ms() == FrameBudget::kMaxMs);
}

TEST_CASE("FrameBudget: a late frame below the cap lowers it, for ten seconds only", "[budget]") {
  FrameBudget b;
  for (int i = 0; i < 200; ++i) b.update(16.0);
  b.update(40.0);  // late at 12: capped at 10.8
  for (int i = 0; i < 200; ++i) b.update(16.0);
  REQUIRE(b.ms() == Approx(10.8));
  b.update(40.0);  // late again at 10.8 (a hiccup elsewhere): 8.64, capped at 9.72
  CHECK(b.ms() == Approx(8.64));
  for (int i = 0; i < FrameBudget::kHoldFrames + 100; ++i) b.update(16.0);
  CHECK(b.ms() == Approx(9.72));
  for (int i = 100; i < FrameBudget::kCapFrames + 60; ++i) b.update(16.0);
  CHECK(b.ms() == FrameBudget::kMaxMs);
}

TEST_CASE("FrameBudget settles where the frames it allows are on time", "[budget]") {
  // A machine whose frame takes 14 ms plus the app's budget: frames are on time (at most
  // 18.33 ms) while the budget is at most B = 4.33 ms. In the steady cycle a late frame comes
  // at a budget L just above B (growth steps are 0.05 ms: L is in (B, B + 0.05]); the budget
  // drops to 0.8 L and holds 60 frames, takes about 9 frames to reach 0.9 L, stays there for
  // the rest of the 600 capped frames, and takes about 9 frames to pass B again. One frame in
  // 1 + 60 + 600 + 9 = 670 is late, and the budget averages about
  // (60 x 0.8 + 9 x 0.85 + 591 x 0.9 + 9 x 0.95 + 1 x 1.0) / 670 = 0.896 L, with L = 1.006 B.
  FrameBudget b;
  double late = 0, sum = 0;
  const int warm_up = 2000, frames = 20000;
  for (int i = 0; i < warm_up + frames; ++i) {
    const double frame = 14.0 + b.ms();
    if (i >= warm_up) {
      late += frame > FrameBudget::kLateFrameMs ? 1 : 0;
      sum += b.ms();
    }
    b.update(frame);
  }
  CHECK(late / frames == Approx(1.0 / 670.0).epsilon(0.1));
  CHECK(sum / frames == Approx(0.896 * 1.006 * 4.333).epsilon(0.02));
}
