// Pruning of the weight matrix, for any learning rule. Each function replaces the network's
// weights with a pruned copy and reports what it actually removed. Storing or removing a
// pattern afterwards relearns the weights from scratch (undoing the pruning).
#pragma once

#include <string>
#include <string_view>

#include "core/network.hpp"
#include "core/rng.hpp"

namespace hopfield {

struct PruneReport {
  long long removed = 0;     // off-diagonal entries set to zero by this call
  long long candidates = 0;  // off-diagonal entries, N (N - 1)
  long long zeros = 0;       // off-diagonal entries that are zero afterwards (any cause)
  double removed_fraction() const { return ratio(removed); }
  // The sparsity reached: fraction of off-diagonal weights that are zero.
  double sparsity() const { return ratio(zeros); }

 private:
  double ratio(long long count) const {
    return candidates ? static_cast<double>(count) / static_cast<double>(candidates) : 0.0;
  }
};

enum class PruneSymmetry { symmetric_pairs, independent_entries };

// Removes round(fraction * candidates) off-diagonal weights chosen uniformly at random.
// symmetric_pairs removes W_ij and W_ji together (W stays symmetric); independent_entries
// draws entries on their own, as the published study did (W becomes asymmetric).
PruneReport prune_random(Network& net, double fraction, Rng& rng,
                         PruneSymmetry symmetry = PruneSymmetry::symmetric_pairs);
// Removes the round(fraction * candidates) weights of smallest |w| (ties broken by index).
PruneReport prune_smallest_magnitude(Network& net, double fraction);
// Removes every weight with |w| <= threshold (threshold in scaled units, W = scale * W_raw).
PruneReport prune_magnitude_threshold(Network& net, double threshold);
// The published study's signed variant: removes every weight with w <= threshold, so every
// negative weight goes whatever the threshold.
PruneReport prune_signed_threshold(Network& net, double threshold);

// The kinds by name, as `recall --prune KIND:VALUE`, the pruning study's KIND:LEVELS, the app
// and the Python bindings spell them.
inline constexpr std::string_view kPruneKinds[] = {"random", "random-independent", "smallest",
                                                   "magnitude", "signed"};
// Throws std::invalid_argument "prune kind must be random, ..., not 'x'".
void check_prune_kind(std::string_view kind);
// Whether a kind's value is a fraction in [0, 1] (random, random-independent, smallest) rather
// than a threshold in units of the scaled W.
bool prune_value_is_fraction(std::string_view kind);
// Prunes `net` as `kind` does at `value`; the random kinds draw from rng.
PruneReport apply_prune(Network& net, std::string_view kind, double value, Rng& rng);

// One "KIND:VALUE" (recall --prune): kind checked, a fraction in [0, 1] for the fraction kinds.
struct PruneRequest {
  std::string kind;
  double value = 0;
};
PruneRequest parse_prune_request(std::string_view text);
// A recall's pruning: the random kinds draw from Rng(seed, kPruningStream), the recall's seed.
PruneReport apply_prune(Network& net, const PruneRequest& request, std::uint64_t seed);

}  // namespace hopfield
