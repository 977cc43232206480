// Elementary functions computed with IEEE basic operations only, so they return the same bits
// natively (glibc) and in WebAssembly (musl): the temperature dynamics and the real-valued
// models (modern softmax, continuous gain functions) depend on them.
#pragma once

namespace hopfield {

// exp(x) with a relative error below 1e-15 (Cody-Waite reduction, Taylor polynomial).
double det_exp(double x);
// Glauber probability P(s = +1) = 1 / (1 + exp(-2 h / T)), for T > 0.
double glauber_probability(double h, double temperature);

// erfc(x) to ~1e-15 relative (series below 1.5, continued fraction above), from det_exp and
// IEEE basic operations: the theory columns of experiments print the same bits everywhere.
double det_erfc(double x);

// The real-valued models' functions, each within a few ulp of the C library's (reductions by
// IEEE-exact steps, then a Taylor series truncated below 1e-17).
double det_expm1(double x);  // exp(x) - 1, accurate near 0
double det_log(double x);    // natural log: NaN below 0, -inf at 0
double det_log1p(double x);  // log(1 + x), accurate near 0
double det_tanh(double x);
double det_atanh(double x);  // |x| <= 1 (+-inf at +-1, NaN beyond)
double det_atan(double x);
// tan(pi x / 2) for |x| <= 1 (+-inf at +-1): the inverse of the arctan gain function, accurate
// near +-1 because cos(pi x / 2) is computed as sin(pi (1 - |x|) / 2).
double det_tan_half_pi(double x);

}  // namespace hopfield
