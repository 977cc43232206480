// libFuzzer harness: hopfield-cli's option parsing. The input is split at NUL bytes into
// arguments (the first picks the command: recall or an experiment). Any arguments must give
// options or a UsageError with a message: never a crash, an uncaught exception, or a large
// allocation (ranges such as --select are checked before they are expanded).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args(1);
  for (std::size_t k = 0; k < size; ++k) {
    if (data[k] == 0) args.emplace_back();
    else args.back() += static_cast<char>(data[k]);
  }
  static const char* const kCommands[] = {"recall", "capacity", "basins", "temperature", "prune-study"};
  const std::string command = kCommands[args.front().size() % 5];
  args.erase(args.begin());
  try {
    if (command == "recall") hopfield::cli::parse_recall_options(args);
    else hopfield::cli::parse_experiment_options(command, args);
  } catch (const hopfield::cli::UsageError& e) {
    if (std::string(e.what()).empty()) std::abort();
  }
  return 0;
}
