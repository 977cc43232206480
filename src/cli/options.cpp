#include "cli/options.hpp"

#include <charconv>
#include <cmath>

#include "core/parse.hpp"

namespace hopfield::cli {

const char* const kUsage = R"(hopfield-cli: Hopfield-network recall from the command line

Usage:
  hopfield-cli recall --patterns FILE (--input FILE | --from K [--flip FRACTION])
                      [--select LIST] [--target K]
                      [--rule hebbian|storkey|pseudoinverse] [--scale none|n|p]
                      [--mode sync|async|sequential] [--tie keep|plus|minus]
                      [--temperature T] [--seed S] [--max-sweeps M]
                      [--prune KIND:VALUE] [--json]
  hopfield-cli --help

  --patterns FILE   patterns to store: text grid (.txt), PBM (P1/P4) or IDX (raw or .gz)
  --select LIST     store only these patterns of FILE, 0-based: e.g. 0,3,5-7
  --input FILE      start from the first pattern in FILE
  --from K          start from stored pattern K (0-based, after --select); K is the target
  --flip FRACTION   with --from: flip round(FRACTION * N) distinct pixels (seeded)
  --target K        measure Hamming distance to stored pattern K (default: --from K, or the
                    nearest stored pattern or its inverse)
  --rule            learning rule (default hebbian)
  --scale           Hebbian scale: none, n (1/N) or p (1/P) (default none)
  --mode            sync, async (random order each sweep, default) or sequential (0..N-1)
  --tie             a neuron with field exactly 0 keeps its value (default), or goes +1/-1
  --temperature T   Glauber dynamics at T > 0 (default 0)
  --seed S          seed for corruption, update order and noise (default 0)
  --max-sweeps M    stop after M sweeps (default 100)
  --prune KIND:V    prune W before recall: random:F (symmetric pairs), random-independent:F,
                    smallest:F (smallest |w|), magnitude:T (|w| <= T), signed:T (w <= T)
  --json            print one JSON object instead of the table

Exit codes: 0 success, 1 unreadable or malformed input file, 2 bad arguments.
)";

namespace {

double parse_double(const std::string& flag, const std::string& text) {
  try {
    return parse_real(text, flag);
  } catch (const std::invalid_argument&) {
    throw UsageError(flag + " expects a number, got '" + text + "'");
  }
}

long long parse_integer(const std::string& flag, const std::string& text, long long min,
                        long long max) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max)
    throw UsageError(flag + " expects an integer in " + std::to_string(min) + ".." +
                     std::to_string(max) + ", got '" + text + "'");
  return v;
}

std::uint64_t parse_seed(const std::string& text) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    throw UsageError("--seed expects a non-negative integer, got '" + text + "'");
  return v;
}

// The core's parsers (the same names the web API and URL parameters accept), with the
// flag in the message and the CLI's exit code for bad arguments.
template <class Parse>
auto parse_choice(const std::string& flag, const std::string& text, Parse parse) {
  try {
    return parse(text);
  } catch (const std::invalid_argument& e) {
    throw UsageError(flag + ": " + e.what());
  }
}

PruneRequest parse_prune(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw UsageError("--prune expects KIND:VALUE, got '" + text + "'");
  PruneRequest p{text.substr(0, colon), parse_double("--prune", text.substr(colon + 1))};
  if (p.kind != "random" && p.kind != "random-independent" && p.kind != "smallest" &&
      p.kind != "magnitude" && p.kind != "signed")
    throw UsageError("--prune kind must be random, random-independent, smallest, magnitude or "
                     "signed, got '" + p.kind + "'");
  if ((p.kind == "random" || p.kind == "random-independent" || p.kind == "smallest") &&
      (p.value < 0 || p.value > 1))
    throw UsageError("--prune " + p.kind + " expects a fraction between 0 and 1");
  return p;
}

}  // namespace

std::vector<int> parse_index_list(const std::string& text) {
  std::vector<int> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    const std::size_t dash = item.find('-');
    if (dash == std::string::npos) {
      out.push_back(static_cast<int>(parse_integer("--select", item, 0, 1 << 30)));
    } else {
      const auto a = parse_integer("--select", item.substr(0, dash), 0, 1 << 30);
      const auto b = parse_integer("--select", item.substr(dash + 1), a, a + 100000);
      for (auto i = a; i <= b; ++i) out.push_back(static_cast<int>(i));
    }
    start = comma + 1;
  }
  return out;
}

RecallOptions parse_recall_options(const std::vector<std::string>& args) {
  RecallOptions o;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string& flag = args[k];
    if (flag == "--json") {
      o.json = true;
      continue;
    }
    if (k + 1 >= args.size()) throw UsageError("unknown option or missing value: " + flag);
    const std::string& v = args[++k];
    if (flag == "--patterns") o.patterns_file = v;
    else if (flag == "--select") o.select = parse_index_list(v);
    else if (flag == "--input") o.input_file = v;
    else if (flag == "--from") o.from = static_cast<int>(parse_integer(flag, v, 0, 1 << 30));
    else if (flag == "--flip") o.flip = parse_double(flag, v);
    else if (flag == "--target") o.target = static_cast<int>(parse_integer(flag, v, 0, 1 << 30));
    else if (flag == "--rule") o.rule = parse_choice(flag, v, parse_rule);
    else if (flag == "--scale") o.scale = parse_choice(flag, v, parse_scale);
    else if (flag == "--mode") o.dynamics.mode = parse_choice(flag, v, parse_mode);
    else if (flag == "--tie") o.dynamics.tie = parse_choice(flag, v, parse_tie);
    else if (flag == "--temperature") o.dynamics.temperature = parse_double(flag, v);
    else if (flag == "--seed") o.dynamics.seed = parse_seed(v);
    else if (flag == "--max-sweeps")
      o.dynamics.max_sweeps = static_cast<int>(parse_integer(flag, v, 1, 1000000));
    else if (flag == "--prune") o.prune = parse_prune(v);
    else throw UsageError("unknown option: " + flag);
  }
  if (o.patterns_file.empty()) throw UsageError("--patterns FILE is required");
  if (o.input_file.has_value() == o.from.has_value())
    throw UsageError("give exactly one of --input FILE or --from K");
  if (o.flip < 0 || o.flip > 1) throw UsageError("--flip expects a fraction between 0 and 1");
  if (o.flip > 0 && !o.from) throw UsageError("--flip needs --from K");
  if (o.dynamics.temperature < 0) throw UsageError("--temperature must be >= 0");
  return o;
}

}  // namespace hopfield::cli
