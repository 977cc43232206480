#include "core/costs.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "core/models/weight_models.hpp"

namespace hopfield {

namespace {

// What one step of each learning loop costs, in multiply-adds of the pseudo-inverse's inner
// loop (col[i] += x * y: 0.38 ns). Measured natively at N = 4096 (CPU time, g++ -O2, this
// project's machine, 2026-12-06): Storkey 8.2 ns per W entry and pattern (its symmetric write
// misses the cache), forgetting's learn_step 3.9 ns per entry and pattern, the Hebbian popcount
// 2.2 ns per pair and 64 patterns, dilution 5.7 ns per entry (a random draw). A dream's worst
// case is counted at 1 (it streams down a column, as the reference loop does).
constexpr double kStorkeyPerEntry = 21;
constexpr double kForgettingPerEntry = 10;
constexpr double kHebbianPerWord = 6;
constexpr double kDilutionPerEntry = 15;

struct Term {
  double work = 0;
  std::string what, lower;
};

std::string neuron_words(double n) {
  char text[48];
  std::snprintf(text, sizeof text, "%.0f neurons", n);
  return text;
}

std::string grid_words(double n, double p) {
  char text[48];
  std::snprintf(text, sizeof text, "%.0f pattern%s of ", p, p == 1 ? "" : "s");
  return text + neuron_words(n);
}

// The Hebbian W_raw as Recall asks for it: popcounts when it is dense, else nothing but the
// pattern fields' copy.
double hebbian_work(double n, double p, bool dense) {
  return dense ? kHebbianPerWord * n * n / 2 * std::ceil(p / 64) : n * p;
}

// The rule's own W (no modifiers).
Term rule_term(double n, double p, Rule rule, bool dense_hebbian) {
  switch (rule) {
    case Rule::storkey:
      return {kStorkeyPerEntry * n * n * p, "Storkey learning of " + grid_words(n, p),
              "fewer patterns, a smaller grid or the Hebbian rule"};
    case Rule::pseudoinverse:
      // Gram matrix N P^2 / 2, Cholesky P^3 / 6, substitutions N P^2, W = X Y: N^2 P.
      return {1.5 * n * p * p + p * p * p / 6 + n * n * p,
              "the pseudo-inverse of " + grid_words(n, p),
              "fewer patterns, a smaller grid or the Hebbian rule"};
    case Rule::hebbian:
      break;
  }
  return {hebbian_work(n, p, dense_hebbian), "Hebbian learning of " + grid_words(n, p),
          "fewer patterns or a smaller grid"};
}

double bytes_of_w(double n) { return 4 * n * n; }

}  // namespace

LearningCost learning_cost(int neurons, std::int64_t patterns, Rule rule, const ModelOptions& m) {
  const double n = neurons, p = static_cast<double>(patterns);
  // The network's patterns (1 byte a spin) and their transposed copy for recall (2 bytes).
  LearningCost cost;
  cost.neurons = neurons;
  cost.patterns = patterns;
  cost.bytes = 3 * n * p;
  std::vector<Term> terms;
  if (m.model == Model::dense || m.model == Model::modern) {
    // Recall reads only the patterns, but a network keeps its rule's W all the same.
    terms.push_back({n * p, "storing " + grid_words(n, p), "fewer patterns or a smaller grid"});
    if (rule != Rule::hebbian) {
      terms.push_back(rule_term(n, p, rule, false));
      cost.bytes += bytes_of_w(n);
    }
  } else if (m.model == Model::sparse) {
    // The covariance W from the Hebbian counts, then its bias: twice (W and the energy offset).
    terms.push_back({2 * (hebbian_work(n, p, true) + 4 * n * n + n * p),
                     "the sparse model's covariance rule on " + grid_words(n, p),
                     "fewer patterns or a smaller grid"});
    cost.bytes += bytes_of_w(n);
  } else {
    const bool modifiers = has_weight_modifiers(m);
    const bool forgets = m.decay != 1.0 || m.clip > 0;
    // Recall's choice of a dense W for an unpruned Hebbian network (Network::uses_pattern_fields).
    const bool dense_hebbian = neurons <= kMaxDenseNeurons && (modifiers || 2 * p >= n ||
                                                               m.model == Model::continuous);
    if (m.sequence || forgets)
      terms.push_back({kForgettingPerEntry * n * n * p,
                       (m.sequence ? "the sequence rule on " : "forgetting (decay, clip) on ") +
                           grid_words(n, p),
                       "fewer patterns or a smaller grid"});
    else
      terms.push_back(rule_term(n, p, rule, dense_hebbian));
    if (m.connectivity < 1.0)
      terms.push_back({kDilutionPerEntry * n * n, "dilution of the weights of " + neuron_words(n),
                       "a smaller grid"});
    if (m.dreams > 0 && p > 0)
      terms.push_back({m.dreams * ((kDreamSweeps + 2) * n * n),
                       std::to_string(m.dreams) + " dreams (each a recall of up to " +
                           std::to_string(kDreamSweeps) + " sweeps) on " +
                           neuron_words(n),
                       "fewer dreams or a smaller grid"});
    if (rule != Rule::hebbian || dense_hebbian) cost.bytes += bytes_of_w(n);
    if (rule == Rule::pseudoinverse) cost.bytes += 16 * p * p + 8 * n * p;  // G, L, Y
  }
  const Term* largest = &terms.front();
  for (const Term& t : terms) {
    cost.work += t.work;
    if (t.work > largest->work) largest = &t;
  }
  cost.what = largest->what;
  cost.lower = largest->lower;
  return cost;
}

LearningCost session_cost(int neurons, std::int64_t patterns, const LabSettings& settings) {
  LearningCost cost = learning_cost(neurons, patterns, settings.rule, settings.model);
  const double n = neurons, p = static_cast<double>(patterns);
  // The library's patterns (a spin a byte, a name and its bookkeeping), the recall's trace at
  // its bound (8 bytes a value), the probe's and the recall's states and fields.
  const double trace = (settings.dynamics.max_sweeps + 1.0) * (p + 1) * 8;
  cost.bytes += n * p + 96 * p + trace + 64 * n;
  cost.work += n * p;  // the library's copy into the network
  return cost;
}

void check_cost(const LearningCost& cost, const CostBudget& budget) {
  const std::string where(budget.where);
  char text[200];
  if (cost.bytes > budget.bytes) {
    std::snprintf(text, sizeof text, " would hold about %.0f MB, more than the %.0f MB a session "
                  "may hold%s: use fewer patterns or a smaller grid", std::ceil(cost.bytes / (1 << 20)),
                  budget.bytes / (1 << 20), where.c_str());
    throw std::invalid_argument("the session is too large: " +
                                grid_words(cost.neurons, static_cast<double>(cost.patterns)) + text);
  }
  if (cost.work > budget.work) {
    std::snprintf(text, sizeof text, " would take about %.2g multiply-adds (~%.0f s%s), more "
                  "than the limit of %.2g (~%.0f s): use ", cost.work,
                  std::ceil(cost.work / budget.work_per_second), where.c_str(), budget.work,
                  std::ceil(budget.work / budget.work_per_second));
    throw std::invalid_argument("learning (" + cost.what + ")" + text + cost.lower);
  }
}

}  // namespace hopfield
