// Ways to damage a pattern before recall. Every random one takes an Rng, so a seed
// reproduces it exactly; none modifies its input.
#pragma once

#include "core/pattern.hpp"
#include "core/rng.hpp"

namespace hopfield {

// Flips exactly k distinct neurons (drawn without replacement).
SpinVector flip_exactly(const SpinVector& s, int k, Rng& rng);
// Flips round(fraction * N) distinct neurons.
SpinVector flip_fraction(const SpinVector& s, double fraction, Rng& rng);
// Flips each neuron independently with probability p.
SpinVector flip_each(const SpinVector& s, double p, Rng& rng);
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

}  // namespace hopfield
