#include "app/hplot/series_downsampler.hpp"

#include <algorithm>
#include <cmath>

#include "app/hplot/hplot.hpp"

namespace hplot {

SeriesDownsampler::SeriesDownsampler(int max_buckets)
    : max_buckets_(std::max(2, max_buckets + (max_buckets & 1))) {}

void SeriesDownsampler::Clear() {
  bucket_len_ = 1;
  count_ = 0;
  buckets_.clear();
  points_valid_ = false;
}

void SeriesDownsampler::Append(double y) {
  const int index = count_++;
  const int nb = static_cast<int>(buckets_.size());
  if (nb == 0 || index - (nb - 1) * bucket_len_ >= bucket_len_) {  // the last bucket is full
    if (nb == max_buckets_) Merge();
    buckets_.push_back(Bucket{});
  }
  points_valid_ = false;
  if (!std::isfinite(y)) return;
  Bucket& b = buckets_.back();
  if (b.i_min < 0 || y < b.y_min) b.i_min = index, b.y_min = y;
  if (b.i_max < 0 || y > b.y_max) b.i_max = index, b.y_max = y;
}

// Every bucket is full here (max_buckets_ is even): pairs become one bucket of twice the length.
void SeriesDownsampler::Merge() {
  const std::size_t half = buckets_.size() / 2;
  for (std::size_t k = 0; k < half; ++k) {
    const Bucket& a = buckets_[2 * k];
    const Bucket& b = buckets_[2 * k + 1];
    Bucket m = a;
    if (b.i_min >= 0 && (m.i_min < 0 || b.y_min < m.y_min)) m.i_min = b.i_min, m.y_min = b.y_min;
    if (b.i_max >= 0 && (m.i_max < 0 || b.y_max > m.y_max)) m.i_max = b.i_max, m.y_max = b.y_max;
    buckets_[k] = m;
  }
  buckets_.resize(half);
  bucket_len_ *= 2;
}

void SeriesDownsampler::BuildPoints() {
  if (points_valid_) return;
  xs_.clear();
  ys_.clear();
  const auto add = [&](int i, double y) {
    xs_.push_back(static_cast<double>(i));
    ys_.push_back(y);
  };
  for (const Bucket& b : buckets_) {
    if (b.i_min < 0) continue;
    if (b.i_min == b.i_max) {
      add(b.i_min, b.y_min);
    } else if (b.i_min < b.i_max) {
      add(b.i_min, b.y_min);
      add(b.i_max, b.y_max);
    } else {
      add(b.i_max, b.y_max);
      add(b.i_min, b.y_min);
    }
  }
  points_valid_ = true;
}

int SeriesDownsampler::PointCount() {
  BuildPoints();
  return static_cast<int>(xs_.size());
}

const double* SeriesDownsampler::Xs() {
  BuildPoints();
  return xs_.data();
}

const double* SeriesDownsampler::Ys() {
  BuildPoints();
  return ys_.data();
}

void SeriesDownsampler::Plot(const char* label_id) {
  BuildPoints();
  PlotLine(label_id, xs_.data(), ys_.data(), static_cast<int>(xs_.size()));
}

}  // namespace hplot
