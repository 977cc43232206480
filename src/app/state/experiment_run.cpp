#include "app/state/experiment_run.hpp"

#include "core/names.hpp"

#include <cctype>
#include <stdexcept>
#include <string_view>

#include "core/io/json.hpp"

namespace hlab {

namespace ex = hopfield::experiments;

void ExperimentRun::start(const std::string& spec_json,
                          const std::vector<std::pair<std::string, std::string>>& files,
                          ExperimentBackend& backend) {
  start(hopfield::parse_json(spec_json), files, backend);
}

void ExperimentRun::start(const hopfield::JsonValue& spec,
                          const std::vector<std::pair<std::string, std::string>>& files,
                          ExperimentBackend& backend) {
  // The spec is checked here, on the UI thread, so a bad field throws to the caller at once.
  std::unique_ptr<ex::Experiment> e = ex::make_experiment(spec);
  const std::string spec_json = hopfield::to_json(spec);
  backend.start(spec_json, files);
  experiment_ = std::move(e);
  spec_ = spec_json;
  error_.clear();
  records_.clear();
  pending_.clear();
  taken_ = {};
  table_ = experiment_->aggregate({});
  state_ = RunState::running;
  started_ = ended_ = Clock::now();
  ++version_;
  ++runs_;
}

void ExperimentRun::cancel(ExperimentBackend& backend) {
  if (state_ != RunState::running) return;
  backend.cancel();
  take_pending();  // what was computed stays in the table
  state_ = RunState::cancelled;
  ended_ = Clock::now();
  ++version_;
}

std::string ExperimentRun::take_pending() {
  for (ex::UnitRecord& r : pending_) records_.push_back(std::move(r));
  pending_.clear();
  try {
    table_ = experiment_->aggregate(records_);
  } catch (const std::exception& e) {  // a backend that sent a unit twice, say
    return e.what();
  }
  return {};
}

bool ExperimentRun::update(ExperimentBackend& backend, Clock::time_point now) {
  if (state_ != RunState::running) return false;
  ExperimentBackend::Update u = backend.poll();
  for (ex::UnitRecord& r : u.records) pending_.push_back(std::move(r));
  if (!u.finished && (pending_.empty() || now - taken_ < std::chrono::duration<double>(kRefreshSeconds)))
    return false;
  taken_ = now;
  if (std::string error = take_pending(); !error.empty()) {
    u.finished = true;
    u.error = std::move(error);
  }
  if (u.finished) {
    ended_ = now;
    if (!u.error.empty()) {
      state_ = RunState::failed;
      error_ = u.error;
    } else if (done() != total()) {
      state_ = RunState::failed;
      error_ = "the experiment stopped after " + std::to_string(done()) + " of " +
               std::to_string(total()) + " units";
    } else {
      state_ = RunState::done;
    }
  }
  ++version_;
  return true;
}

double ExperimentRun::elapsed_seconds() const {
  const Clock::time_point end = state_ == RunState::running ? Clock::now() : ended_;
  return std::chrono::duration<double>(end - started_).count();
}

double ExperimentRun::eta_seconds() const {
  if (state_ != RunState::running || done() == 0) return -1.0;
  return elapsed_seconds() / static_cast<double>(done()) * static_cast<double>(total() - done());
}

std::string ExperimentRun::result_json() const {
  if (state_ != RunState::done) throw std::logic_error("the experiment has not finished");
  return ex::result_json(*experiment_, records_);
}

std::string ExperimentRun::result_csv() const {
  if (!experiment_) throw std::logic_error("no experiment has run");
  return ex::result_csv(*experiment_, records_);
}

namespace {

// What a shell passes through as one word: kept bare if it is plain, else single-quoted.
std::string shell_word(const std::string& text) {
  bool plain = !text.empty();
  for (char c : text)
    plain &= std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_.,:/=+").find(c) != std::string_view::npos;
  if (plain) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string text_of(const hopfield::JsonValue& v) {
  using T = hopfield::JsonValue::Type;
  if (v.is(T::string) || v.is(T::number)) return v.text;
  if (v.is(T::boolean)) return v.boolean ? "true" : "false";
  std::string out;
  for (const hopfield::JsonValue& item : v.items) out += (out.empty() ? "" : ",") + text_of(item);
  return out;
}

}  // namespace

std::string cli_command(const std::string& spec_json) {
  const hopfield::JsonValue spec = hopfield::parse_json(spec_json);
  if (!spec.is(hopfield::JsonValue::Type::object)) throw std::invalid_argument("a spec is a JSON object");
  const hopfield::JsonValue* name = spec.find("experiment");
  std::string line = "hopfield-cli " + (name ? shell_word(name->text) : std::string("?"));
  for (const auto& [key, value] : spec.members) {
    if (key == "experiment") continue;
    // A repeatable flag (prune-study's --prune) is given once per value.
    if (key == "prune" && value.is(hopfield::JsonValue::Type::array)) {
      for (const hopfield::JsonValue& item : value.items) line += " --prune " + shell_word(text_of(item));
      continue;
    }
    if (key == "sequence") {  // a switch on the command line
      if (text_of(value) == "on" || text_of(value) == "true") line += " --sequence";
      continue;
    }
    line += " " + hopfield::flag_of_key(key) + " " + shell_word(text_of(value));
  }
  return line + " --json";
}

}  // namespace hlab
