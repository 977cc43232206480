#include "core/report.hpp"

namespace hopfield {

void write_recall_members(JsonWriter& json, const Recall& run) {
  const Trace& t = run.trace();
  json.key("energy").array(t.energy);
  json.key("hamming").array(t.hamming);
  json.key("flips").array(t.flips);
  json.key("overlaps").begin_array();
  for (const auto& row : t.overlaps) json.array(row);
  json.end_array();
  json.key("final").value(to_string(run.state()));
  json.key("converged").value(run.outcome() == Outcome::fixed_point);
  json.key("cycle").value(run.outcome() == Outcome::two_cycle);
  json.key("sweeps").value(run.sweeps());
  json.key("outcome").value(to_string(run.outcome()));
}

}  // namespace hopfield
