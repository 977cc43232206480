// A whole session as a short URL-safe text, for share links (#state=...) and autosave: grid
// size, the library with names, the probe and the pattern it came from, the selected pattern,
// the drawing, rule and dynamics settings and the panels shown.
//
// Format (version 1), before base64url without padding:
//   byte 0      version (1)
//   byte 1      flags: bit 0 = the rest is zlib-compressed, preceded by its raw length (varint)
//   then        width, height (varints), rule, scale, mode, tie (one byte each), temperature
//               (IEEE double, little-endian), seed, max sweeps, selected + 1, panels (varints),
//               P (varint), per pattern: name length (varint), name (UTF-8), N spins as bits
//               (bit k of byte k / 8 is neuron k, 1 = +1); probe flag (0 none, 1 plain, 2 with
//               source), [source (varint)], [N bits]; drawing flag (0/1), [N bits].
// Compression is used only where it makes the link shorter. Decoding trusts nothing: every
// count is checked against the limits and the bytes left before anything is allocated, and
// any error throws SessionLinkError (the caller keeps its state).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/lab.hpp"
#include "core/pattern.hpp"

namespace hopfield {

struct SessionLinkError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Session {
  int width = 16, height = 16;
  std::vector<Pattern> patterns;  // each width x height, with its name
  std::optional<SpinVector> probe;
  std::optional<int> probe_source;  // stored pattern the probe came from (its target)
  int selected = -1;                // selected library entry, or -1
  std::optional<SpinVector> drawing;
  LabSettings settings;
  std::uint32_t panels = 0;  // the app's bit mask of panels shown; 0 = its default
};

// The longest link text decode_session reads (a 128x128 library of a few hundred patterns).
inline constexpr std::size_t kMaxSessionLinkChars = std::size_t{8} << 20;

// The Lab's part of a session (all but `selected` and `panels`, which the app keeps).
Session session_of(const Lab& lab);
// Makes `lab` hold the session: grid, settings, library, probe (with its source), drawing.
// First costs it (core/costs.hpp) against lab.budget(): a session whose learning or memory is
// over it is refused before any work. Then builds it on a scratch Lab, so an error (a rule
// that rejects the library, a recall over the trace limit) throws with `lab` unchanged.
void restore_session(Lab& lab, const Session& session);

std::string encode_session(const Session& session);
// Base64url without padding (RFC 4648 section 5), as the link's state is written.
std::string base64url(std::string_view bytes);
// Throws SessionLinkError naming what is wrong (not base64url, unknown version, truncated,
// a count over a limit, a bad setting, trailing bytes).
Session decode_session(std::string_view text);

}  // namespace hopfield
