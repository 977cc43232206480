#include "core/pruning.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/parse.hpp"

namespace hopfield {
namespace {

void check_fraction(double f) {
  if (!(f >= 0.0 && f <= 1.0))
    throw std::invalid_argument("prune fraction must be between 0 and 1, got " +
                                std::to_string(f));
}

// The raw weights to prune: pruning works on the dense N x N matrix, which only networks of at
// most kMaxDenseNeurons have.
Eigen::MatrixXf weights_to_prune(const Network& net) {
  if (net.size() > kMaxDenseNeurons)
    throw std::invalid_argument("pruning needs the dense N x N weight matrix, which holds at most " +
                                std::to_string(kMaxDenseNeurons) + " neurons (64x64); this network has " +
                                std::to_string(net.size()));
  return net.raw_weights();
}

void check_threshold(double t) {
  if (!std::isfinite(t)) throw std::invalid_argument("prune threshold must be a finite number");
}

PruneReport finish(Network& net, Eigen::MatrixXf w, long long removed) {
  PruneReport r;
  const Eigen::Index n = w.rows();
  r.removed = removed;
  r.candidates = static_cast<long long>(n) * (n - 1);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i)
      if (i != j && w(i, j) == 0.0f) ++r.zeros;
  net.set_raw_weights(std::move(w));
  return r;
}

// Zeroes every off-diagonal entry for which remove(scaled weight) is true.
template <class Predicate>
PruneReport prune_where(Network& net, Predicate remove) {
  Eigen::MatrixXf w = weights_to_prune(net);
  const double scale = net.weight_scale();
  long long removed = 0;
  for (Eigen::Index j = 0; j < w.cols(); ++j)
    for (Eigen::Index i = 0; i < w.rows(); ++i)
      if (i != j && w(i, j) != 0.0f && remove(scale * w(i, j))) {
        w(i, j) = 0.0f;
        ++removed;
      }
  return finish(net, std::move(w), removed);
}

}  // namespace

PruneReport prune_random(Network& net, double fraction, Rng& rng, PruneSymmetry symmetry) {
  check_fraction(fraction);
  Eigen::MatrixXf w = weights_to_prune(net);
  const int n = net.size();
  long long removed = 0;
  if (symmetry == PruneSymmetry::symmetric_pairs) {
    const int pairs = n * (n - 1) / 2;
    const int k = static_cast<int>(std::lround(fraction * pairs));
    for (int p : rng.sample_without_replacement(pairs, k)) {
      // Pair index p enumerates (i, j), i < j, column by column: j = 1.., i = 0..j-1.
      int j = static_cast<int>((1.0 + std::sqrt(1.0 + 8.0 * p)) / 2.0);
      while (j * (j - 1) / 2 > p) --j;
      while ((j + 1) * j / 2 <= p) ++j;
      const int i = p - j * (j - 1) / 2;
      w(i, j) = w(j, i) = 0.0f;
      removed += 2;
    }
  } else {
    const int entries = n * (n - 1);
    const int k = static_cast<int>(std::lround(fraction * entries));
    for (int e : rng.sample_without_replacement(entries, k)) {
      // Entry e enumerates off-diagonal (i, j) column by column, skipping i == j.
      const int j = e / (n - 1);
      int i = e % (n - 1);
      if (i >= j) ++i;
      w(i, j) = 0.0f;
      ++removed;
    }
  }
  return finish(net, std::move(w), removed);
}

PruneReport prune_smallest_magnitude(Network& net, double fraction) {
  check_fraction(fraction);
  Eigen::MatrixXf w = weights_to_prune(net);
  const int n = net.size();
  struct Entry {
    float magnitude;
    int i, j;
  };
  std::vector<Entry> entries;
  entries.reserve(static_cast<std::size_t>(n) * (n - 1));
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      if (i != j) entries.push_back({std::abs(w(i, j)), i, j});
  const auto k = static_cast<std::size_t>(std::lround(fraction * double(entries.size())));
  // Ties broken by the unordered pair, then by entry: symmetric pairs go together.
  auto key = [](const Entry& e) {
    return std::make_tuple(e.magnitude, std::min(e.i, e.j), std::max(e.i, e.j), e.j);
  };
  std::nth_element(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(k),
                   entries.end(), [&](const Entry& a, const Entry& b) { return key(a) < key(b); });
  for (std::size_t e = 0; e < k; ++e) w(entries[e].i, entries[e].j) = 0.0f;
  return finish(net, std::move(w), static_cast<long long>(k));
}

PruneReport prune_magnitude_threshold(Network& net, double threshold) {
  check_threshold(threshold);
  return prune_where(net, [threshold](double v) { return std::abs(v) <= threshold; });
}

PruneReport prune_signed_threshold(Network& net, double threshold) {
  check_threshold(threshold);
  return prune_where(net, [threshold](double v) { return v <= threshold; });
}

}  // namespace hopfield

namespace hopfield {

void check_prune_kind(std::string_view kind) {
  for (std::string_view k : kPruneKinds)
    if (k == kind) return;
  throw std::invalid_argument(
      "prune kind must be random, random-independent, smallest, magnitude or signed, not '" +
      std::string(kind) + "'");
}

bool prune_value_is_fraction(std::string_view kind) {
  return kind == "random" || kind == "random-independent" || kind == "smallest";
}

PruneReport apply_prune(Network& net, std::string_view kind, double value, Rng& rng) {
  check_prune_kind(kind);
  if (kind == "random") return prune_random(net, value, rng);
  if (kind == "random-independent")
    return prune_random(net, value, rng, PruneSymmetry::independent_entries);
  if (kind == "smallest") return prune_smallest_magnitude(net, value);
  if (kind == "magnitude") return prune_magnitude_threshold(net, value);
  return prune_signed_threshold(net, value);
}

PruneRequest parse_prune_request(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos)
    throw std::invalid_argument("prune expects KIND:VALUE, not '" + std::string(text) + "'");
  PruneRequest p{std::string(text.substr(0, colon)), 0.0};
  check_prune_kind(p.kind);
  p.value = parse_real(std::string(text.substr(colon + 1)), "the prune value");
  if (prune_value_is_fraction(p.kind) && !(p.value >= 0 && p.value <= 1))
    throw std::invalid_argument("prune " + p.kind + " expects a fraction between 0 and 1");
  return p;
}

PruneReport apply_prune(Network& net, const PruneRequest& request, std::uint64_t seed) {
  Rng rng(seed, kPruningStream);
  return apply_prune(net, request.kind, request.value, rng);
}

}  // namespace hopfield
