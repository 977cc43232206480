// A Hopfield network: stored patterns, the weight matrix a learning rule makes of them, a
// bias, and the local field and energy that the dynamics use.
//
// Conventions (see docs/science.md):
//   local field  h = W s + b            (h_i = sum_j W_ij s_j + b_i)
//   energy       E = -1/2 s^T W s - b^T s
// computed exactly as written, including any diagonal W_ii (only the pseudo-inverse rule has
// one). Hebbian weights are kept as integer counts W_raw = sum_mu xi xi^T (zero diagonal) and
// a separate scale (1, 1/N or 1/P), so W = scale * W_raw exactly and T = 0 dynamics come out
// bit-identical under every scale.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "core/models/models.hpp"
#include "core/names.hpp"
#include "core/pattern.hpp"

namespace hopfield {

enum class Rule { hebbian, storkey, pseudoinverse };
struct ModelWeights;  // weight_models.hpp
enum class HebbianScale { none, inv_n, inv_p };

inline constexpr EnumName<Rule> kRuleNames[] = {{Rule::hebbian, "hebbian", "Hebbian"},
                                                {Rule::storkey, "storkey", "Storkey (1997)"},
                                                {Rule::pseudoinverse, "pseudoinverse", "Pseudo-inverse"}};
inline constexpr EnumName<HebbianScale> kScaleNames[] = {{HebbianScale::none, "none", "none (counts)"},
                                                         {HebbianScale::inv_n, "n", "1/N"},
                                                         {HebbianScale::inv_p, "p", "1/P"}};
inline std::string to_string(Rule rule) { return name_of(kRuleNames, rule); }
inline std::string to_string(HebbianScale scale) { return name_of(kScaleNames, scale); }
inline Rule parse_rule(std::string_view text) { return parse_name(kRuleNames, "rule", text); }
inline HebbianScale parse_scale(std::string_view text) {
  return parse_name(kScaleNames, "Hebbian scale", text);
}

// Throws std::invalid_argument unless a network of `neurons` can hold `patterns`: at most
// kMaxPatterns, and N x P at most kMaxPatternSpins (which keeps integer fields exact).
void check_network_capacity(int neurons, std::int64_t patterns);

// h = W s for a dense raw weight matrix, in the fixed summation order documented in network.cpp.
void dense_fields(const Eigen::MatrixXf& w, const SpinVector& s, Eigen::VectorXd& h);

class Network {
 public:
  explicit Network(int neurons, Rule rule = Rule::hebbian,
                   HebbianScale scale = HebbianScale::none);

  int size() const { return n_; }
  int pattern_count() const { return static_cast<int>(patterns_.cols()); }
  Rule rule() const { return rule_; }
  HebbianScale hebbian_scale() const { return scale_kind_; }
  // Stored patterns as the columns of an N x P matrix.
  const Eigen::Matrix<Spin, Eigen::Dynamic, Eigen::Dynamic>& patterns() const { return patterns_; }
  SpinVector pattern(int mu) const;
  // The patterns transposed (P x N) in 16 bits, for the field loops of Recall; built on
  // first use and kept until the patterns change. Call it once before sharing a network
  // between threads.
  const Eigen::Matrix<std::int16_t, Eigen::Dynamic, Eigen::Dynamic>& patterns_transposed() const;

  // Changes the rule and relearns every stored pattern. Throws when the rule needs a dense W
  // and N > kMaxDenseNeurons, or does not go with the model (check_weight_model).
  // Every call that learns is first costed (core/costs.hpp) and refused over
  // kMaxLearningWork (std::invalid_argument with the estimate), the network unchanged.
  void set_rule(Rule rule, HebbianScale scale = HebbianScale::none);
  // Learns one more pattern: Hebbian adds xi xi^T, Storkey applies its update, the
  // pseudo-inverse rule recomputes the projection. Clears any pruning.
  void store(const SpinVector& xi);
  // Learns the columns of `patterns` (N x K) in order, with the same result as K calls of
  // store() but learning once: the pseudo-inverse projection is computed once, not K times.
  // All or nothing: on any error (a bad spin, capacity, dependent patterns) nothing changes.
  void store_all(const PatternMatrix& patterns);
  // Forgets pattern mu: Hebbian subtracts xi xi^T (unlearning); the other rules relearn the
  // remaining patterns from scratch. Clears any pruning.
  void remove(int mu);
  void clear();

  // The memory model and its parameters (models.hpp); relearns. The classic model's weight
  // modifiers and the sparse model's covariance W and bias are applied when learning
  // (weight_models.hpp); such a network keeps a dense W (model_weights()) and relearns it from
  // scratch on every store and remove. Throws std::invalid_argument (the network unchanged)
  // for bad options, combinations check_weight_model refuses, or a model needing a dense W
  // when N > kMaxDenseNeurons.
  void set_model(const ModelOptions& model);
  const ModelOptions& model() const { return model_; }
  // set_rule and set_model in one, learning once (either alone relearns the weights).
  void set_rule_and_model(Rule rule, HebbianScale scale, const ModelOptions& model);

  // The bias in use: the user's (set_bias), or the sparse model's, which replaces it while
  // that model is on (the user's comes back when the model changes).
  const Eigen::VectorXd& bias() const { return model_bias_.size() > 0 ? model_bias_ : bias_; }
  void set_bias(const Eigen::VectorXd& b);

