// hlab::FrameBudget (src/app/frame_budget.hpp): the recall's share of a frame adapts to the
// frame rate actually reached.
#include <catch2/catch.hpp>

#include "app/frame_budget.hpp"

using hlab::FrameBudget;

TEST_CASE("FrameBudget starts at its maximum and stays there while frames are on time", "[budget]") {
  FrameBudget b;
  CHECK(b.ms() == FrameBudget::kMaxMs);
  for (int i = 0; i < 100; ++i) b.update(16.7);
  CHECK(b.ms() == FrameBudget::kMaxMs);
  // vsync jitter (a frame 10% late at most) is not a late frame
  CHECK(b.update(18.0) == FrameBudget::kMaxMs);
}

TEST_CASE("FrameBudget shrinks by a fifth per late frame, down to its minimum", "[budget]") {
  FrameBudget b;
  CHECK(b.update(33.3) == Approx(0.8 * FrameBudget::kMaxMs));
  CHECK(b.update(33.3) == Approx(0.64 * FrameBudget::kMaxMs));
  // 8 ms * 0.8^k reaches the 1 ms floor after 10 late frames (0.8^10 = 0.107)
  for (int i = 0; i < 8; ++i) b.update(50.0);
  CHECK(b.ms() == FrameBudget::kMinMs);
  CHECK(b.update(100.0) == FrameBudget::kMinMs);
}

TEST_CASE("FrameBudget holds for a second, then grows back by 0.05 ms per frame on time", "[budget]") {
  FrameBudget b;
  for (int i = 0; i < 20; ++i) b.update(40.0);
  REQUIRE(b.ms() == FrameBudget::kMinMs);
  for (int i = 0; i < FrameBudget::kHoldFrames; ++i) b.update(16.0);
  CHECK(b.ms() == FrameBudget::kMinMs);  // held
  for (int i = 0; i < 20; ++i) b.update(16.0);
  CHECK(b.ms() == Approx(FrameBudget::kMinMs + 1.0));
  for (int i = 0; i < 200; ++i) b.update(16.0);
  CHECK(b.ms() == FrameBudget::kMaxMs);
  b.update(40.0);
  b.reset();
  CHECK(b.ms() == FrameBudget::kMaxMs);
}

TEST_CASE("FrameBudget settles where the frames it allows are on time", "[budget]") {
  // A machine whose frame takes 14 ms plus the recall's budget: frames are on time (at most
  // 18.33 ms) while the budget is at most B = 4.33 ms. In the steady cycle one late frame cuts
  // the budget to 0.8 B, it holds for 60 frames, and takes 0.2 B / 0.05 ms = 17 more to get
  // back: one frame in 78 is late, and the budget averages
  // (60 x 0.8 + 17 x 0.9 + 1 x 1.0) / 78 = 0.824 B.
  FrameBudget b;
  double late = 0, sum = 0;
  const int frames = 8000;
  for (int i = 0; i < frames; ++i) {
    const double frame = 14.0 + b.ms();
    late += frame > FrameBudget::kLateFrameMs ? 1 : 0;
    sum += b.ms();
    b.update(frame);
  }
  CHECK(late / frames == Approx(1.0 / 78.0).epsilon(0.15));
  CHECK(sum / frames == Approx(0.824 * 4.33).epsilon(0.05));
}
