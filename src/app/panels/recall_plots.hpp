// The recall's three plots (Hamming distance, energy, and the overlap with each stored
// pattern) as the Plots panel draws them, and the series behind them, downsampled as the
// trace grows so that a frame costs the same after a million sweeps as after a hundred.
// Shared by the Plots panel and the plot benchmark (bench/bench_plot.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/hplot/series_downsampler.hpp"
#include "core/dynamics.hpp"

namespace hlab {

struct TracePlots {
  static constexpr int kMaxOverlapSeries = 64;  // beyond that the legend is unreadable
  std::uint64_t recall_version = ~0ull;
  int rows = 0;
  hplot::SeriesDownsampler hamming, energy;
  std::vector<hplot::SeriesDownsampler> overlaps;
  // The modern model's softmax weight of each stored pattern per iteration (else empty).
  std::vector<hplot::SeriesDownsampler> attention;
  // False when the energy is not a Lyapunov function (asymmetric W): not plotted then.
  bool energy_meaningful = true;

  // Takes in the rows of `trace` (and of `attention`, the modern model's softmax weights,
  // one row per iteration) added since the last call; starts over for a new recall (another
  // `version`) or another number of stored patterns.
  void update(const hopfield::Trace& trace, std::uint64_t version, int patterns,
              const std::vector<std::vector<double>>& attention = {});
};

// Draws the three plots into the current window, using its full width. `names` label the
// overlap series; `hamming_label` is the Hamming plot's y axis ("to target", "to nearest").
void draw_recall_plots(TracePlots& plots, const std::vector<std::string>& names,
                       const char* hamming_label);

}  // namespace hlab
