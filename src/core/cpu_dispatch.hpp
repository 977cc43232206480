// Hot loops built more than once, for the instruction sets named and for the baseline, with
// the one the processor has picked when the program loads (GCC's target_clones on x86-64,
// whose baseline has neither POPCNT nor 256-bit vectors; one build everywhere else). Only for
// loops whose results cannot depend on the instruction set: integer arithmetic, or exact
// integers in float added element by element (no fused multiply-add: -ffp-contract=off), so
// a native run keeps the bits of the WebAssembly one.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HOPFIELD_CLONES(...) __attribute__((target_clones(__VA_ARGS__, "default")))
#else
#define HOPFIELD_CLONES(...)
#endif
