// Learning rules: each turns stored patterns (the columns of an N x P matrix of +1/-1) into
// a raw weight matrix, column-major, computed in a fixed order so that native and wasm builds
// produce the same bits.
#pragma once

#include <Eigen/Core>

#include "core/pattern.hpp"

namespace hopfield {

// Hebbian counts W_raw = sum_mu xi^mu xi^mu^T with W_ii = 0 (integers, unscaled).
Eigen::MatrixXf hebbian_weights(const PatternMatrix& patterns);
// The patterns' overlaps times N, X^T X (P x P), exact.
Eigen::MatrixXi pattern_overlaps(const PatternMatrix& patterns);
// The Hebbian raw fields of every stored pattern at once, H = W_raw X = X (X^T X) - P X
// (N x P), exact integers in float: throws std::invalid_argument unless N P < 2^24.
Eigen::MatrixXf hebbian_pattern_fields(const PatternMatrix& patterns);
// Adds (sign = +1) or subtracts (sign = -1, unlearning) one pattern's Hebbian term.
void hebbian_update(Eigen::MatrixXf& w, const SpinVector& xi, int sign);

// Storkey (1997), one pattern at a time:
//   W_ij += (1/N) (xi_i xi_j - xi_i h_ji - h_ij xi_j),  h_ij = sum_{k != i,j} W_ik xi_k,
// for i != j; the diagonal stays 0. Arithmetic in double, stored as float.
void storkey_update(Eigen::MatrixXf& w, const SpinVector& xi);
Eigen::MatrixXf storkey_weights(const PatternMatrix& patterns);

// Projection rule W = X (X^T X)^-1 X^T (Personnaz et al. 1985), diagonal kept, so every
// stored pattern satisfies W xi = xi. Throws std::invalid_argument if the patterns are
// linearly dependent (including P > N).
Eigen::MatrixXf pseudoinverse_weights(const PatternMatrix& patterns);

}  // namespace hopfield
