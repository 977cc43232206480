// Running an experiment from a JSON spec in tests.
#pragma once

#include <memory>
#include <string>

#include "core/experiments/experiment.hpp"

namespace hopfield::test {

inline std::unique_ptr<experiments::Experiment> prepared(const std::string& spec) {
  auto e = experiments::make_experiment(parse_json(spec));
  e->prepare();
  return e;
}

inline experiments::Table run_table(const std::string& spec, int threads = 1) {
  auto e = prepared(spec);
  experiments::RunOptions o;
  o.threads = threads;
  return e->aggregate(experiments::run_units(*e, o).records);
}

// The value of `column` in row `row`.
inline double cell(const experiments::Table& t, std::size_t row, const std::string& column) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c] == column) return t.rows.at(row)[c].number;
  throw std::invalid_argument("no column " + column);
}

}  // namespace hopfield::test
