#include "core/pattern.hpp"

#include <stdexcept>

namespace hopfield {

void check_grid_size(int width, int height) {
  if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide)
    throw std::invalid_argument("grid size " + std::to_string(width) + "x" +
                                std::to_string(height) + " is out of range: each side must be 1.." +
                                std::to_string(kMaxSide));
}

void check_spins(const SpinVector& s, std::string_view what) {
  // One pass without an early exit, which the compiler vectorizes (every recall in a batch
  // experiment checks its probe): s + 1 is 0 or 2 for a spin, so (s + 1) & ~2 is 0.
  int invalid = 0;
  for (Eigen::Index i = 0; i < s.size(); ++i) invalid |= (s[i] + 1) & ~2;
  if (invalid == 0) return;
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (s[i] != 1 && s[i] != -1)
      throw std::invalid_argument(std::string(what) + ": neuron " + std::to_string(i) +
                                  " is " + std::to_string(int(s[i])) + ", not +1 or -1");
}

Pattern Pattern::filled(int width, int height, Spin value, std::string name) {
  check_grid_size(width, height);
  Pattern p;
  p.width = width;
  p.height = height;
  p.name = std::move(name);
  p.spins = SpinVector::Constant(width * height, value);
  return p;
}

static void check_same_size(const SpinVector& a, const SpinVector& b) {
  if (a.size() != b.size())
    throw std::invalid_argument("patterns differ in size: " + std::to_string(a.size()) + " vs " +
                                std::to_string(b.size()) + " neurons");
}

int dot(const SpinVector& a, const SpinVector& b) {
  check_same_size(a, b);
  int sum = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

int hamming(const SpinVector& a, const SpinVector& b) {
  check_same_size(a, b);
  int d = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i) d += a[i] != b[i];
  return d;
}

double overlap(const SpinVector& xi, const SpinVector& s) {
  if (xi.size() == 0) throw std::invalid_argument("overlap of empty patterns");
  return static_cast<double>(dot(xi, s)) / static_cast<double>(xi.size());
}

std::string to_string(const SpinVector& s) {
  std::string out(static_cast<std::size_t>(s.size()), '.');
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (s[i] > 0) out[static_cast<std::size_t>(i)] = '#';
  return out;
}

SpinVector spins_from_string(std::string_view text, int expected_size) {
  if (static_cast<int>(text.size()) != expected_size)
    throw std::invalid_argument("pattern string has " + std::to_string(text.size()) +
                                " characters, expected " + std::to_string(expected_size));
  SpinVector s(expected_size);
  for (int i = 0; i < expected_size; ++i) {
    const char c = text[static_cast<std::size_t>(i)];
    if (c == '#') s[i] = 1;
    else if (c == '.') s[i] = -1;
    else
      throw std::invalid_argument("pattern string: character " + std::to_string(i) + " is '" +
                                  std::string(1, c) + "', expected '#' or '.'");
  }
  return s;
}

}  // namespace hopfield
