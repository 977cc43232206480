// libFuzzer harness: experiment specs as the JS API and the Web Worker receive them (JSON).
// Any input must parse into an experiment or throw std::invalid_argument (SpecError, or the
// JSON reader's error) with a message; a valid spec must write itself back as a spec that
// reads the same.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "core/experiments/experiment.hpp"
#include "core/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ex = hopfield::experiments;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const std::unique_ptr<ex::Experiment> e = ex::make_experiment(hopfield::parse_json(text));
    hopfield::JsonWriter json;
    json.begin_object().key("experiment").value(e->name());
    e->write_spec(json);
    json.end_object();
    const std::unique_ptr<ex::Experiment> again = ex::make_experiment(hopfield::parse_json(json.str()));
    if (again->unit_count() != e->unit_count()) std::abort();
  } catch (const std::invalid_argument& error) {
    if (std::string(error.what()).empty()) std::abort();
  }
  return 0;
}
