// The project's own random number generator. std:: distributions differ between
// libstdc++ (native) and libc++ (Emscripten), so every random draw in Hopfield Lab goes
// through this class: the same seed gives the same run natively and in WebAssembly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace hopfield {

// xoshiro256** seeded through splitmix64 (Blackman & Vigna). `stream` derives independent
// generators from one user seed (e.g. one for corruption, one for the dynamics).
class Rng {
 public:
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);
  // The generator of item `index` (a trial, say) of a stream: independent of every other
  // index, so work split over threads or machines draws the same numbers in any order.
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

  std::uint64_t next_u64();
  // Uniform double in [0, 1) with 53 random bits.
  double uniform();
  // Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject). n must be > 0.
  std::uint64_t below(std::uint64_t n);
  bool bernoulli(double p) { return uniform() < p; }
  // Fisher-Yates shuffle in place.
  void shuffle(std::span<int> values);
  // A uniformly random permutation of 0..n-1.
  std::vector<int> permutation(int n);
  // k distinct indices from 0..n-1 (without replacement), in the order drawn.
  std::vector<int> sample_without_replacement(int n, int k);

 private:
  std::uint64_t s_[4];
};

// Random-stream ids derived from one user seed (Rng(seed, stream)).
inline constexpr std::uint64_t kCorruptionStream = 1;
inline constexpr std::uint64_t kDynamicsStream = 2;
inline constexpr std::uint64_t kPruningStream = 3;

// splitmix64 step: also used to derive stream seeds.
std::uint64_t splitmix64(std::uint64_t& state);

}  // namespace hopfield
