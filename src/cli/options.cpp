#include "cli/options.hpp"

#include <charconv>
#include <cmath>

#include "core/dynamics.hpp"
#include "core/labels.hpp"
#include "core/parse.hpp"

namespace hopfield::cli {

const char* const kUsage = R"(hopfield-cli: Hopfield-network recall from the command line

Usage:
  hopfield-cli recall --patterns FILE (--input FILE | --from K [--flip FRACTION])
                      [--select LIST] [--class NAMES] [--target K]
                      [--rule hebbian|storkey|pseudoinverse] [--scale none|n|p]
                      [--mode sync|async|sequential] [--tie keep|plus|minus]
                      [--temperature T] [--seed S] [--max-sweeps M]
                      [--prune KIND:VALUE] [--json]
                      [--size WxH] [--threshold otsu|dither|LEVEL] [--fit contain|cover]
                      [--invert]
                      [--model classic|dense|modern|sparse|continuous] [model flags below]
  hopfield-cli capacity    (--size WxH | --neurons N) --patterns LIST [--source random|FILE]
                           [--select LIST] [--rule LIST] [--flip F] [--mode M] [--tie T]
                           [--max-sweeps M]
  hopfield-cli basins      (--patterns FILE [--select LIST] | --random P (--size WxH | --neurons N))
                           --amounts LIST [--corruption flip|mask|saltpepper|rect]
                           [--mask-value -1|1] [--rule R] [--mode M] [--tie T] [--max-sweeps M]
                           [--per-pattern]
  hopfield-cli temperature (--size WxH | --neurons N) --temperatures LIST [--patterns LIST]
                           [--sweeps S] [--rule R] [--mode M] [--source random|FILE] [--select LIST]
  hopfield-cli prune-study --patterns FILE [--select LIST] [--preset published|fixed]
                           --prune KIND:LEVELS (repeatable) --noise LIST
                           [--flips exact|with-replacement] [--scale none|n|p] [--max-sweeps M]
  hopfield-cli forgetting  (--size WxH | --neurons N) --stored K [--decay L | --clip A]
                           [--flip F] [--mode M] [--tie T] [--max-sweeps M]
    common to the five:    [--trials K] [--seed S] [--threads K] [--shard I/M]
                           [--csv | --json] [--progress]
  hopfield-cli merge [--csv] SHARD.json...
  hopfield-cli --help
  hopfield-cli --version    the program version, as every experiment result's "version"

  --patterns FILE   patterns to store: text grid (.txt), PBM (P1/P4) or IDX (raw or .gz), or
                    an image (PNG, JPEG, GIF, BMP) made into one pattern of --size; an
                    IDX FILE X-images-idx3-ubyte[.gz] with X-labels-idx1-ubyte[.gz] beside it
                    is labelled: its patterns are named "<class> #k" from P-classnames.txt
                    (P: X without a trailing -SIZE), or by label number without that file
  --select LIST     store only these patterns of FILE, 0-based: e.g. 0,3,5-7 (with --class:
                    of the patterns of those classes, in file order)
  --class NAMES     store only the patterns of these classes of a labelled FILE, names
                    separated by commas, case ignored: e.g. "sea horse,headphone"
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
  --size WxH        grid of an image file (--input's default: the stored patterns' size)
  --threshold       image grey to +1/-1: otsu (default), dither (Floyd-Steinberg) or a fixed
                    LEVEL in [0, 1]: cells darker than it (0 black, 1 white) become +1
  --fit             contain (the whole image, the margin -1; default) or cover (fill, crop)
  --invert          light pixels become +1

Models (recall and every experiment; a flag that does not apply to the model is an error):
  --model M         classic (default: +-1 neurons, W from --rule), dense, modern, sparse or
                    continuous; definitions in docs/science.md
  classic:    --dream COUNT:EPS   unlearning: COUNT dreams, each W -= EPS s s^T
              --clip A            forgetting: |W_ij| <= A after each pattern
              --decay L           forgetting: W <- L W + xi xi^T per pattern (0 < L <= 1)
              --dilute C[:asymmetric]  keep each weight with probability C
              --sequence          W = sum xi^(mu+1) xi^mu^T: recall walks the stored sequence
              --symmetric L       with --sequence: add L sum xi xi^T
  dense:      --interaction poly:N|rectpoly:N|exp   F of E = -sum F(xi . s) (default poly:3)
  modern:     --beta B            softmax inverse temperature (default 1)
  sparse:     --activity A        the covariance rule's a (default: the patterns' mean)
              --threshold T       theta of the 0/1 update (a number; with --model sparse
                                  --threshold is this, not the image threshold)
  continuous: --gain L  --gain-function tanh|arctan  --dt D  --tau T   (defaults 1.4, arctan,
                                  0.1, 1): du/dt = -u/tau + W g(u) + I by RK4; a +-1 probe
                                  starts at u = +-1; one iteration is one step of D tau

