// Every limit the core enforces, in one place. Each one bounds the memory or the work that an
// input (a file, a URL, a command line) can ask for, so that a hostile or mistaken input fails
// with a clear message before any large allocation instead of exhausting a browser tab.
// The README's "Limits" table lists them; change both together.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hopfield {

// ---- sizes of one pattern and of the weight matrix ----

// Grids up to 128 x 128 = 16384 neurons: the editor's largest grid, and a size the pattern
// fields keep fast (O(N P) per update).
inline constexpr int kMaxSide = 128;
// Largest N for which a dense N x N float weight matrix is built (4096^2 floats = 64 MB).
inline constexpr int kMaxDenseNeurons = 4096;

// ---- pattern files and the pattern library ----

// Bytes read from one file: 2x the largest data set we load (MNIST training images, 47 MB)
// with room to spare, and small enough that the bytes plus their patterns fit a browser tab.
inline constexpr std::size_t kMaxReadBytes = std::size_t{128} << 20;
// Bytes a gzip file may inflate to: the same bound, checked while inflating (a bomb stops here).
inline constexpr std::size_t kMaxDecompressedBytes = std::size_t{128} << 20;
// Patterns in one file or one network: each costs ~100 bytes of bookkeeping besides its spins.
inline constexpr std::int64_t kMaxPatterns = 1'000'000;
// Spins (N x P, one byte each) in one file's patterns or one network: 64 MB. Holds MNIST's
// 60000 x 784 training set.
inline constexpr std::int64_t kMaxPatternSpins = std::int64_t{1} << 26;
// Bytes (UTF-8) of one pattern's name, wherever it comes in (files, the API, renaming): a
// saved session or a share link holds any library the app holds.
inline constexpr std::size_t kMaxPatternNameBytes = 1024;
// Pixels of an image to import (decoded RGBA: 4 bytes each, so 64 MB), before it is scaled
// down to a grid of at most kMaxSide x kMaxSide.
inline constexpr std::int64_t kMaxImagePixels = std::int64_t{4096} * 4096;
// Indices a selection list ("0,3,5-7") may expand to: more than a file can hold is a mistake.
inline constexpr std::int64_t kMaxSelectExpansion = kMaxPatterns;

// ---- work of a recall and of an experiment ----

// A recall's trace keeps, for iteration 0 and each sweep, P overlaps (8 bytes each) and a row
// of energy, Hamming distance and flips: (max_sweeps + 1) x (P + 1) entries, ~200 MB at most.
inline constexpr std::int64_t kMaxTraceEntries = 25'000'000;
// An experiment runs trials x N neuron updates per sweep: at ~30 ns each this bounds one sweep
// of all trials to about 3 s, and the trials' states to 100 MB.
inline constexpr std::int64_t kMaxExperimentTrialNeurons = 100'000'000;

// An experiment's work, estimated from its spec before any unit runs, in steps: one term of a
// local field (a weight, or a stored pattern's overlap) or one weight learned. T = 0 recalls
// count one sweep each (most converge in a few); temperature runs count every sweep. At ~1 ns
// a step, 1e14 steps is about a day on one core.
inline constexpr double kMaxExperimentWork = 1e14;
// An experiment's memory, estimated likewise: its unit records (kept to the end, and their text
// in a shard), the patterns and weights its units share, and one unit's own. Half of what the
// page's 32-bit WebAssembly memory can grow to.
inline constexpr std::int64_t kMaxExperimentBytes = std::int64_t{512} << 20;

// Dreams (unlearning) one network may run: each is a recall from a random state, O(N^2) a
// sweep, so 100000 dreams at N = 256 take seconds, at N = 4096 minutes.
inline constexpr int kMaxDreams = 100000;

// ---- arithmetic ----

// Raw fields and overlaps are summed in 32-bit integers: |h_raw_i| <= N x P. Networks are
// capped at kMaxPatternSpins = N x P spins, far below this bound, so the sums cannot overflow.
inline constexpr std::int64_t kFieldOverflowBound = INT32_MAX;
static_assert(kMaxPatternSpins <= kFieldOverflowBound, "int field sums would overflow");

}  // namespace hopfield
