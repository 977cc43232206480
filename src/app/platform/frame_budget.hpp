// How long the app may work in one frame while a recall runs (laying out the UI, then
// sweeps for the rest). The frame rate comes first: a late frame (the GPU, the browser or
// another tab needed the time) cuts the budget by a fifth, and it stays put for a second.
// While frames are on time it grows back by 0.05 ms a frame, but for ten seconds no further
// than 90% of where the late frame happened, and only then probes above it. That is
// additive-increase / multiplicative-decrease, as in TCP's congestion control, with TCP's
// memory of where the last loss happened (its slow-start threshold): the budget settles just
// under the largest one the machine sustains at the target frame rate, and costs about one
// late frame in ten seconds to find it again.
//
// The budget carries over from one run to the next (the machine is the same), and the first
// run starts from 4 ms: starting at the maximum would drop frames until it had shrunk.
#pragma once

#include <algorithm>

namespace hlab {

class FrameBudget {
 public:
  static constexpr double kTargetFrameMs = 1000.0 / 60.0;
  static constexpr double kLateFrameMs = kTargetFrameMs * 1.1;  // vsync jitter is not late
  static constexpr double kMinMs = 2.0;
  static constexpr double kStartMs = 4.0;
  static constexpr double kMaxMs = 12.0;   // of 16.7: the rest is the browser's
  static constexpr double kGrowMs = 0.05;  // per frame on time: from start to max in 2.7 s
  static constexpr double kShrink = 0.8;
  static constexpr int kHoldFrames = 60;    // after a late frame, no growth for this many
  static constexpr double kCap = 0.9;       // then growth stops at this much of the late level
  static constexpr int kCapFrames = 600;    // for this many frames on time

  // Call once per frame of a running recall with the time since the previous frame; returns
  // the new budget.
  double update(double frame_ms) {
    if (frame_ms > kLateFrameMs) {
      late_level_ = ms_;
      capped_ = kCapFrames;
      ms_ = std::max(kMinMs, ms_ * kShrink);
      hold_ = kHoldFrames;
    } else if (hold_ > 0) {
      --hold_;
    } else {
      double limit = kMaxMs;
      if (capped_ > 0) {
        --capped_;
        limit = std::max(kMinMs, kCap * late_level_);
      }
      ms_ = std::max(ms_, std::min(limit, ms_ + kGrowMs));
    }
    return ms_;
  }
  double ms() const { return ms_; }

 private:
  double ms_ = kStartMs;
  double late_level_ = kMaxMs;
  int hold_ = 0;
  int capped_ = 0;
};

}  // namespace hlab
