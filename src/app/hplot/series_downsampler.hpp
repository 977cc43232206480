// hplot::SeriesDownsampler: a growing series kept small enough to plot every frame.
#pragma once

#include <vector>

namespace hplot {

// Addition: a series that only grows (a recall trace, say), kept as at most 2 * max_buckets
// points that draw the same picture as all of its samples: each bucket of consecutive samples
// keeps its minimum and maximum, in their order. Buckets double in length when they run out,
// so Append is O(1) amortised and plotting a long run costs O(max_buckets), not O(samples).
// Non-finite samples are dropped (they do not break the line as in PlotLine).
class SeriesDownsampler {
 public:
  explicit SeriesDownsampler(int max_buckets = 1024);
  void Clear();
  void Append(double y);  // the sample's x is its index: 0, 1, 2, ...
  int SampleCount() const { return count_; }
  int SamplesPerBucket() const { return bucket_len_; }
  // The kept points, in x order: exactly the samples while there are at most max_buckets.
  int PointCount();
  const double* Xs();
  const double* Ys();
  // PlotLine(label_id, Xs(), Ys(), PointCount()).
  void Plot(const char* label_id);

 private:
  struct Bucket {
    int i_min = -1, i_max = -1;  // -1: no finite sample yet
    double y_min = 0.0, y_max = 0.0;
  };
  void Merge();
  void BuildPoints();
  int max_buckets_;
  int bucket_len_ = 1;
  int count_ = 0;
  std::vector<Bucket> buckets_;
  bool points_valid_ = false;
  std::vector<double> xs_, ys_;
};

}  // namespace hplot
