// Patterns: W x H grids of +1/-1 neurons, stored row-major, and the distances between them.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/limits.hpp"

namespace hopfield {

using Spin = std::int8_t;
using SpinVector = Eigen::Matrix<Spin, Eigen::Dynamic, 1>;
using PatternMatrix = Eigen::Matrix<Spin, Eigen::Dynamic, Eigen::Dynamic>;  // N x P, one per column

// Throws std::invalid_argument unless 1 <= width, height <= kMaxSide.
void check_grid_size(int width, int height);
// Throws std::invalid_argument unless every entry is +1 or -1.
void check_spins(const SpinVector& s, std::string_view what);

struct Pattern {
  int width = 0;
  int height = 0;
  std::string name;
  SpinVector spins;  // row-major: index = y * width + x

  // A width x height pattern with every neuron set to `value`.
  static Pattern filled(int width, int height, Spin value, std::string name = {});
  int size() const { return width * height; }
  Spin at(int x, int y) const { return spins[y * width + x]; }
  void set(int x, int y, Spin v) { spins[y * width + x] = v; }
};

// Number of positions where a and b differ. Sizes must match.
int hamming(const SpinVector& a, const SpinVector& b);
// Overlap m = (1/N) sum_i xi_i s_i, in [-1, 1].
double overlap(const SpinVector& xi, const SpinVector& s);
// Dot product sum_i a_i b_i as an exact integer.
int dot(const SpinVector& a, const SpinVector& b);

// Row-major string with '#' for +1 and '.' for -1 (the text file format's alphabet).
std::string to_string(const SpinVector& s);
// Parses such a string; throws std::invalid_argument naming the first bad character.
SpinVector spins_from_string(std::string_view text, int expected_size);

}  // namespace hopfield
