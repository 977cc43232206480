// What learning a network will cost, known before any work: the multiply-adds of building its
// weights (for N neurons, P patterns, a rule and the model's options) and the memory the
// session then holds. Every way in checks it against a budget from limits.hpp: the Network
// against kMaxLearningWork (the CLI, experiments, Python), the app's Lab against the page's
// (kPageLearningWork, kPageSessionBytes), so a share link, an autosave or an API call that
// would freeze the page is refused with the estimate instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/limits.hpp"
#include "core/models/models.hpp"
#include "core/network.hpp"
#include "core/settings.hpp"

namespace hopfield {

struct LearningCost {
  // Multiply-adds of a streaming loop (limits.hpp), each learning loop weighted by its speed.
  double work = 0;
  // Bytes held once learnt (patterns, the dense W) and while learning (the rule's scratch).
  double bytes = 0;
  // The part that costs most, and what to lower for it: "Storkey learning of 200 patterns of
  // 4096 neurons", "fewer patterns, a smaller grid or the Hebbian rule".
  std::string what;
  std::string lower;
  int neurons = 0;
  std::int64_t patterns = 0;
};

// Building the weights of a network of `neurons` holding `patterns` under `rule` and `model`:
// Hebbian popcounts O(N^2 P / 64) when recall uses a dense W, else O(N P) pattern fields;
// Storkey O(P N^2); pseudo-inverse O(N P^2 + P^3 + N^2 P); forgetting and the sequence rule
// O(P N^2); dilution O(N^2); each dream a recall of at most kDreamSweeps sweeps flipping every
// neuron (N^2 each) plus N^2; the sparse model's covariance W; nothing dense for the dense and
// modern models.
LearningCost learning_cost(int neurons, std::int64_t patterns, Rule rule, const ModelOptions& model);

// The app's whole session: the network's learning, plus the library's patterns and the
// recall's trace at its bound ((max sweeps + 1) x (P + 1) values).
LearningCost session_cost(int neurons, std::int64_t patterns, const LabSettings& settings);

// A budget and the words for messages about it.
struct CostBudget {
  double work = static_cast<double>(kMaxLearningWork);
  double bytes = 1e300;  // natively only the limits on patterns bound memory
  double work_per_second = 2.6e9;  // ~0.38 ns a multiply-add natively
  std::string_view where = "";     // "" natively, " in the page" for the app
};
inline constexpr CostBudget kNativeBudget{};
inline constexpr CostBudget kPageBudget{static_cast<double>(kPageLearningWork),
                                        static_cast<double>(kPageSessionBytes), 1e9, " here"};

// Throws std::invalid_argument when `cost` is over `budget`, giving the estimate (megabytes:
// "the session is too large: ..."; multiply-adds and seconds: "learning (...) would take
// about ..."), the limit, and what to lower.
void check_cost(const LearningCost& cost, const CostBudget& budget);

}  // namespace hopfield
