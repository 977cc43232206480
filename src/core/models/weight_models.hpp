// The models whose effect is a different weight matrix (and bias), made when the Network
// learns: the sparse 0/1 model's covariance rule, and the classic model's modifiers
// (forgetting, the sequence rule, dilution, unlearning). Pure functions of the patterns and
// the ModelOptions; Network (network.cpp) calls model_weights() and keeps the result as its
// dense W. Definitions in docs/science.md.
//
// Order when several modifiers are on (classic model):
//   1. the rule's W (Hebbian, Storkey, pseudo-inverse), or the sequence rule's instead;
//   2. forgetting during learning, pattern by pattern in library order (pattern 0 oldest):
//      W <- decay W + term(mu), then |W_ij| <= clip (Hebbian and sequence terms only);
//   3. dilution: each W_ij (i != j) kept with probability c;
//   4. dreams (unlearning) on the resulting W.
// An empty network keeps W = 0: dreams only unlearn what a rule has learnt.
//
// Sparse patterns, 0/1 neurons sigma = (s + 1) / 2 (+1 = active), activity a:
//   W01 = sum_mu (xi01^mu - a)(xi01^mu - a)^T, W01_ii = 0,
//   h01_i = sum_j W01_ij sigma_j - theta, sigma_i <- 1 if h01_i > 0, 0 if < 0, the tie rule at 0,
//   E01(sigma) = -1/2 sigma^T W01 sigma + theta sum_i sigma_i.
// It runs as the +-1 network W = W01 / 4, b_i = (1/4) sum_j W01_ij - theta / 2, because with
// s_j = 2 sigma_j - 1:
//   h_i = sum_j (W01_ij / 4)(2 sigma_j - 1) + (1/4) sum_j W01_ij - theta / 2
//       = (1/2) sum_j W01_ij sigma_j - theta / 2 = h01_i / 2,
// so every update (ties included) is the 0/1 network's, and the unchanged Recall runs it. Its
// energy E = -1/2 s^T W s - b^T s is, with S = sum_ij W01_ij (W01 symmetric),
//   -1/2 s^T W s = -1/2 sigma^T W01 sigma + 1/2 1^T W01 sigma - S / 8,
//   -b^T s       = -1/2 1^T W01 sigma + S / 4 + theta sum sigma - theta N / 2,
//   E(s) = E01(sigma) + S / 8 - theta N / 2      (sparse_energy_offset).
// The model's bias replaces the user's bias (Network::set_bias) while the sparse model is on;
// the Hebbian scale does not apply to it (W is the model's own, scale 1).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "core/models/models.hpp"
#include "core/network.hpp"
#include "core/pattern.hpp"
#include "core/rng.hpp"

namespace hopfield {

// Random streams of Rng(weight_seed, stream, ...) for the weight models.
inline constexpr std::uint64_t kDreamStream = 16;     // Rng(weight_seed, kDreamStream, dream)
inline constexpr std::uint64_t kDilutionStream = 17;  // Rng(weight_seed, kDilutionStream)

// True when the model's W is not the rule's plain W: the sparse model, or the classic (and
// continuous) model with weight modifiers. Such a network keeps a dense W.
bool needs_model_weights(const ModelOptions& m);
// Throws std::invalid_argument for combinations that make no sense: weight modifiers on the
// dense, modern or sparse model; the sparse model with a rule other than Hebbian (it learns by
// its covariance rule); forgetting or the sequence rule with Storkey or the pseudo-inverse.
void check_weight_model(const ModelOptions& m, Rule rule);

// The raw W (N x N, column-major) and, for the sparse model, its bias (empty otherwise: the
// user's bias applies). Checks check_weight_model. W = weight scale * w_raw as usual.
struct ModelWeights {
  Eigen::MatrixXf w_raw;
  Eigen::VectorXd bias;
};
ModelWeights model_weights(const PatternMatrix& patterns, Rule rule, const ModelOptions& m);

// ---- sparse patterns ----

// Fraction of active (+1) spins over all stored patterns; 0.5 when none are stored.
double mean_activity(const PatternMatrix& patterns);
// The activity the sparse model uses: m.activity, or mean_activity when it is negative.
double sparse_activity(const PatternMatrix& patterns, const ModelOptions& m);
// W01 = sum_mu (xi01^mu - a)(xi01^mu - a)^T with a zero diagonal (the raw covariance weights).
Eigen::MatrixXf sparse_covariance_weights(const PatternMatrix& patterns, double a);
// The equivalent +-1 network: W = W01 / 4, b = (1/4) W01 1 - theta / 2.
ModelWeights sparse_weights(const PatternMatrix& patterns, double a, double theta);
// E(s) - E01(sigma) for the sparse network of `patterns`: S / 8 - theta N / 2.
double sparse_energy_offset(const PatternMatrix& patterns, double a, double theta);
// P patterns of N neurons, each neuron active (+1) with probability a, independently.
PatternMatrix random_sparse_patterns(int n, int p, double a, Rng& rng);

// ---- classic modifiers ----

// Hebbian learning with forgetting, pattern 0 first: W <- decay W + xi xi^T (zero diagonal),
// then |W_ij| <= clip when clip > 0.
Eigen::MatrixXf forgetting_weights(const PatternMatrix& patterns, double decay, double clip);
// The sequence rule W = sum_mu xi^{mu+1} xi^mu^T (cyclic: P-1 -> 0) + symmetric *
// sum_mu xi^mu xi^mu^T, zero diagonal, learnt pattern by pattern with decay and clip as above.
Eigen::MatrixXf sequence_weights(const PatternMatrix& patterns, double symmetric, double decay,
                                 double clip);
// Keeps each W_ij (i != j) with probability c: W_ij and W_ji together (symmetric) or
// independently (asymmetric), drawn from `rng` in a fixed order.
void dilute(Eigen::MatrixXf& w, double c, bool asymmetric, Rng& rng);
// Unlearning (Hopfield, Feinstein, Palmer 1983): for d = 0..dreams-1, a random +-1 state from
// Rng(seed, kDreamStream, d) runs asynchronous T = 0 dynamics on the current W (fields W s, no
// bias; a fresh random order each sweep; ties keep; at most kDreamSweeps sweeps), then
// W -= eps s s^T off the diagonal (the diagonal unchanged: 0 except under the pseudo-inverse).
inline constexpr int kDreamSweeps = 100;
void unlearn(Eigen::MatrixXf& w, int dreams, double eps, std::uint64_t seed);

// ---- measurements ----

// Where asynchronous T = 0 recall of the network (random order, ties keep, 100 sweeps) ends
// from `trials` uniformly random states (each drawn from its own Rng of `seed`; the dynamics
// seeded by seed + trial).
struct FixedPointCount {
  int trials = 0;
  int ended_at_stored = 0;  // a fixed point equal to a stored pattern or its inverse
  int spurious = 0;         // any other fixed point
  int not_converged = 0;    // a 2-cycle or the sweep limit
};
FixedPointCount count_spurious_fixed_points(const Network& net, int trials, std::uint64_t seed);

// Palimpsest data: stores `stored` random patterns of N neurons, in order, under Hebbian
// learning with the given clip and decay, then recalls each from round(flip_fraction N)
// exactly flipped neurons (asynchronous, T = 0). Returns, per age (0 = the newest pattern),
// the fraction of the `trials` networks in which recall ended exactly at the pattern.
std::vector<double> retrieval_by_age(int n, int stored, double clip, double decay,
                                     double flip_fraction, int trials, std::uint64_t seed);

}  // namespace hopfield
