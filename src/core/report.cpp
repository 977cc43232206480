#include "core/report.hpp"

#include <algorithm>

namespace hopfield {

std::string quoted_name(const std::vector<std::string>& names, int mu) {
  if (mu >= 0 && mu < static_cast<int>(names.size()) && !names[static_cast<std::size_t>(mu)].empty())
    return "\"" + names[static_cast<std::size_t>(mu)] + "\" (pattern " + std::to_string(mu) + ")";
  return "pattern " + std::to_string(mu);
}

FinalStateReport classify_final_state(const Network& net, const SpinVector& state,
                                      Outcome outcome, const std::vector<std::string>& names,
                                      int cycle_length) {
  FinalStateReport r;
  r.converged = outcome == Outcome::fixed_point;
  const int n = net.size();
  const int p = net.pattern_count();
  int nearest = -1, best = n + 1;
  for (int mu = 0; mu < p; ++mu) {
    const int d = hamming(net.pattern(mu), state);
    r.distances.push_back(d);
    r.inverse_distances.push_back(n - d);
    if (std::min(d, n - d) < best) {
      best = std::min(d, n - d);
      nearest = mu;
    }
  }
  const auto exact = std::find(r.distances.begin(), r.distances.end(), 0);
  const auto exact_inverse = std::find(r.inverse_distances.begin(), r.inverse_distances.end(), 0);
  r.pattern = nearest;
  const std::string near = nearest < 0 ? std::string()
                                       : "; nearest is " + quoted_name(names, nearest) +
                                             " at Hamming distance " + std::to_string(best) +
                                             (best == r.distances[static_cast<std::size_t>(nearest)]
                                                  ? ""
                                                  : " from its inverse");
  if (p == 0) {
    r.verdict = Verdict::no_patterns;
    r.summary = "No stored patterns: store some to give the network memories.";
  } else if (outcome == Outcome::running) {
    r.verdict = Verdict::running;
    r.summary = "Still running" + near + ".";
  } else if (outcome == Outcome::two_cycle) {
    r.verdict = Verdict::two_cycle;
    r.summary = "2-cycle: the synchronous update alternates between two states" + near + ".";
  } else if (outcome == Outcome::cycle) {
    r.verdict = Verdict::cycle;
    r.summary = "Cycle of " + std::to_string(cycle_length) +
                " states: the synchronous update comes back to this one every " +
                std::to_string(cycle_length) + " steps" + near + ".";
  } else if (exact != r.distances.end()) {
    r.verdict = Verdict::retrieved;
    r.pattern = static_cast<int>(exact - r.distances.begin());
    r.summary = "Retrieved " + quoted_name(names, r.pattern) + " exactly.";
  } else if (exact_inverse != r.inverse_distances.end()) {
    r.verdict = Verdict::inverse;
    r.pattern = static_cast<int>(exact_inverse - r.inverse_distances.begin());
    r.summary = "Ended in the inverse of " + quoted_name(names, r.pattern) +
                " (a spurious state that is always stable without bias).";
  } else {
    r.verdict = Verdict::spurious;
    r.summary = "Spurious state: not a stored pattern or its inverse" + near + ".";
  }
  if (outcome == Outcome::max_sweeps && p > 0)
    r.summary += " Stopped at the sweep limit without reaching a fixed point.";
  return r;
}

RecallResult recall_result(const Recall& run) {
  return {run.trace(),      run.state(),          run.outcome(), run.sweeps(),
          run.cycle_length(), run.state_values(), run.attention()};
}

void write_recall_members(JsonWriter& json, const RecallResult& run) {
  const Trace& t = run.trace;
  json.key("energy").array(t.energy);
  json.key("hamming").array(t.hamming);
  json.key("flips").array(t.flips);
  json.key("overlaps").begin_array();
  for (const auto& row : t.overlaps) json.array(row);
  json.end_array();
  json.key("final").value(to_string(run.state));
  json.key("converged").value(run.outcome == Outcome::fixed_point);
  json.key("cycle").value(run.outcome == Outcome::two_cycle || run.outcome == Outcome::cycle);
  json.key("sweeps").value(run.sweeps);
  json.key("outcome").value(to_string(run.outcome));
  if (run.outcome == Outcome::cycle) json.key("cycle_length").value(run.cycle_length);
  // The real-valued models only, so the +-1 models' output stays as it was.
  if (!run.state_values.empty()) json.key("state_values").array(run.state_values);
  if (!run.attention.empty()) {
    json.key("attention").begin_array();
    for (const auto& row : run.attention) json.array(row);
    json.end_array();
  }
}

void write_recall_members(JsonWriter& json, const Recall& run) {
  write_recall_members(json, recall_result(run));
}

std::string csv_quote(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string trace_csv(const Trace& trace, const std::vector<std::string>& names) {
  const std::size_t p = trace.overlaps.empty() ? names.size() : trace.overlaps.front().size();
  std::string out = "iter,energy,hamming,flips";  // the header users were promised
  for (std::size_t mu = 0; mu < p; ++mu) {
    const bool named = mu < names.size() && !names[mu].empty();
    out += ',';
    out += csv_quote("overlap " + (named ? names[mu] : std::to_string(mu)));
  }
  out += '\n';
  for (int k = 0; k < trace.rows(); ++k) {
    const auto i = static_cast<std::size_t>(k);
    for (const std::string& field :
         {std::to_string(k), json_number(trace.energy[i]), std::to_string(trace.hamming[i]),
          std::to_string(trace.flips[i])}) {
      out += field;
      out += ',';
    }
    out.pop_back();
    for (double m : trace.overlaps[i]) {
      out += ',';
      out += json_number(m);
    }
    out += '\n';
  }
  return out;
}

std::string recall_json(const RecallContext& c, const Recall& run) {
  return recall_json(c, recall_result(run));
}

std::string recall_json(const RecallContext& c, const RecallResult& run) {
  const LabSettings& s = c.settings;
  JsonWriter json;
  json.begin_object();
  json.key("width").value(c.width).key("height").value(c.height);
  json.key("patterns").value(static_cast<int>(c.names.size()));
  json.key("names").array(c.names);
  json.key("rule").value(to_string(s.rule)).key("scale").value(to_string(s.scale));
  if (s.model.model != Model::classic || has_weight_modifiers(s.model)) {
    // Only when a model is chosen, so classic output stays byte for byte what it was.
    json.key("model").value(to_string(s.model.model));
    json.key("model_description").value(describe(s.model));
  }
  json.key("mode").value(to_string(s.dynamics.mode)).key("tie").value(to_string(s.dynamics.tie));
  json.key("temperature").value(s.dynamics.temperature);
  json.key("seed").value(static_cast<long long>(s.dynamics.seed));
  json.key("initial").value(to_string(c.initial));
  write_recall_members(json, run);
  json.end_object();
  return json.str();
}

}  // namespace hopfield
