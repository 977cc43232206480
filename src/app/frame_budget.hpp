// How long a running recall may compute in one frame. The frame rate comes first: when
// frames arrive late (the GPU, the browser or another tab needs the time), the budget shrinks
// by a fifth and stays put for a second; while frames are on time it then grows back slowly.
// This is additive-increase / multiplicative-decrease, as in TCP's congestion control: it
// settles just under the largest budget the machine sustains at the target frame rate, and
// the hold keeps its probing to about one late frame in 80.
#pragma once

#include <algorithm>

namespace hlab {

class FrameBudget {
 public:
  static constexpr double kTargetFrameMs = 1000.0 / 60.0;
  static constexpr double kLateFrameMs = kTargetFrameMs * 1.1;  // vsync jitter is not late
  static constexpr double kMinMs = 1.0;
  static constexpr double kMaxMs = 8.0;
  static constexpr double kGrowMs = 0.05;  // per frame on time: from min to max in ~2.3 s
  static constexpr double kShrink = 0.8;
  static constexpr int kHoldFrames = 60;  // after a late frame, no growth for this many

  // Call once per frame with the time since the previous frame; returns the new budget.
  double update(double frame_ms) {
    if (frame_ms > kLateFrameMs) {
      ms_ = std::max(kMinMs, ms_ * kShrink);
      hold_ = kHoldFrames;
    } else if (hold_ > 0) {
      --hold_;
    } else {
      ms_ = std::min(kMaxMs, ms_ + kGrowMs);
    }
    return ms_;
  }
  double ms() const { return ms_; }
  void reset() {
    ms_ = kMaxMs;
    hold_ = 0;
  }

 private:
  double ms_ = kMaxMs;
  int hold_ = 0;
};

}  // namespace hlab
