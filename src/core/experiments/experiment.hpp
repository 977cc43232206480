// The experiments lab: capacity, basins of attraction, temperature and the pruning study,
// each a set of independent units (a parameter cell x a trial). Unit u draws only from
// Rng(seed, stream, trial(u)), so results are identical whatever the thread count, the order
// units finish in, or how the work is split into shards. A front end (CLI, app, web worker):
//   auto e = make_experiment(parse_json(spec));     // or make_capacity(CapacitySpec{...})
//   e->prepare();                                   // loads files, builds shared networks
//   RunResult r = run_units(*e, options);           // threads, shard, progress, cancel
//   std::string out = result_json(*e, e->aggregate(r.records));
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io/json.hpp"

namespace hopfield::experiments {

// A bad spec: `field` is the spec key (camelCase, as the CLI flag --kebab-case names it).
class SpecError : public std::invalid_argument {
 public:
  SpecError(std::string field, const std::string& message)
      : std::invalid_argument(field + ": " + message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// The measurements of one unit; the layout of `values` is the experiment's own.
struct UnitRecord {
  long long unit = 0;
  std::vector<double> values;
};

// What a run would cost, estimated before any unit runs: from the spec, and after prepare()
// with the sizes its files gave. Every spec checks it against kMaxExperimentWork and
// kMaxExperimentBytes (core/limits.hpp) and throws SpecError naming the setting to lower.
struct RunCost {
  double units = 0;  // unit_count(), as a double: estimated before it is known to fit
  double work = 0;   // steps: one term of a local field, or one weight learned
  double bytes = 0;  // the records (and their text in a shard), what units share, one unit's own
};

// Result rows: a number or a text per column.
struct Cell {
  bool is_text = false;
  double number = 0;
  std::string text;
  static Cell of(double v) { return Cell{false, v, {}}; }
  static Cell of(std::string s) { return Cell{true, 0, std::move(s)}; }
};
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

class Experiment {
 public:
  virtual ~Experiment() = default;
  // "capacity", "basins", "temperature" or "prune-study".
  virtual std::string name() const = 0;
  // Loads pattern files and builds what every unit shares. Throws SpecError or
  // PatternFileError. Needed before run_unit, not before aggregate.
  virtual void prepare() = 0;
  virtual long long unit_count() const = 0;
  // The estimate the spec was checked against (with the files' sizes after prepare()), for a
  // front end to show.
  virtual RunCost cost() const = 0;
  // One unit; const and thread-safe after prepare().
  virtual UnitRecord run_unit(long long unit) const = 0;
  // The rows from the units' records, in any order, each unit at most once. Units not run
  // yet are left out (a cell with none has no row; "trials" columns count those run), so a
  // front end can redraw the rows as units finish; with every unit the rows are final.
  virtual Table aggregate(std::vector<UnitRecord> records) const = 0;
  // The full spec as JSON members (keys as the CLI flags in camelCase) into an open object.
  virtual void write_spec(JsonWriter& json) const = 0;
  // Extra members after "rows" in the JSON result (e.g. basin radii); none by default.
  virtual void write_extra(JsonWriter& json, const std::vector<UnitRecord>& records) const;
  // For a record read from outside (a shard file, a worker's message): throws
  // std::invalid_argument "unit U: ..." unless run_unit could have written it: as many values
  // as the experiment writes, each in its range (fractions in [0, 1], overlaps in [-1, 1],
  // counts whole numbers >= 0). Needs no prepare().
  virtual void check_record(const UnitRecord& record) const = 0;
};

// A spec as JSON: {"experiment": "capacity", "neurons": 256, "patterns": [1, 2, 4], ...}.
// Lists may also be LIST strings ("1:64:1"), numbers may be strings ("0.1"): the CLI passes
// its flags this way. Unknown keys, wrong types and out-of-range values throw SpecError.
// "version" is accepted and ignored (it is in every result's parameters).
std::unique_ptr<Experiment> make_experiment(const JsonValue& spec);

// --- running ------------------------------------------------------------------------------
struct RunOptions {
  int threads = 1;  // natively any number >= 1; WebAssembly runs single-threaded
  int shard_index = 0, shard_count = 1;  // run the units u with u % shard_count == shard_index
  // Called from the calling thread with (units done, units of this shard); may be empty.
  std::function<void(long long, long long)> progress;
  const std::atomic<bool>* cancel = nullptr;  // set it to stop early
};
struct RunResult {
  std::vector<UnitRecord> records;  // sorted by unit
  bool cancelled = false;
};
// Runs the shard's units. Throws std::invalid_argument for bad threads or shard; rethrows
// the first exception a unit threw.
RunResult run_units(const Experiment& experiment, const RunOptions& options);
// The one loop over units, run by run_units' threads, the desktop app's experiment thread and
// the web page's worker: takes positions from `next` (0, 1, 2... or a counter the threads
// share) until one is past the end of `units` or `stop` (checked before each) says so, runs
// units[position] and hands its record to `record` with the position. A unit's exception
// propagates.
void run_unit_loop(const Experiment& experiment, const std::vector<long long>& units,
                   const std::function<long long()>& next, const std::function<bool()>& stop,
                   const std::function<void(long long position, UnitRecord&& record)>& record);
// Every unit of the experiment in order: 0, 1, ..., unit_count() - 1.
std::vector<long long> all_units(const Experiment& experiment);
// Threads the runner can use here (1 in WebAssembly).
int max_threads();

// --- output -------------------------------------------------------------------------------
// The program version written into every result's parameters (PROJECT_VERSION).
std::string program_version();
// {"experiment": ..., "parameters": {spec..., "version": ...}, "rows": [{...}, ...]}
std::string result_json(const Experiment& experiment, const std::vector<UnitRecord>& records);
// The rows as CSV: a header of the column names, then one line per row.
std::string result_csv(const Experiment& experiment, const std::vector<UnitRecord>& records);
// A shard's output: the parameters, every unit record of shard index/count, and the records'
// digest: {"experiment", "parameters", "shard": {"index", "count", "units"}, "records",
// "digest": "sha256:<hex>"}.
std::string shard_json(const Experiment& experiment, int index, int count,
                       const std::vector<UnitRecord>& records);
// Unit records as JSON, [[unit, value, ...], ...] with every value read back bit for bit (a
// shard's "records"; what a Web Worker running the units sends the page), and back.
std::string records_json(const std::vector<UnitRecord>& records);
// Throws std::invalid_argument when `records` is not such an array: "record K is empty",
// "unit U: value K is a string, not a number" (K counts from 1 after the unit), ...
std::vector<UnitRecord> parse_records(const JsonValue& records);
// "sha256:" and the SHA-256 (hex) of records_json(records): a shard's "digest".
std::string records_digest(const std::vector<UnitRecord>& records);
// Rebuilds the experiment and all records from shard outputs (JSON texts, any order).
// Throws std::invalid_argument with one line naming a missing or repeated shard, differing
// parameters or versions, or the file (and the unit) of a record that does not read as one
// of the experiment's (Experiment::check_record), of a unit outside its shard, of records of
// different lengths, or of a digest that is missing or does not match the records.
struct Merged {
  std::unique_ptr<Experiment> experiment;
  std::vector<UnitRecord> records;
};
Merged merge_shards(const std::vector<std::string>& shard_texts,
                    const std::vector<std::string>& names);

}  // namespace hopfield::experiments
