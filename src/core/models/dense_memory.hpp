// The dense associative memory (Krotov and Hopfield 2016): E(s) = -sum_mu F(xi^mu . s) with
// F(x) = x^n (poly), max(x, 0)^n (rectpoly) or exp(x) (Demircigil et al. 2017). The model reads
// only the stored patterns: the rule, the weights, pruning, the bias and the Hebbian scale of the
// Network do not enter. At T = 0 neuron i takes the sign of
//   D_i = sum_mu [F(xi_i^mu + r_mu) - F(-xi_i^mu + r_mu)],  r_mu = m_mu - xi_i^mu s_i,
// with m_mu = xi^mu . s the overlaps a Recall keeps current (O(P) per flip). Since
// xi_i^mu = +-1, each term is xi_i^mu G(r_mu) with G(r) = F(r + 1) - F(r - 1), tabulated once.
// F = x^2 gives D_i = 4 h_i for the zero-diagonal Hebbian W: the classic network.
//
// Arithmetic:
//   poly, rectpoly  exact int64 when P * 2 * (N + 1)^n < 2^62 (|xi . s| <= N, so each term is at
//                   most 2 N^n in magnitude). With the Network's caps (P <= 10^6, N P <= 2^26):
//                   always for n = 2, 3; n = 4 up to N = 3000; n = 5 up to N = 100, and at
//                   N = 784 up to P = 7735; n = 6 at N = 100 up to P = 2.17 million (any P
//                   allowed), at N = 784 up to P = 9; n = 10 at N = 64 only P = 1. Beyond the
//                   bound in double, summed in pattern order (the same bits natively and in wasm),
//                   so a D_i within about P 2^-53 max|G| of 0 may take the wrong sign or miss a
//                   tie.
//   exp             D_i exp(-M_i), with M_i = max_mu r_mu + 1 the largest exponent: overflow-free
//                   for any N. Terms with equal r_mu are first grouped into integer counts, so
//                   an exact tie (e is transcendental: D_i = 0 only when the counts all cancel)
//                   comes out as exactly 0 and the tie rule applies. exp is det_exp: the same
//                   bits natively and in wasm.
// Energies: poly and rectpoly exact int64 under the same bound (one rounding to double at the
// end), double beyond; exp in double, -sum exp(m_mu), which overflows to -infinity once some
// |xi^mu . s| > 709 (so only for N > 709); the dynamics never use it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/models/models.hpp"
#include "core/pattern.hpp"

namespace hopfield {

// F tabulated for one network size. Not thread-safe (the exp path keeps a scratch histogram):
// one per Recall or per call.
class DenseInteraction {
 public:
  DenseInteraction(const Interaction& f, int neurons, int patterns);

  // True when D_i and E are exact integers (poly and rectpoly under the bound above).
  bool exact() const { return exact_; }
  // The sign of D_i (-1, 0 or +1) for a neuron at spin s_i, given xi_i^mu (P values, the
  // neuron's column of Network::patterns_transposed()) and the overlaps m_mu = xi^mu . s.
  int decision_sign(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const;
  // D_i in double (exp: D_i exp(-M_i)).
  double decision(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const;
  // Each pattern's term xi_i^mu G(r_mu) of D_i (exp: times the same exp(-M_i)).
  std::vector<double> contributions(const std::int16_t* xi_i, const std::int16_t* m,
                                    Spin s_i) const;
  // E = -sum_mu F(m_mu).
  double energy(const std::int16_t* m) const;

 private:
  std::int64_t exact_sum(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const;
  double double_sum(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const;
  double exp_sum(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const;
  int largest_r(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const;

  InteractionKind kind_;
  int n_;
  int p_;
  bool exact_ = false;
  // Indexed by r + n_ - 1 for r in [-(N - 1), N - 1] (G) and by x + n_ for x in [-N, N] (F).
  std::vector<std::int64_t> g_int_, f_int_;
  std::vector<double> g_double_, f_double_;
  // exp: exp_diff_[k] = exp(-k) - exp(-k - 2) is a term G(r) exp(-M) with k = M - 1 - r;
  // exp_neg_[k] = exp(-k).
  std::vector<double> exp_diff_, exp_neg_;
  mutable std::vector<int> counts_;  // exp: sum of xi_i^mu over the patterns with each r
};

}  // namespace hopfield
