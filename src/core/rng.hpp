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

  std::uint64_t next_u64() { return step(s_); }
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
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  // One xoshiro256** step; static so that shuffle can run it on a copy held in registers.
  [[gnu::always_inline]] static std::uint64_t step(std::uint64_t (&s)[4]) {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  static std::uint64_t bounded(std::uint64_t (&s)[4], std::uint64_t n);
  std::uint64_t s_[4];
};

// Random-stream ids derived from one user seed (Rng(seed, stream)).
inline constexpr std::uint64_t kCorruptionStream = 1;
inline constexpr std::uint64_t kDynamicsStream = 2;
inline constexpr std::uint64_t kPruningStream = 3;

// splitmix64 step: also used to derive stream seeds.
std::uint64_t splitmix64(std::uint64_t& state);

}  // namespace hopfield
