// Results as JSON and CSV, shard files and merging them, and the registry of experiments.
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
  json.key("records").raw(records_json(records));
  json.end_object();
  return json.str() + "\n";
}

std::string records_json(const std::vector<UnitRecord>& records) {
  JsonWriter json;
  json.begin_array();
  for (const UnitRecord& r : records) {
    json.begin_array();
    json.value(r.unit);
    for (double v : r.values) json.number_short(v);
    json.end_array();
  }
  json.end_array();
  return json.str();
}

std::vector<UnitRecord> parse_records(const JsonValue& records) {
  if (!records.is(JsonValue::Type::array)) throw std::invalid_argument("records are not an array");
  std::vector<UnitRecord> out;
  for (const JsonValue& r : records.items) {
    if (!r.is(JsonValue::Type::array) || r.items.empty())
      throw std::invalid_argument("a record is not [unit, values...]");
    UnitRecord rec;
    rec.unit = static_cast<long long>(r.items[0].number);
    for (std::size_t k = 1; k < r.items.size(); ++k) rec.values.push_back(r.items[k].number);
    out.push_back(std::move(rec));
  }
  return out;
}

Merged merge_shards(const std::vector<std::string>& texts, const std::vector<std::string>& names) {
  if (texts.empty()) throw std::invalid_argument("merge needs the shard files");
  struct Shard {
    std::string name, experiment, parameters, version;
    long long index = 0, count = 0;
    const JsonValue* records = nullptr;
  };
  std::vector<JsonValue> docs;
  docs.reserve(texts.size());
  std::vector<Shard> shards;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    const std::string& name = k < names.size() ? names[k] : "shard " + std::to_string(k);
    try {
      docs.push_back(parse_json(texts[k]));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(name + ": " + e.what());
    }
    const JsonValue& d = docs.back();
    const JsonValue* exp = d.find("experiment");
    const JsonValue* params = d.find("parameters");
    const JsonValue* shard = d.find("shard");
    const JsonValue* records = d.find("records");
    if (!exp || !params || !shard || !records || !shard->find("index") || !shard->find("count") ||
        !params->find("version") || !records->is(JsonValue::Type::array))
      throw std::invalid_argument(
          name + ": not a shard file (run the experiment with --shard I/M --json)");
    Shard s{name,
            exp->text,
            to_json(*params),
            params->find("version")->text,
            static_cast<long long>(shard->find("index")->number),
            static_cast<long long>(shard->find("count")->number),
            records};
    shards.push_back(std::move(s));
  }
  const Shard& first = shards.front();
  for (const Shard& s : shards) {
    if (s.version != first.version)
      throw std::invalid_argument("shards come from different versions: " + first.name + " " +
                                  first.version + ", " + s.name + " " + s.version);
    if (s.experiment != first.experiment || s.parameters != first.parameters)
      throw std::invalid_argument("shards of different runs: the parameters of " + s.name +
                                  " differ from those of " + first.name);
    if (s.count != first.count)
      throw std::invalid_argument("shards of different splits: " + first.name + " is one of " +
                                  std::to_string(first.count) + ", " + s.name + " one of " +
                                  std::to_string(s.count));
  }
  std::map<long long, std::string> seen;
  for (const Shard& s : shards) {
    if (s.index < 0 || s.index >= s.count)
      throw std::invalid_argument(s.name + ": shard index " + std::to_string(s.index) +
                                  " is not in 0.." + std::to_string(s.count - 1));
    if (seen.count(s.index))
      throw std::invalid_argument("shard " + std::to_string(s.index) + "/" +
                                  std::to_string(s.count) + " given twice: " + seen[s.index] +
                                  " and " + s.name);
    seen[s.index] = s.name;
  }
  for (long long i = 0; i < first.count; ++i)
    if (!seen.count(i))
      throw std::invalid_argument("shard " + std::to_string(i) + "/" + std::to_string(first.count) +
                                  " is missing");
  JsonValue spec = *docs.front().find("parameters");
  JsonValue name;
  name.type = JsonValue::Type::string;
  name.text = first.experiment;
  spec.members.insert(spec.members.begin(), {"experiment", name});
  Merged m;
  m.experiment = make_experiment(spec);
  for (const Shard& s : shards) {
    std::vector<UnitRecord> records;
    try {
      records = parse_records(*s.records);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(s.name + ": " + e.what());
    }
    for (UnitRecord& r : records) m.records.push_back(std::move(r));
  }
  try {
    m.records = complete_records(std::move(m.records), m.experiment->unit_count());
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("the shards do not hold every unit once: ") + e.what());
  }
  return m;
}

}  // namespace hopfield::experiments
