// Unit records as JSON and back, and merging shard files: every record read from a shard is
// checked against its experiment (Experiment::check_record) and every shard's records against
// its digest before the unsharded result is rebuilt.
#include <cmath>
#include <map>

#include "core/experiments/experiment.hpp"
#include "core/experiments/spec.hpp"
#include "core/sha256.hpp"

namespace hopfield::experiments {

namespace {

// What a JSON value is, for messages: a number as written, else its kind.
std::string describe(const JsonValue& v) {
  switch (v.type) {
    case JsonValue::Type::number:
      return v.text;
    case JsonValue::Type::string:
      return "a string";
    case JsonValue::Type::boolean:
      return v.boolean ? "true" : "false";
    case JsonValue::Type::null:
      return "null";
    case JsonValue::Type::array:
      return "an array";
    case JsonValue::Type::object:
      return "an object";
  }
  return "?";
}

// Units are counted in long long and written as integers; 2^53 keeps them exact as doubles.
constexpr double kMaxUnit = 9007199254740992.0;

}  // namespace

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
  out.reserve(records.items.size());
  for (std::size_t k = 0; k < records.items.size(); ++k) {
    const JsonValue& r = records.items[k];
    const std::string where = "record " + std::to_string(k + 1);
    if (!r.is(JsonValue::Type::array))
      throw std::invalid_argument(where + " is not [unit, values...]");
    if (r.items.empty()) throw std::invalid_argument(where + " is empty, not [unit, values...]");
    const JsonValue& unit = r.items[0];
    if (!unit.is(JsonValue::Type::number) || !(unit.number >= 0 && unit.number <= kMaxUnit) ||
        unit.number != std::floor(unit.number))
      throw std::invalid_argument(where + ": its unit is " + describe(unit) +
                                  ", not a whole number >= 0");
    UnitRecord rec;
    rec.unit = static_cast<long long>(unit.number);
    rec.values.reserve(r.items.size() - 1);
    for (std::size_t v = 1; v < r.items.size(); ++v) {
      const JsonValue& value = r.items[v];
      if (!value.is(JsonValue::Type::number) || !std::isfinite(value.number))
        throw std::invalid_argument("unit " + std::to_string(rec.unit) + ": value " +
                                    std::to_string(v) + " is " + describe(value) +
                                    ", not a finite number");
      rec.values.push_back(value.number);
    }
    out.push_back(std::move(rec));
  }
  return out;
}

std::string records_digest(const std::vector<UnitRecord>& records) {
  return "sha256:" + sha256_hex(records_json(records));
}

Merged merge_shards(const std::vector<std::string>& texts, const std::vector<std::string>& names) {
  if (texts.empty()) throw std::invalid_argument("merge needs the shard files");
  struct Shard {
    std::string name, experiment, parameters, version;
    long long index = 0, count = 0;
    const JsonValue* records = nullptr;
    const JsonValue* digest = nullptr;
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
    const JsonValue* index = shard ? shard->find("index") : nullptr;
    const JsonValue* count = shard ? shard->find("count") : nullptr;
    const JsonValue* version = params ? params->find("version") : nullptr;
    if (!exp || !params || !records || !index || !count || !version ||
        !exp->is(JsonValue::Type::string) || !params->is(JsonValue::Type::object) ||
        !index->is(JsonValue::Type::number) || !count->is(JsonValue::Type::number) ||
        !version->is(JsonValue::Type::string) || !records->is(JsonValue::Type::array))
      throw std::invalid_argument(
          name + ": not a shard file (run the experiment with --shard I/M --json)");
    if (!(count->number >= 1 && count->number <= kMaxUnit) ||
        count->number != std::floor(count->number))
      throw std::invalid_argument(name + ": shard count " + count->text +
                                  " is not a whole number >= 1");
    if (!(index->number >= 0 && index->number < count->number) ||
        index->number != std::floor(index->number))
      throw std::invalid_argument(name + ": shard index " + index->text + " is not in 0.." +
                                  json_number_short(count->number - 1));
    shards.push_back(Shard{name, exp->text, to_json(*params), version->text,
                           static_cast<long long>(index->number),
                           static_cast<long long>(count->number), records, d.find("digest")});
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
  const long long units = m.experiment->unit_count();
  std::map<long long, const std::string*> owner;  // unit -> the file it came from
  struct First {  // the first record: every other one holds as many values
    long long unit = -1;
    std::size_t values = 0;
    const std::string* file = nullptr;
  } first_record;
  for (const Shard& s : shards) {
    std::vector<UnitRecord> records;
    try {
      records = parse_records(*s.records);
      for (const UnitRecord& r : records) {
        const std::string u = "unit " + std::to_string(r.unit);
        if (r.unit >= units)
          throw std::invalid_argument(u + " is not one of the run's " + std::to_string(units) +
                                      " units");
        if (r.unit % s.count != s.index)
          throw std::invalid_argument(u + " is not one of shard " + std::to_string(s.index) + "/" +
                                      std::to_string(s.count) + "'s units");
        m.experiment->check_record(r);
        if (const auto it = owner.find(r.unit); it != owner.end())
          throw std::invalid_argument(
              u + " is repeated" + (it->second == &s.name ? "" : " (also in " + *it->second + ")"));
        owner[r.unit] = &s.name;
        if (!first_record.file) first_record = {r.unit, r.values.size(), &s.name};
        if (r.values.size() != first_record.values)
          throw std::invalid_argument(u + " holds " + std::to_string(r.values.size()) +
                                      " values, unit " + std::to_string(first_record.unit) +
                                      " of " + *first_record.file + " " +
                                      std::to_string(first_record.values));
      }
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(s.name + ": " + e.what());
    }
    // The digest last: a record that cannot be right is named above, an edit that could be is
    // caught here.
    if (!s.digest)
      throw std::invalid_argument(s.name +
                                  ": has no digest of its records (a shard file has "
                                  "\"digest\": \"sha256:...\"): run the shard again");
    if (!s.digest->is(JsonValue::Type::string) || s.digest->text != records_digest(records))
      throw std::invalid_argument(s.name +
                                  ": its records do not match its digest (the file was "
                                  "edited or damaged): run the shard again");
    for (UnitRecord& r : records) m.records.push_back(std::move(r));
  }
  try {
    m.records = complete_records(std::move(m.records), units);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("the shards do not hold every unit once: ") + e.what());
  }
  return m;
}

}  // namespace hopfield::experiments
