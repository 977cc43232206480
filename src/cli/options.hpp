// Command-line options of hopfield-cli, parsed into plain values. Parsing errors throw
// UsageError with a one-line message; main() prints it and exits with code 2.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/dynamics.hpp"
#include "core/io/image_import.hpp"
#include "core/io/json.hpp"
#include "core/network.hpp"
#include "core/pruning.hpp"
#include "core/settings.hpp"

namespace hopfield::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RecallOptions {
  std::string patterns_file;
  // Index ranges into the file, checked against its size before they are expanded; empty = all.
  std::vector<std::pair<long long, long long>> select;
  // --class: names of the classes to store (with --select, indices are among their patterns).
  std::vector<std::string> classes;
  std::optional<std::string> input_file;
  std::optional<int> from;
  double flip = 0.0;
  std::optional<int> target;
  LabSettings settings;  // rule, scale, model and dynamics: core/settings.hpp
  std::optional<PruneRequest> prune;
  bool json = false;
  // For a --patterns or --input file that is an image (PNG, JPEG, GIF, BMP).
  std::optional<std::pair<int, int>> image_size;  // --size WxH
  ImageImportOptions image;
  bool image_flags = false;  // any of --size, --threshold, --fit, --invert given
};

// Parses the arguments after "recall".
RecallOptions parse_recall_options(const std::vector<std::string>& args);
// Options of the experiment commands (capacity, basins, temperature, prune-study): every
// "--some-flag VALUE" becomes the spec member "someFlag" (the same keys as the JS API's
// runExperiment(spec)); the rest only say how to run and print.
struct ExperimentOptions {
  JsonValue spec;  // {"experiment": command, ...}
  bool json = false, csv = false, progress = false;
  int threads = 1;
  int shard_index = 0, shard_count = 1;
  bool sharded = false;
};
ExperimentOptions parse_experiment_options(const std::string& command,
                                           const std::vector<std::string>& args);
// "--max-sweeps" <-> "maxSweeps".
std::string flag_to_key(const std::string& flag);
std::string key_to_flag(const std::string& key);

extern const char* const kUsage;

}  // namespace hopfield::cli