  // W = weight_scale() * raw_weights(). Hebbian: 1, 1/N or 1/P; other rules and the sparse
  // model: 1.
  double weight_scale() const;
  // The dense raw weight matrix (column j = influence of neuron j), built on first use.
  // Throws if N > kMaxDenseNeurons.
  const Eigen::MatrixXf& raw_weights() const;
  // Replaces the raw weights (used by pruning). Marks the network as pruned.
  void set_raw_weights(Eigen::MatrixXf w);
  // True when W is not the rule's own W of the stored patterns, so nothing may compute it from
  // the patterns (pattern fields, votes, the dynamics' integer fields): pruning replaced it
  // (weights_pruned()) or the model made it (model_weights()).
  bool pruned() const { return pruned_ || model_weights_; }
  // True when pruning replaced the weights since the network last learnt: what the UI calls
  // "pruned" (learning again clears it).
  bool weights_pruned() const { return pruned_; }
  // True when the model made W (and the sparse model's bias): weight_models.hpp.
  bool model_weights() const { return model_weights_; }

  // True when fields come from the patterns, h_raw = Xi (Xi^T s) - P s, in O(N P), instead
  // of from W in O(N^2): chosen for unpruned Hebbian networks when 2P < N or N is too large
  // for a dense matrix. Both paths give bit-identical integers.
  bool uses_pattern_fields() const;
  // Overrides that choice for an unpruned Hebbian network (results are bit-identical either
  // way): `dense` pays N^2 P once to build W, then an asynchronous sweep costs O(N + flips N)
  // instead of O(N P), which wins for many long recalls on one network (the capacity
  // experiment). Ignored when N > kMaxDenseNeurons.
  enum class FieldPath { automatic, patterns, dense };
  void set_field_path(FieldPath path) { field_path_ = path; }

  // The dense model (model().model == Model::dense, dense_memory.hpp) reads only the patterns;
  // for it the four functions below return its own quantities: raw_fields and local_fields
  // the decision values D_i (no scale, no bias; exp: D_i exp(-M_i), a different M_i for each
  // neuron, so only the signs compare), energy E = -sum_mu F(xi^mu . s) (exact integers for
  // poly and rectpoly under dense_memory.hpp's bound), and pattern_votes each pattern's term
  // F(xi_i^mu + r_mu) - F(-xi_i^mu + r_mu) of D_i (exp: times exp(-M_i)).

  // Raw fields h_raw = W_raw s (no bias, no scale), in a fixed summation order.
  void raw_fields(const SpinVector& s, Eigen::VectorXd& h_raw) const;
  // Local fields h = W s + b.
  Eigen::VectorXd local_fields(const SpinVector& s) const;
  // Energy E = -1/2 s^T W s - b^T s.
  double energy(const SpinVector& s) const;
  // Energy from already computed raw fields of the same state (O(N)); the dense model
  // ignores h_raw and returns energy(s).
  double energy_from_raw_fields(const SpinVector& s, const Eigen::VectorXd& h_raw) const;
  // Hebbian (or the dense model) only: the vote of each stored pattern for neuron i,
  // v_mu = scale * xi_i^mu * sum_{j != i} xi_j^mu s_j, so that h_i = sum_mu v_mu + b_i.
  std::vector<double> pattern_votes(const SpinVector& s, int i) const;

 private:
  void check_state(const SpinVector& s) const;
  void relearn();
  void learn_model_weights(Rule rule, const ModelOptions& model);  // commits only on success
  void adopt_model_weights(ModelWeights w);
  void ensure_dense_allowed(const char* why) const;
  void build_dense() const;

  int n_;
  Rule rule_;
  HebbianScale scale_kind_;
  ModelOptions model_;
  Eigen::Matrix<Spin, Eigen::Dynamic, Eigen::Dynamic> patterns_;  // N x P
  Eigen::VectorXd bias_;        // the user's
  Eigen::VectorXd model_bias_;  // the sparse model's; empty otherwise
  mutable Eigen::MatrixXf w_raw_;  // N x N, column-major; empty until needed
  mutable Eigen::Matrix<std::int16_t, Eigen::Dynamic, Eigen::Dynamic> patterns_t_;
  mutable bool patterns_t_valid_ = false;
  mutable bool dense_valid_ = false;
  bool pruned_ = false;
  bool model_weights_ = false;  // W from weight_models.hpp (dense, relearnt on every change)
  FieldPath field_path_ = FieldPath::automatic;
};

// The local field h_i = sum_j W_ij s_j + b_i of one neuron: O(N P) for unpruned Hebbian
// networks (pattern votes), O(N) from the dense matrix otherwise. The dense model: D_i.
double local_field(const Network& net, const SpinVector& s, int i);

// Block means of the weight matrix for a heatmap: a blocks x blocks matrix (blocks <= N),
// row-major, entry (I, J) = mean of W_ij over the neurons i in block I, j in block J.
// Unpruned Hebbian networks use pattern block sums (no dense N x N matrix).
std::vector<float> weight_block_means(const Network& net, int blocks);

}  // namespace hopfield
