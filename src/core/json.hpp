// A minimal JSON writer for the CLI's --json output and the web bridge. Doubles are written
// with 17 significant digits, so a value read back is the same double (traces can be
// compared bit for bit across builds).
#pragma once

#include <string>
#include <string_view>
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

}  // namespace hopfield
