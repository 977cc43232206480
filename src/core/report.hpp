// Recall results as JSON, shared by hopfield-cli --json and the web bridge, so a run in the
// browser and on the command line can be compared byte for byte.
#pragma once

#include "core/dynamics.hpp"
#include "core/json.hpp"

namespace hopfield {

// Writes the members energy, hamming, flips, overlaps (arrays, one entry per iteration from
// 0), final ('#'/'.' string), converged, cycle, sweeps and outcome into an open object.
void write_recall_members(JsonWriter& json, const Recall& run);

}  // namespace hopfield