Experiments (see the README for every row field):
  LIST              a,b,c or from:to:step (to included), e.g. 1:64:1 or 0:0.5:0.05
  --trials K        independent trials per parameter cell (default 10; prune-study 100)
  --threads K       run on K threads (default 1); results do not depend on K
  --shard I/M       run only shard I (0-based) of M and print what merge needs
  --csv / --json    rows as CSV with a header (default) / {"experiment","parameters","rows"}
  --progress        a progress bar with ETA on stderr (default when stderr is a terminal)
  merge             the result of the unsharded run, byte for byte, from every shard's output

Exit codes: 0 success, 1 unreadable or malformed input file, 2 bad arguments,
3 out of memory.
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

std::vector<std::pair<long long, long long>> parse_ranges(const std::string& flag,
                                                         const std::string& text) {
  try {
    return parse_index_ranges(text, flag);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

std::vector<std::string> parse_classes(const std::string& flag, const std::string& text) {
  try {
    return parse_class_list(text, flag);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

std::pair<int, int> parse_grid_size(const std::string& flag, const std::string& text) {
  try {
    const GridSize g = hopfield::parse_grid_size(text, flag);
    return {g.width, g.height};
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

}  // namespace

RecallOptions parse_recall_options(const std::vector<std::string>& args) {
  RecallOptions o;
  std::vector<std::pair<std::string, std::string>> model_flags;  // (key, value), read last
  std::vector<std::pair<std::string, std::string>> setting_flags;  // --rule, --seed, ...
  std::optional<std::string> threshold;  // the image's or, with --model sparse, the model's
  bool rule_flags = false;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string& flag = args[k];
    if (flag == "--json") {
      o.json = true;
      continue;
    }
    if (flag == "--sequence") {
      model_flags.emplace_back("sequence", "on");
      continue;
    }
    if (flag == "--invert") {
      o.image.invert = o.image_flags = true;
      continue;
    }
    if (k + 1 >= args.size()) throw UsageError("unknown option or missing value: " + flag);
    const std::string& v = args[++k];
    if (flag == "--size" || flag == "--fit") o.image_flags = true;
    if (flag == "--rule" || flag == "--scale" || flag == "--prune") rule_flags = true;
    const std::string key = flag_to_key(flag);
    if (flag == "--threshold") threshold = v;
    else if (flag.size() > 2 && is_model_key(key)) model_flags.emplace_back(key, v);
    else if (flag == "--patterns") o.patterns_file = v;
    else if (flag == "--select") o.select = parse_ranges(flag, v);
    else if (flag == "--class") o.classes = parse_classes(flag, v);
    else if (flag == "--input") o.input_file = v;
    else if (flag == "--from") o.from = static_cast<int>(parse_integer(flag, v, 0, 1 << 30));
    else if (flag == "--flip") o.flip = parse_double(flag, v);
    else if (flag == "--target") o.target = static_cast<int>(parse_integer(flag, v, 0, 1 << 30));
    else if (flag.size() > 2 && is_setting_key(key)) setting_flags.emplace_back(key, v);
    else if (flag == "--prune") o.prune = parse_choice(flag, v, parse_prune_request);
    else if (flag == "--size") o.image_size = parse_grid_size(flag, v);
    else if (flag == "--fit") o.image.fit = parse_choice(flag, v, parse_image_fit);
    else throw UsageError("unknown option: " + flag);
  }
  // The core's settings, one flag at a time (the model first: its switch resets the
  // parameters), so that an error names the flag.
  const auto set = [&](const std::string& key, const std::string& value) {
    try {
      set_setting(o.settings, key, value, true);
    } catch (const std::invalid_argument& e) {
      const std::string flag = key_to_flag(key), what = e.what();
      throw UsageError(what.rfind(flag, 0) == 0 ? what : flag + ": " + what);
    }
  };
  for (const auto& [key, value] : model_flags)
    if (key == "model") set(key, value);
  for (const auto& [key, value] : setting_flags) set(key, value);
  std::vector<std::string> keys;
  if (threshold && o.settings.model.model == Model::sparse) {
    model_flags.emplace_back("threshold", *threshold);
  } else if (threshold) {
    o.image.threshold = parse_choice("--threshold", *threshold, parse_image_threshold);
    o.image_flags = true;
  }
  for (const auto& [key, value] : model_flags) {
    const std::string flag = key_to_flag(key);
    for (const std::string& seen : keys)
      if (seen == key) throw UsageError(flag + " is given twice");
    keys.push_back(key);
    if (key != "model") set(key, value);
  }
  if (rule_flags && !uses_rule(o.settings.model.model))
    throw UsageError("--rule, --scale and --prune do not apply to the " + to_string(o.settings.model.model) +
                     " model (it makes its own weights)");
  if (o.patterns_file.empty()) throw UsageError("--patterns FILE is required");
  if (o.input_file.has_value() == o.from.has_value())
    throw UsageError("give exactly one of --input FILE or --from K");
  if (o.flip < 0 || o.flip > 1) throw UsageError("--flip expects a fraction between 0 and 1");
  if (o.flip > 0 && !o.from) throw UsageError("--flip needs --from K");
  return o;
}

}  // namespace hopfield::cli

namespace hopfield::cli {

std::string flag_to_key(const std::string& flag) {
  std::string key;
  bool upper = false;
  for (std::size_t i = 2; i < flag.size(); ++i) {
    if (flag[i] == '-') {
      upper = true;
      continue;
    }
    key += upper && flag[i] >= 'a' && flag[i] <= 'z' ? static_cast<char>(flag[i] - 'a' + 'A') : flag[i];
    upper = false;
  }
  return key;
}

std::string key_to_flag(const std::string& key) { return flag_of_key(key); }

ExperimentOptions parse_experiment_options(const std::string& command,
                                           const std::vector<std::string>& args) {
  ExperimentOptions o;
  o.spec.type = JsonValue::Type::object;
  auto string_value = [](const std::string& text) {
    JsonValue v;
    v.type = JsonValue::Type::string;
    v.text = text;
    return v;
  };
  o.spec.members.push_back({"experiment", string_value(command)});
  JsonValue prune;
  prune.type = JsonValue::Type::array;
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string& flag = args[k];
    if (flag == "--json" || flag == "--csv" || flag == "--progress") {
      (flag == "--json" ? o.json : flag == "--csv" ? o.csv : o.progress) = true;
      continue;
    }
    if (flag == "--per-pattern") {  // a switch: the spec's "perPattern": true
      if (o.spec.find("perPattern")) throw UsageError(flag + " is given twice");
      o.spec.members.push_back({"perPattern", string_value("true")});
      continue;
    }
    if (flag == "--sequence") {  // a switch: the spec's "sequence": "on"
      if (o.spec.find("sequence")) throw UsageError(flag + " is given twice");
      o.spec.members.push_back({"sequence", string_value("on")});
      continue;
    }
    if (flag.size() < 3 || flag.compare(0, 2, "--") != 0 || k + 1 >= args.size())
      throw UsageError("unknown option or missing value: " + flag);
    const std::string& v = args[++k];
    if (flag == "--threads") {
      o.threads = static_cast<int>(parse_integer(flag, v, 1, 1024));
    } else if (flag == "--shard") {
      const std::size_t slash = v.find('/');
      if (slash == std::string::npos) throw UsageError("--shard expects I/M, got '" + v + "'");
      o.shard_count = static_cast<int>(parse_integer(flag, v.substr(slash + 1), 1, 1000000));
      o.shard_index = static_cast<int>(parse_integer(flag, v.substr(0, slash), 0, o.shard_count - 1));
      o.sharded = true;
    } else if (flag == "--prune") {
      prune.items.push_back(string_value(v));
    } else {
      const std::string key = flag_to_key(flag);
      if (o.spec.find(key)) throw UsageError(flag + " is given twice");
      o.spec.members.push_back({key, string_value(v)});
    }
  }
  if (!prune.items.empty()) o.spec.members.push_back({"prune", prune});
  if (o.json && o.csv) throw UsageError("give --json or --csv, not both");
  if (o.sharded && o.csv) throw UsageError("--shard prints JSON for merge: drop --csv");
  return o;
}

}  // namespace hopfield::cli
