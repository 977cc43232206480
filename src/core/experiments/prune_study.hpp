// The published pruning study (../shared/SCIENCE.md) as an experiment: stored images, W =
// sum x x^T / P (scale p), prune kinds x levels x noise levels x trials, asynchronous recall
// capped at 50 sweeps, performance 100 (1 - Hamming / N) against the image the probe came
// from, and the sparsity each level reached. Its conventions are settings, with two presets:
// "published" (random-independent pruning, signed thresholds, flips drawn with replacement)
// and "fixed" (symmetric random pruning, |w| thresholds, exact flips).
#pragma once

#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/experiments/spec.hpp"
#include "core/pruning.hpp"
#include "core/spectrum.hpp"

namespace hopfield::experiments {

// One "--prune KIND:LEVELS": a kind of `recall --prune` and its levels, fractions in [0, 1]
// (thresholds for magnitude and signed, in units of the scaled W).
struct PruneSweep {
  std::string kind;  // random, random-independent, smallest, magnitude, signed
  std::vector<double> levels;
};
// "KIND:LIST", e.g. "random-independent:0:1:0.05" or "signed:0,0.25,0.5".
PruneSweep parse_prune_sweep(const std::string& text);

enum class FlipDraws { exact, with_replacement };

struct PruneStudySpec {
  PatternFile patterns;                      // "patterns" (required) and "select"
  std::string preset;                        // "preset": "", "published" or "fixed"
  std::vector<PruneSweep> prune;             // "prune": ["KIND:LIST", ...]
  std::vector<double> noise;                 // "noise": fractions of pixels flipped
  FlipDraws flips = FlipDraws::exact;        // "flips": exact | with-replacement
  HebbianScale scale = HebbianScale::inv_p;  // "scale": p as in the study
  int trials = 100;                          // "trials": trial k probes image k mod P
  std::uint64_t seed = 0;                    // "seed"
  int max_sweeps = 50;                       // "maxSweeps"

  // N and P come from the pattern file: validate() checks the cost with one pattern of one
  // neuron, PruneStudy::prepare() again with the file's.
  void validate() const;
  // Per level and trial: a pruned copy of W (N^2), one sweep of each noise level's recall.
  RunCost cost(int file_patterns = 1, int file_neurons = 1) const;
  void check_cost(int file_patterns = 1, int file_neurons = 1) const;
  // A preset fills in every setting the spec does not give.
  static PruneStudySpec from_json(const JsonValue& spec);
};

class PruneStudy : public Experiment {
 public:
  explicit PruneStudy(PruneStudySpec spec);
  std::string name() const override { return "prune-study"; }
  void prepare() override;
  long long unit_count() const override;
  RunCost cost() const override;
  UnitRecord run_unit(long long unit) const override;
  Table aggregate(std::vector<UnitRecord> records) const override;
  void write_spec(JsonWriter& json) const override;
  // The sparsity reached (a fraction), then the performance (0..100) per noise level.
  void check_record(const UnitRecord& record) const override;

  // Prunes a copy of `base` as (kind, level) does; rng is used by the random kinds.
  static PruneReport prune(Network& net, const std::string& kind, double level, Rng& rng);

 private:
  struct Level {
    std::string kind;
    double level;
  };
  PruneStudySpec spec_;
  std::vector<Level> levels_;  // every (kind, level) in spec order
  PatternMatrix x_;
  std::unique_ptr<Network> base_;
  std::vector<std::shared_ptr<const Network>> pruned_;  // deterministic kinds, per level
  std::vector<double> sparsity_;                        // of pruned_, per level
};

// The spectrum of W = scale * sum x x^T (the study's weights) before and after one prune
// (kind, level; random kinds draw as trial 0 does, from Rng(seed, kPruningStream, 0)).
struct PruneSpectra {
  Eigenvalues before, after;
  double sparsity = 0;  // of the pruned W
};
// Throws SpecError for an unknown kind, a level outside [0, 1], no patterns, or more than
// kMaxDenseNeurons neurons.
PruneSpectra prune_spectra(const PatternMatrix& x, HebbianScale scale, const std::string& kind,
                           double level, std::uint64_t seed);

// Flips round(fraction N) neurons drawn with replacement, each drawn neuron once: fewer than
// nominal (25% -> ~22%), as the published study did.
SpinVector flip_with_replacement(const SpinVector& s, double fraction, Rng& rng);

}  // namespace hopfield::experiments
