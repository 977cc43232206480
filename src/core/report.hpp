// What a recall ended in (the verdict), and recall results as JSON, shared by hopfield-cli
// --json and the web bridge, so a run in the browser and on the command line can be compared
// byte for byte.
#pragma once

#include <string>
#include <vector>

#include "core/dynamics.hpp"
#include "core/json.hpp"
#include "core/settings.hpp"

namespace hopfield {

enum class Verdict { running, retrieved, inverse, two_cycle, spurious, no_patterns, cycle };
inline constexpr EnumName<Verdict> kVerdictNames[] = {
    {Verdict::running, "running", "running"},       {Verdict::retrieved, "retrieved", "retrieved"},
    {Verdict::inverse, "inverse", "inverse"},       {Verdict::two_cycle, "2-cycle", "2-cycle"},
    {Verdict::spurious, "spurious", "spurious"},    {Verdict::no_patterns, "no patterns", "no patterns"},
    {Verdict::cycle, "cycle", "cycle"}};
inline std::string to_string(Verdict verdict) { return name_of(kVerdictNames, verdict); }

struct FinalStateReport {
  Verdict verdict = Verdict::running;
  int pattern = -1;            // the retrieved memory (retrieved, inverse), else the nearest
  bool converged = false;      // ended at a fixed point
  std::vector<int> distances;  // Hamming distance to each stored pattern
  std::vector<int> inverse_distances;  // ... and to each inverse
  std::string summary;         // one sentence for the UI
};
// What a recall ended in: a stored memory, its inverse, a cycle (of `cycle_length` states,
// Recall::cycle_length) or a spurious state. `names` label the patterns in the summary (may
// be empty).
FinalStateReport classify_final_state(const Network& net, const SpinVector& state,
                                      Outcome outcome, const std::vector<std::string>& names = {},
                                      int cycle_length = 0);
// "\"A\" (pattern 0)", or "pattern 0" when it has no name.
std::string quoted_name(const std::vector<std::string>& names, int mu);

// What a run left, as a value that outlives the Recall and its network (the Python bindings
// keep it): the trace, the final state, the outcome and the real-valued models' values.
struct RecallResult {
  Trace trace;
  SpinVector state;
  Outcome outcome = Outcome::running;
  int sweeps = 0;
  int cycle_length = 0;
  std::vector<double> state_values;              // modern and continuous only
  std::vector<std::vector<double>> attention;    // modern only
};
RecallResult recall_result(const Recall& run);

// Writes the members energy, hamming, flips, overlaps (arrays, one entry per iteration from
// 0), final ('#'/'.' string), converged, cycle, sweeps and outcome into an open object, and
// cycle_length after a cycle of more than 2 states.
void write_recall_members(JsonWriter& json, const RecallResult& run);
void write_recall_members(JsonWriter& json, const Recall& run);

// One recall as `hopfield-cli recall --json` prints it (and the Python bindings' to_dict()):
// the stored patterns' grid (width, height), count and names, the settings (rule, scale, the
// model when it is not the plain classic one, mode, tie, temperature, seed), the initial state
// and write_recall_members.
struct RecallContext {
  int width = 0, height = 0;
  std::vector<std::string> names;  // one per stored pattern ("" unnamed): their count is P
  LabSettings settings;
  SpinVector initial;
};
std::string recall_json(const RecallContext& context, const RecallResult& run);
std::string recall_json(const RecallContext& context, const Recall& run);

// The trace as CSV with a header: iteration, energy, hamming, flips, then one overlap column
// per stored pattern ("overlap NAME", or "overlap mu" unnamed). Numbers as in --json.
std::string trace_csv(const Trace& trace, const std::vector<std::string>& names = {});

// A CSV field: as is, or quoted (with "" for ") when it holds a comma, a quote or a newline.
std::string csv_quote(const std::string& text);

}  // namespace hopfield
