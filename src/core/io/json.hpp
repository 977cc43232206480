// A minimal JSON writer for the CLI's --json output and the web bridge, and a small reader
// for experiment specs and shard files. Doubles are written with 17 significant digits (or,
// with number_short, the fewest that read back the same), so a value read back is the same
// double (traces can be compared bit for bit across builds).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hopfield {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(int number);
  JsonWriter& value(long long number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A number in its shortest round-trip form (json_number_short).
  JsonWriter& number_short(double number);
  // Text that is already valid JSON (a value), written as is.
  JsonWriter& raw(std::string_view json);
  template <class T>
  JsonWriter& array(const std::vector<T>& values) {
    begin_array();
    for (const T& v : values) value(v);
    return end_array();
  }
  const std::string& str() const { return out_; }

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Escapes a string for JSON (quotes included).
std::string json_quote(std::string_view text);
// Shortest text that reads back as the same double ("%.17g"); non-finite values as null.
std::string json_number(double value);

// The fewest significant digits (up to 17) that read back as the same double: 0.15, not
// 0.14999999999999999. Non-finite values as null.
std::string json_number_short(double value);

struct JsonMember;

// A parsed JSON value. Objects keep their members in document order.
struct JsonValue {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  double number = 0;
  std::string text;  // a string's value, or a number as written (for exact integers)
  std::vector<JsonValue> items;
  std::vector<JsonMember> members;

  bool is(Type t) const { return type == t; }
  // The member called `key`, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;
};

// An object's member. (Not std::pair: a pair of an incomplete JsonValue does not compile
// with clang.)
struct JsonMember {
  std::string first;  // the key
  JsonValue second;   // the value
};

// Parses one JSON document (RFC 8259; nesting at most 64 deep). Throws std::invalid_argument
// "JSON: <problem> at byte <k>".
JsonValue parse_json(std::string_view text);
// Writes a value back as compact JSON (numbers as they were written).
std::string to_json(const JsonValue& value);

}  // namespace hopfield
