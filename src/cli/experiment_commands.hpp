// hopfield-cli capacity | basins | temperature | prune-study | merge.
#pragma once

#include <string>
#include <vector>

#include "core/experiments/experiment.hpp"

namespace hopfield::cli {

bool is_experiment_command(const std::string& command);
// Runs one experiment (or one shard of it) and prints CSV, JSON or the shard's JSON.
int run_experiment(const std::string& command, const std::vector<std::string>& args);
// Merges shard outputs into the unsharded result.
int run_merge(const std::vector<std::string>& args);
// "--flip: must be ..." for the spec key "flip"; unknown keys as "unknown option: --flag".
std::string spec_error_message(const experiments::SpecError& e);

}  // namespace hopfield::cli
