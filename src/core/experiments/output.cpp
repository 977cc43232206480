// Results as JSON and CSV, shard files, and the registry of experiments (reading shards back
// and merging them: shards.cpp).
#include <algorithm>
#include <map>

#include "core/experiments/basins.hpp"
#include "core/experiments/capacity.hpp"
#include "core/experiments/experiment.hpp"
#include "core/experiments/forgetting.hpp"
#include "core/experiments/prune_study.hpp"
#include "core/experiments/spec.hpp"
#include "core/experiments/temperature.hpp"
#include "core/report.hpp"
#include "core/sha256.hpp"

#ifndef HOPFIELD_VERSION
#define HOPFIELD_VERSION "unknown"
#endif

namespace hopfield::experiments {

void Experiment::write_extra(JsonWriter&, const std::vector<UnitRecord>&) const {}

std::string program_version() {
  return HOPFIELD_VERSION;
}

std::unique_ptr<Experiment> make_experiment(const JsonValue& spec) {
  if (!spec.is(JsonValue::Type::object)) throw SpecError("spec", "must be a JSON object");
  const JsonValue* name = spec.find("experiment");
  if (!name || !name->is(JsonValue::Type::string))
    throw SpecError("experiment",
                    "name the experiment: capacity, basins, temperature, prune-study or "
                    "forgetting");
  if (name->text == "capacity") return std::make_unique<Capacity>(CapacitySpec::from_json(spec));
  if (name->text == "basins") return std::make_unique<Basins>(BasinsSpec::from_json(spec));
  if (name->text == "temperature")
    return std::make_unique<Temperature>(TemperatureSpec::from_json(spec));
  if (name->text == "prune-study")
    return std::make_unique<PruneStudy>(PruneStudySpec::from_json(spec));
  if (name->text == "forgetting")
    return std::make_unique<Forgetting>(ForgettingSpec::from_json(spec));
  throw SpecError("experiment", "unknown experiment '" + name->text +
                                    "': use capacity, basins, temperature, prune-study or "
                                    "forgetting");
}

namespace {

void write_parameters(JsonWriter& json, const Experiment& e) {
  json.key("parameters").begin_object();
  e.write_spec(json);
  json.key("version").value(program_version());
  json.end_object();
}

void write_cell(JsonWriter& json, const Cell& c) {
  if (c.is_text)
    json.value(c.text);
  else
    json.number_short(c.number);
}

std::string csv_field(const Cell& c) {
  return c.is_text ? csv_quote(c.text) : json_number_short(c.number);
}

}  // namespace

std::string result_json(const Experiment& e, const std::vector<UnitRecord>& records) {
  const Table table = e.aggregate(records);
  JsonWriter json;
  json.begin_object();
  json.key("experiment").value(e.name());
  write_parameters(json, e);
  json.key("rows").begin_array();
  for (const auto& row : table.rows) {
    json.begin_object();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      json.key(table.columns[c]);
      write_cell(json, row[c]);
    }
    json.end_object();
  }
  json.end_array();
  e.write_extra(json, records);
  json.end_object();
  return json.str() + "\n";
}

std::string result_csv(const Experiment& e, const std::vector<UnitRecord>& records) {
  const Table table = e.aggregate(records);
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ',';
    out += table.columns[c];
  }
  out += "\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      out += csv_field(row[c]);
    }
    out += "\n";
  }
  return out;
}

std::string shard_json(const Experiment& e, int index, int count,
                       const std::vector<UnitRecord>& records) {
  JsonWriter json;
  json.begin_object();
  json.key("experiment").value(e.name());
  write_parameters(json, e);
  json.key("shard").begin_object();
  json.key("index").value(index).key("count").value(count);
  json.key("units").value(e.unit_count());
  json.end_object();
  const std::string text = records_json(records);
  json.key("records").raw(text);
  json.key("digest").value("sha256:" + sha256_hex(text));
  json.end_object();
  return json.str() + "\n";
}

}  // namespace hopfield::experiments
