#include "core/rng.hpp"

#include <numeric>
#include <stdexcept>

namespace hopfield {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t sm = seed ^ (stream * 0xd1b54a32d192ed03ULL);
  for (auto& word : s_) word = splitmix64(sm);
}

Rng::Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  std::uint64_t sm = seed ^ (stream * 0xd1b54a32d192ed03ULL);
  std::uint64_t keyed = splitmix64(sm) ^ (index * 0x8cb92ba72f3d8dd7ULL);
  for (auto& word : s_) word = splitmix64(keyed);
}

namespace {

// The 128-bit product a b: one instruction where the compiler has 128-bit integers (x86-64),
// 32-bit products elsewhere (wasm32); the same bits either way.
[[gnu::always_inline]] inline std::uint64_t mul_hi_lo(std::uint64_t a, std::uint64_t b, std::uint64_t& lo) {
#if defined(__SIZEOF_INT128__) && !defined(__wasm__)
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  lo = static_cast<std::uint64_t>(product);
  return static_cast<std::uint64_t>(product >> 64);
#else
  if (b >> 32 == 0) {  // n < 2^32 (every shuffle): two 32-bit products, the same bits
    const std::uint64_t low = (a & 0xffffffffULL) * b, high = (a >> 32) * b;
    const std::uint64_t mid = (low >> 32) + (high & 0xffffffffULL);
    lo = (mid << 32) | (low & 0xffffffffULL);
    return (high >> 32) + (mid >> 32);
  }
  const std::uint64_t a_lo = a & 0xffffffffULL, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xffffffffULL, b_hi = b >> 32;
  const std::uint64_t p0 = a_lo * b_lo, p1 = a_lo * b_hi, p2 = a_hi * b_lo, p3 = a_hi * b_hi;
  const std::uint64_t mid = (p0 >> 32) + (p1 & 0xffffffffULL) + (p2 & 0xffffffffULL);
  lo = (mid << 32) | (p0 & 0xffffffffULL);
  return p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
#endif
}

}  // namespace

// Uniform in [0, n) for n > 0: Lemire's multiply-and-reject.
[[gnu::always_inline]] inline std::uint64_t Rng::bounded(std::uint64_t (&s)[4], std::uint64_t n) {
  std::uint64_t lo;
  std::uint64_t hi = mul_hi_lo(step(s), n, lo);
  if (lo < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (lo < threshold) hi = mul_hi_lo(step(s), n, lo);
  }
  return hi;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("Rng::below: n must be positive");
  return bounded(s_, n);
}

void Rng::shuffle(std::span<int> values) {
  // The generator's state in locals for the loop: the same draws as below(i), in registers.
  std::uint64_t s[4] = {s_[0], s_[1], s_[2], s_[3]};
  int* v = values.data();
  for (std::size_t i = values.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(bounded(s, i));
    std::swap(v[i - 1], v[j]);
  }
  for (int k = 0; k < 4; ++k) s_[k] = s[k];
}

std::vector<int> Rng::permutation(int n) {
  std::vector<int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), 0);
  shuffle(p);
  return p;
}

std::vector<int> Rng::sample_without_replacement(int n, int k) {
  if (k < 0 || k > n) throw std::invalid_argument("cannot draw k distinct indices from n < k");
  // Partial Fisher-Yates: the first k slots of a shuffle.
  std::vector<int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), 0);
  for (int i = 0; i < k; ++i) {
    const int j = i + static_cast<int>(below(static_cast<std::uint64_t>(n - i)));
    std::swap(p[i], p[j]);
  }
  p.resize(static_cast<std::size_t>(k));
  return p;
}

}  // namespace hopfield
