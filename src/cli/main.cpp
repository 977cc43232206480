// hopfield-cli: batch recall over the same core as the app, with reproducible output.
#include <cstdio>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/experiment_commands.hpp"
#include "cli/options.hpp"
#include "core/corruption.hpp"
#include "core/dynamics.hpp"
#include "core/image_import.hpp"
#include "core/network.hpp"
#include "core/pattern_io.hpp"
#include "core/pattern_source.hpp"
#include "core/pruning.hpp"
#include "core/parse.hpp"
#include "core/report.hpp"

namespace hopfield::cli {
namespace {

// The stored patterns of --patterns (core/pattern_source.hpp); counts the images in `images`.
std::vector<Pattern> stored_patterns(const RecallOptions& o, int& images) {
  return load_stored_patterns({o.patterns_file, o.select, o.classes, o.image_size, o.image}, images);
}

void apply_pruning(Network& net, const PruneRequest& p, std::uint64_t seed) {
  const PruneReport r = apply_prune(net, p, seed);
  std::fprintf(stderr, "pruned %lld of %lld weights; sparsity now %.4f\n", r.removed,
               r.candidates, r.sparsity());
}

void print_table(const Network& net, const Recall& run, const Pattern& shape,
                 const std::vector<std::string>& names) {
  const Trace& t = run.trace();
  std::printf("%5s | %14s | %7s | %5s\n", "iter", "energy", "hamming", "flips");
  for (int k = 0; k < t.rows(); ++k)
    std::printf("%5d | %14.6f | %7d | %5d\n", k, t.energy[k], t.hamming[k], t.flips[k]);
  std::printf("outcome: %s after %d sweeps\n", to_string(run.outcome()).c_str(), run.sweeps());
  // The verdict names the stored pattern it ended at, e.g. "sea horse #3702" of a labelled set.
  const FinalStateReport verdict = classify_final_state(net, run.state(), run.outcome(), names, run.cycle_length());
  std::printf("final state: %s\n\n", verdict.summary.c_str());
  const std::string grid = to_string(run.state());
  for (int y = 0; y < shape.height; ++y)
    std::printf("%s\n", grid.substr(static_cast<std::size_t>(y * shape.width),
                                    static_cast<std::size_t>(shape.width)).c_str());
}

int run_recall(const RecallOptions& o) {
  int images = 0;
  const std::vector<Pattern> patterns = stored_patterns(o, images);
  const Pattern& first = patterns.front();
  std::vector<std::string> names;
  for (const Pattern& p : patterns) names.push_back(p.name);
  const LabSettings& settings = o.settings;
  Network net(first.size(), settings.rule, settings.scale);
  PatternMatrix all(first.size(), static_cast<Eigen::Index>(patterns.size()));
  for (std::size_t k = 0; k < patterns.size(); ++k)
    all.col(static_cast<Eigen::Index>(k)) = patterns[k].spins;
  net.store_all(all);  // learns once: the pseudo-inverse projection is not redone per pattern
  net.set_model(settings.model);
  if (o.prune) apply_pruning(net, *o.prune, settings.dynamics.seed);

  SpinVector initial;
  std::optional<SpinVector> target;
  if (o.from) {
    if (*o.from >= net.pattern_count())
      throw UsageError("--from " + std::to_string(*o.from) + ": only " +
                       std::to_string(net.pattern_count()) + " patterns are stored");
    Rng rng(settings.dynamics.seed, kCorruptionStream);
    initial = flip_fraction(net.pattern(*o.from), o.flip, rng);
    target = net.pattern(*o.from);
  } else {
    const std::vector<Pattern> inputs = load_input_patterns(
        *o.input_file, o.image_size.value_or(std::pair{first.width, first.height}), o.image,
        images);
    if (inputs.front().width != first.width || inputs.front().height != first.height)
      throw UsageError(*o.input_file + " holds a " + std::to_string(inputs.front().width) + "x" +
                       std::to_string(inputs.front().height) + " pattern; the stored ones are " +
                       std::to_string(first.width) + "x" + std::to_string(first.height));
    initial = inputs.front().spins;
  }
  if (o.image_flags && images == 0)
    throw UsageError("--size, --threshold, --fit and --invert are for image files (PNG, JPEG, "
                     "GIF, BMP); neither --patterns nor --input is one");
  std::optional<Recall> plain_run;
  if (o.target) {
    if (*o.target >= net.pattern_count())
      throw UsageError("--target " + std::to_string(*o.target) + ": only " +
                       std::to_string(net.pattern_count()) + " patterns are stored");
    target = net.pattern(*o.target);
  }

  // A grey image as the input of a real-valued model starts from its grey levels, not from
  // the thresholded pattern.
  std::optional<Recall> grey_run;
  if (real_valued(settings.model.model) && o.input_file) {
    const std::string bytes = load_bytes(*o.input_file);
    if (looks_like_image(bytes))
      grey_run.emplace(net, import_grey_levels(bytes, first.width, first.height, o.image, *o.input_file),
                       settings.dynamics, target);
  }
  Recall& run = grey_run ? *grey_run : plain_run.emplace(net, initial, settings.dynamics, target);
  run.run();
  if (o.json) {
    const std::string json =
        recall_json({first.width, first.height, names, settings, initial}, run);
    std::printf("%s\n", json.c_str());
  } else {
    print_table(net, run, first, names);
  }
  return 0;
}

}  // namespace
}  // namespace hopfield::cli

int main(int argc, char** argv) {
  using namespace hopfield::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  try {
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "--version") {
      std::printf("%s\n", hopfield::experiments::program_version().c_str());  // as the JSON's "version"
      return 0;
    }
    if (args[0] == "merge") return run_merge(rest);
    if (is_experiment_command(args[0])) return run_experiment(args[0], rest);
    if (args[0] != "recall") throw UsageError("unknown command '" + args[0] + "' (try --help)");
    const RecallOptions o = parse_recall_options(rest);
    return run_recall(o);
  } catch (const hopfield::experiments::SpecError& e) {
    // A spec key names the flag it came from.
    std::fprintf(stderr, "hopfield-cli: error: %s\n", spec_error_message(e).c_str());
    return 2;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "hopfield-cli: error: out of memory\n");
    return 3;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "hopfield-cli: error: %s\n", e.what());
    return 2;
  } catch (const hopfield::PatternFileError& e) {
    std::fprintf(stderr, "hopfield-cli: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    // Core precondition failures (e.g. pseudo-inverse of dependent patterns) are argument
    // problems from the user's point of view.
    std::fprintf(stderr, "hopfield-cli: error: %s\n", e.what());
    return 2;
  }
}
