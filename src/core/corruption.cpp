#include "core/corruption.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hopfield {

static void check_probability(double p, const char* what) {
  if (!(p >= 0.0 && p <= 1.0))
    throw std::invalid_argument(std::string(what) + " must be between 0 and 1, got " +
                                std::to_string(p));
}

static void check_value(Spin v) {
  if (v != 1 && v != -1) throw std::invalid_argument("mask value must be +1 or -1");
}

static int count_for(double fraction, Eigen::Index n) {
  return static_cast<int>(std::lround(fraction * static_cast<double>(n)));
}

SpinVector flip_exactly(const SpinVector& s, int k, Rng& rng) {
  if (k < 0 || k > s.size())
    throw std::invalid_argument("cannot flip " + std::to_string(k) + " of " +
                                std::to_string(s.size()) + " neurons");
  SpinVector out = s;
  for (int i : rng.sample_without_replacement(static_cast<int>(s.size()), k))
    out[i] = static_cast<Spin>(-out[i]);
  return out;
}

SpinVector flip_fraction(const SpinVector& s, double fraction, Rng& rng) {
  check_probability(fraction, "flip fraction");
  return flip_exactly(s, count_for(fraction, s.size()), rng);
}

SpinVector salt_and_pepper(const SpinVector& s, double p, Rng& rng) {
  check_probability(p, "salt-and-pepper probability");
  SpinVector out = s;
  for (Eigen::Index i = 0; i < out.size(); ++i)
    if (rng.bernoulli(p)) out[i] = rng.bernoulli(0.5) ? Spin{1} : Spin{-1};
  return out;
}

SpinVector mask_fraction(const SpinVector& s, double fraction, Spin value, Rng& rng) {
  check_probability(fraction, "mask fraction");
  check_value(value);
  SpinVector out = s;
  const int k = count_for(fraction, s.size());
  for (int i : rng.sample_without_replacement(static_cast<int>(s.size()), k)) out[i] = value;
  return out;
}

SpinVector occlude_rectangle(const SpinVector& s, int width, int x, int y, int w, int h,
                             Spin value) {
  check_value(value);
  if (width < 1 || s.size() % width != 0)
    throw std::invalid_argument("grid width " + std::to_string(width) + " does not divide " +
                                std::to_string(s.size()) + " neurons");
  if (w < 0 || h < 0) throw std::invalid_argument("rectangle size must not be negative");
  const int height = static_cast<int>(s.size() / width);
  SpinVector out = s;
  for (int row = std::max(y, 0); row < std::min(y + h, height); ++row)
    for (int col = std::max(x, 0); col < std::min(x + w, width); ++col) out[row * width + col] = value;
  return out;
}

SpinVector invert(const SpinVector& s) { return -s; }

SpinVector apply_corruption(const SpinVector& s, int width, const CorruptionRequest& r) {
  Rng rng(r.seed, kCorruptionStream);
  switch (r.kind) {
    case CorruptionKind::flip: return flip_fraction(s, r.amount, rng);
    case CorruptionKind::salt_pepper: return salt_and_pepper(s, r.amount, rng);
    case CorruptionKind::mask: return mask_fraction(s, r.amount, r.value, rng);
    case CorruptionKind::rectangle:
      return occlude_rectangle(s, width, r.x, r.y, r.w, r.h, r.value);
    case CorruptionKind::invert: return invert(s);
  }
  return s;
}

}  // namespace hopfield
