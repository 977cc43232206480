// Elementary functions computed with IEEE basic operations only, so they return the same bits
// natively (glibc) and in WebAssembly (musl): the temperature dynamics depend on them.
#pragma once

namespace hopfield {

// exp(x) with a relative error below 1e-15 (Cody-Waite reduction, Taylor polynomial).
double det_exp(double x);
// Glauber probability P(s = +1) = 1 / (1 + exp(-2 h / T)), for T > 0.
double glauber_probability(double h, double temperature);

// erfc(x) to ~1e-15 relative (series below 1.5, continued fraction above), from det_exp and
// IEEE basic operations: the theory columns of experiments print the same bits everywhere.
double det_erfc(double x);

}  // namespace hopfield
