// libFuzzer harness: merging shard files (merge_shards: each record checked against its
// experiment, each shard against its digest). The input is a mode byte, then shard texts
// separated by NUL bytes (which JSON text cannot hold). Mode bit 0 set: before merging, the
// harness gives each shard whose records read the digest of those records, as a writer with a
// bug would, so mutations get past the digest to the record checks; clear: the shards are
// merged as they are, and a changed record must fail the digest.
// Any input must merge or throw std::invalid_argument with a message. A merge must hold every
// unit once, each record passing check_record and all of one length, and must write its JSON
// and CSV results; written again as one shard, it must merge to the same result.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/experiments/experiment.hpp"
#include "core/io/json.hpp"

namespace {

namespace ex = hopfield::experiments;

// The shard with "digest" set to its records' digest, or as it was when they do not read.
std::string with_digest(const std::string& text) {
  try {
    hopfield::JsonValue doc = hopfield::parse_json(text);
    const hopfield::JsonValue* records = doc.find("records");
    if (!records) return text;
    const std::string digest = ex::records_digest(ex::parse_records(*records));
    hopfield::JsonValue value;
    value.type = hopfield::JsonValue::Type::string;
    value.text = digest;
    for (auto& member : doc.members)
      if (member.first == "digest") member.second = value;
    if (!doc.find("digest")) doc.members.push_back({"digest", value});
    return hopfield::to_json(doc);
  } catch (const std::invalid_argument&) {
    return text;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool fix_digests = data[0] & 1;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::string> texts, names;
  for (std::size_t start = 0; start <= input.size();) {
    const std::size_t end = std::min(input.find('\0', start), input.size());
    const std::string text(input.substr(start, end - start));
    texts.push_back(fix_digests ? with_digest(text) : text);
    names.push_back("shard" + std::to_string(names.size()) + ".json");
    start = end + 1;
  }
  try {
    const ex::Merged m = ex::merge_shards(texts, names);
    if (static_cast<long long>(m.records.size()) != m.experiment->unit_count()) std::abort();
    for (std::size_t k = 0; k < m.records.size(); ++k) {
      if (m.records[k].unit != static_cast<long long>(k)) std::abort();
      if (m.records[k].values.size() != m.records.front().values.size()) std::abort();
      m.experiment->check_record(m.records[k]);  // throws: a record merge let through
    }
    const std::string json = ex::result_json(*m.experiment, m.records);
    const std::string csv = ex::result_csv(*m.experiment, m.records);
    const ex::Merged again =
        ex::merge_shards({ex::shard_json(*m.experiment, 0, 1, m.records)}, {"whole.json"});
    if (ex::result_json(*again.experiment, again.records) != json ||
        ex::result_csv(*again.experiment, again.records) != csv)
      std::abort();
  } catch (const std::invalid_argument& error) {
    if (std::string(error.what()).empty()) std::abort();
  }
  return 0;
}
