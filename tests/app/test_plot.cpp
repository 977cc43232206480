// hplot::SeriesDownsampler (src/app/plot.hpp) against a brute-force min/max of each bucket.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/plot.hpp"
#include "core/rng.hpp"

namespace {

std::vector<double> random_walk(int n, std::uint64_t seed) {
  hopfield::Rng rng(seed);
  std::vector<double> ys(static_cast<std::size_t>(n));
  double y = 0.0;
  for (double& v : ys) v = (y += rng.uniform() - 0.5);
  return ys;
}

}  // namespace

TEST_CASE("SeriesDownsampler keeps every sample while they fit", "[plot]") {
  hplot::SeriesDownsampler d(16);
  const std::vector<double> ys = random_walk(16, 1);
  for (double y : ys) d.Append(y);
  REQUIRE(d.SamplesPerBucket() == 1);
  REQUIRE(d.PointCount() == 16);
  for (int i = 0; i < 16; ++i) {
    CHECK(d.Xs()[i] == i);
    CHECK(d.Ys()[i] == ys[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("SeriesDownsampler keeps the min and max of every bucket, in order", "[plot]") {
  for (const int n : {17, 100, 1000, 4097, 10000}) {
    hplot::SeriesDownsampler d(16);
    const std::vector<double> ys = random_walk(n, static_cast<std::uint64_t>(n));
    for (double y : ys) d.Append(y);
    const int len = d.SamplesPerBucket();
    INFO("n = " << n << ", bucket length " << len);
    REQUIRE(d.SampleCount() == n);
    // The smallest power-of-two bucket length that fits n samples into 16 buckets.
    int expected_len = 1;
    while ((n + expected_len - 1) / expected_len > 16) expected_len *= 2;
    CHECK(len == expected_len);
    REQUIRE(d.PointCount() <= 32);
    std::vector<double> xs(d.Xs(), d.Xs() + d.PointCount());
    std::vector<double> kept(d.Ys(), d.Ys() + d.PointCount());
    CHECK(std::is_sorted(xs.begin(), xs.end()));
    for (int start = 0; start < n; start += len) {
      const int end = std::min(n, start + len);
      const auto first = ys.begin() + start, last = ys.begin() + end;
      const int i_min = static_cast<int>(std::min_element(first, last) - ys.begin());
      const int i_max = static_cast<int>(std::max_element(first, last) - ys.begin());
      for (const int i : {i_min, i_max}) {
        const auto at = std::find(xs.begin(), xs.end(), static_cast<double>(i));
        REQUIRE(at != xs.end());
        CHECK(kept[static_cast<std::size_t>(at - xs.begin())] == ys[static_cast<std::size_t>(i)]);
      }
      // Nothing else from this bucket.
      const auto in_bucket = std::count_if(xs.begin(), xs.end(),
                                           [&](double x) { return x >= start && x < end; });
      CHECK(in_bucket == (i_min == i_max ? 1 : 2));
    }
  }
}

TEST_CASE("SeriesDownsampler drops non-finite samples and restarts on Clear", "[plot]") {
  hplot::SeriesDownsampler d(4);
  d.Append(1.0);
  d.Append(std::nan(""));
  d.Append(-2.0);
  REQUIRE(d.PointCount() == 2);
  CHECK(d.Xs()[0] == 0.0);
  CHECK(d.Xs()[1] == 2.0);
  d.Clear();
  CHECK(d.SampleCount() == 0);
  CHECK(d.PointCount() == 0);
  d.Append(5.0);
  REQUIRE(d.PointCount() == 1);
  CHECK(d.Ys()[0] == 5.0);
}
