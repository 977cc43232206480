// Ways to damage a pattern before recall. Every random one takes an Rng, so a seed
// reproduces it exactly; none modifies its input.
#pragma once

#include <cstdint>

#include "core/names.hpp"
#include "core/pattern.hpp"
#include "core/rng.hpp"

namespace hopfield {

// Flips exactly k distinct neurons (drawn without replacement).
SpinVector flip_exactly(const SpinVector& s, int k, Rng& rng);
// Flips round(fraction * N) distinct neurons.
SpinVector flip_fraction(const SpinVector& s, double fraction, Rng& rng);
// Each neuron with probability p is replaced by salt (+1) or pepper (-1), equally likely.
SpinVector salt_and_pepper(const SpinVector& s, double p, Rng& rng);
// Sets round(fraction * N) distinct random neurons to `value` (a random mask).
SpinVector mask_fraction(const SpinVector& s, double fraction, Spin value, Rng& rng);
// Sets the rectangle [x, x + w) x [y, y + h) of a width-wide grid to `value` (occlusion); the
// rectangle is clipped to the grid.
SpinVector occlude_rectangle(const SpinVector& s, int width, int x, int y, int w, int h,
                             Spin value);
// -s.
SpinVector invert(const SpinVector& s);

enum class CorruptionKind { flip, salt_pepper, mask, rectangle, invert };
inline constexpr EnumName<CorruptionKind> kCorruptionNames[] = {
    {CorruptionKind::flip, "flip", "flip a fraction"},
    {CorruptionKind::salt_pepper, "saltpepper", "salt and pepper"},
    {CorruptionKind::mask, "mask", "random mask"},
    {CorruptionKind::rectangle, "rect", "rectangle occlusion"},
    {CorruptionKind::invert, "invert", "invert"}};
inline std::string to_string(CorruptionKind kind) { return name_of(kCorruptionNames, kind); }
inline CorruptionKind parse_corruption(std::string_view text) {
  return parse_name(kCorruptionNames, "corruption type", text);
}

// One corruption as the UI, the URL and the JS API describe it.
struct CorruptionRequest {
  CorruptionKind kind = CorruptionKind::flip;
  double amount = 0.1;      // flip: fraction; salt_pepper: probability; mask: fraction
  Spin value = -1;          // mask and rectangle
  int x = 0, y = 0, w = 0, h = 0;  // rectangle
  std::uint64_t seed = 0;   // Rng(seed, kCorruptionStream)
};
// The damaged copy of `s` (a width-wide grid). Throws for out-of-range amounts or values.
SpinVector apply_corruption(const SpinVector& s, int width, const CorruptionRequest& request);

}  // namespace hopfield
