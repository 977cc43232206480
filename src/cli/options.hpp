// Command-line options of hopfield-cli, parsed into plain values. Parsing errors throw
// UsageError with a one-line message; main() prints it and exits with code 2.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dynamics.hpp"
#include "core/network.hpp"

namespace hopfield::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PruneRequest {
  std::string kind;  // random, random-independent, smallest, magnitude, signed
  double value = 0;
};

struct RecallOptions {
  std::string patterns_file;
  std::vector<int> select;  // indices into the file; empty = all
  std::optional<std::string> input_file;
  std::optional<int> from;
  double flip = 0.0;
  std::optional<int> target;
  Rule rule = Rule::hebbian;
  HebbianScale scale = HebbianScale::none;
  DynamicsOptions dynamics;
  std::optional<PruneRequest> prune;
  bool json = false;
};

// Parses the arguments after "recall".
RecallOptions parse_recall_options(const std::vector<std::string>& args);
// "0,3,5-7" -> {0, 3, 5, 6, 7}
std::vector<int> parse_index_list(const std::string& text);

extern const char* const kUsage;

}  // namespace hopfield::cli
