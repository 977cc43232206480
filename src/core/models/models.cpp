#include "core/models/models.hpp"

#include <cmath>
#include <stdexcept>

#include "core/parse.hpp"

namespace hopfield {

std::string to_string(const Interaction& f) {
  switch (f.kind) {
    case InteractionKind::poly: return "poly:" + std::to_string(f.degree);
    case InteractionKind::rectpoly: return "rectpoly:" + std::to_string(f.degree);
    case InteractionKind::exp: return "exp";
  }
  return "?";
}

Interaction parse_interaction(std::string_view text) {
  const std::string t(text);
  const auto bad = [&] {
    return std::invalid_argument("unknown interaction '" + t +
                                 "': use poly:N or rectpoly:N (N from 2 to 10) or exp");
  };
  if (t == "exp") return {InteractionKind::exp, 0};
  const std::size_t colon = t.find(':');
  if (colon == std::string::npos) throw bad();
  const std::string kind = t.substr(0, colon);
  Interaction f;
  if (kind == "poly") f.kind = InteractionKind::poly;
  else if (kind == "rectpoly") f.kind = InteractionKind::rectpoly;
  else throw bad();
  f.degree = static_cast<int>(parse_integer(t.substr(colon + 1), "the interaction's degree", 2, 10));
  return f;
}

bool has_weight_modifiers(const ModelOptions& m) {
  return m.dreams > 0 || m.clip > 0 || m.decay != 1.0 || m.connectivity != 1.0 || m.sequence;
}

bool energy_is_lyapunov(const ModelOptions& m) {
  if (m.model != Model::classic && m.model != Model::continuous) return true;
  return !m.sequence && !(m.connectivity < 1.0 && m.asymmetric_dilution);
}

namespace {
// The message is made only when the check fails: settings are checked on every recall.
template <class Message>
void require_lazily(bool ok, Message message) {
  if (!ok) throw std::invalid_argument(std::string(message()));
}
}  // namespace

void check_model_options(const ModelOptions& m) {
  const auto finite = [](double x) { return std::isfinite(x); };
  if (m.interaction.kind != InteractionKind::exp)
    require_lazily(m.interaction.degree >= 2 && m.interaction.degree <= 10, [&] {
      return "the interaction's degree must be from 2 to 10, not " +
             std::to_string(m.interaction.degree);
    });
  require_lazily(finite(m.beta) && m.beta > 0,
          [&] { return "beta must be a positive number, not " + format_number(m.beta); });
  require_lazily(finite(m.activity) && (m.activity < 0 || (m.activity > 0 && m.activity < 1)), [&] {
    return "the activity must be between 0 and 1 (exclusive), not " + format_number(m.activity);
  });
  require_lazily(finite(m.threshold), [&] { return "the threshold must be a finite number"; });
  require_lazily(m.dreams >= 0 && m.dreams <= kMaxDreams, [&] {
    return "the number of dreams must be from 0 to " + std::to_string(kMaxDreams) + ", not " +
           std::to_string(m.dreams);
  });
  require_lazily(finite(m.dream_epsilon) && m.dream_epsilon > 0, [&] {
    return "the unlearning step eps must be a positive number, not " +
           format_number(m.dream_epsilon);
  });
  require_lazily(finite(m.clip) && m.clip >= 0, [&] {
    return "the weight bound must be 0 (none) or positive, not " + format_number(m.clip);
  });
  require_lazily(finite(m.decay) && m.decay > 0 && m.decay <= 1,
          [&] { return "the weight decay must be in (0, 1], not " + format_number(m.decay); });
  require_lazily(finite(m.connectivity) && m.connectivity > 0 && m.connectivity <= 1, [&] {
    return "the connectivity must be in (0, 1], not " + format_number(m.connectivity);
  });
  require_lazily(m.sequence || m.sequence_symmetric == 0, [&] {
    return "the symmetric part is added to the sequence rule: turn the sequence rule on";
  });
  require_lazily(finite(m.sequence_symmetric) && m.sequence_symmetric >= 0, [&] {
    return "the sequence rule's symmetric part must be 0 or positive, not " +
           format_number(m.sequence_symmetric);
  });
  require_lazily(finite(m.gain) && m.gain > 0,
          [&] { return "the gain must be a positive number, not " + format_number(m.gain); });
  require_lazily(finite(m.dt) && m.dt > 0 && m.dt <= 1, [&] {
    return "the time step must be in (0, 1] (units of tau), not " + format_number(m.dt);
  });
  require_lazily(finite(m.tau) && m.tau > 0,
          [&] { return "tau must be a positive number, not " + format_number(m.tau); });
}

bool is_model_key(std::string_view key) {
  for (std::string_view k : kModelKeys)
    if (k == key) return true;
  return false;
}

namespace {

std::pair<std::string, std::string> split_colon(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos) return {text, ""};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

}  // namespace

void set_model_parameter(ModelOptions& m, std::string_view key, const std::string& text) {
  const std::string what(key);
  if (key == "model") {
    m.model = parse_model(text);
  } else if (key == "interaction") {
    m.interaction = parse_interaction(text);
  } else if (key == "beta") {
    m.beta = parse_real(text, "beta");
  } else if (key == "activity") {
    m.activity = parse_real(text, "activity");
  } else if (key == "threshold") {
    m.threshold = parse_real(text, "threshold");
  } else if (key == "dream") {
    const auto [count, eps] = split_colon(text);
    if (eps.empty())
      throw std::invalid_argument("dream expects COUNT:EPS (e.g. 200:0.01), not '" + text + "'");
    m.dreams = static_cast<int>(parse_integer(count, "the number of dreams", 0, kMaxDreams));
    m.dream_epsilon = parse_real(eps, "the unlearning step eps");
  } else if (key == "clip") {
    m.clip = parse_real(text, "clip");
  } else if (key == "decay") {
    m.decay = parse_real(text, "decay");
  } else if (key == "dilute") {
    const auto [c, kind] = split_colon(text);
    m.connectivity = parse_real(c, "the connectivity");
    if (kind != "" && kind != "asymmetric" && kind != "symmetric")
      throw std::invalid_argument("dilute expects C, C:symmetric or C:asymmetric, not '" + text + "'");
    m.asymmetric_dilution = kind == "asymmetric";
  } else if (key == "sequence") {
    if (text == "on" || text == "true") m.sequence = true;
    else if (text == "off" || text == "false") m.sequence = false;
    else throw std::invalid_argument("sequence expects on or off, not '" + text + "'");
  } else if (key == "symmetric") {
    m.sequence_symmetric = parse_real(text, "the sequence rule's symmetric part");
  } else if (key == "gain") {
    m.gain = parse_real(text, "gain");
  } else if (key == "gainFunction") {
    m.gain_function = parse_gain_function(text);
  } else if (key == "dt") {
    m.dt = parse_real(text, "dt");
  } else if (key == "tau") {
    m.tau = parse_real(text, "tau");
  } else {
    throw std::invalid_argument("unknown model parameter '" + what + "'");
  }
}

std::string model_parameter_text(const ModelOptions& m, std::string_view key) {
  if (key == "model") return to_string(m.model);
  if (key == "interaction") return to_string(m.interaction);
  if (key == "beta") return format_number(m.beta);
  if (key == "activity") return format_number(m.activity);
  if (key == "threshold") return format_number(m.threshold);
  if (key == "dream") return std::to_string(m.dreams) + ":" + format_number(m.dream_epsilon);
  if (key == "clip") return format_number(m.clip);
  if (key == "decay") return format_number(m.decay);
  if (key == "dilute")
    return format_number(m.connectivity) + (m.asymmetric_dilution ? ":asymmetric" : "");
  if (key == "sequence") return m.sequence ? "on" : "off";
  if (key == "symmetric") return format_number(m.sequence_symmetric);
  if (key == "gain") return format_number(m.gain);
  if (key == "gainFunction") return to_string(m.gain_function);
  if (key == "dt") return format_number(m.dt);
  if (key == "tau") return format_number(m.tau);
  throw std::invalid_argument("unknown model parameter '" + std::string(key) + "'");
}

std::vector<std::string_view> model_keys_for(Model model) {
  switch (model) {
    case Model::classic: return {"dream", "clip", "decay", "dilute", "sequence", "symmetric"};
    case Model::dense: return {"interaction"};
    case Model::modern: return {"beta"};
    case Model::sparse: return {"activity", "threshold"};
    case Model::continuous: return {"gain", "gainFunction", "dt", "tau"};
  }
  return {};
}

void check_model_keys(const ModelOptions& m, const std::vector<std::string>& given,
                      bool flag_style) {
  const std::vector<std::string_view> takes = model_keys_for(m.model);
  const auto spell = [&](std::string_view key) {
    return flag_style ? flag_of_key(key) : std::string(key);
  };
  for (const std::string& key : given) {
    if (key == "model" || !is_model_key(key)) continue;
    bool ok = false;
    for (std::string_view k : takes) ok = ok || k == key;
    if (ok) continue;
    std::string list;
    for (std::string_view k : takes) list += (list.empty() ? "" : ", ") + spell(k);
    throw std::invalid_argument(spell(key) + " does not apply to the " + to_string(m.model) +
                                " model (it takes " + list + ")");
  }
}

std::vector<std::pair<std::string, std::string>> model_parameters(const ModelOptions& m) {
  std::vector<std::pair<std::string, std::string>> out;
  const ModelOptions defaults;
  out.emplace_back("model", to_string(m.model));
  for (std::string_view key : model_keys_for(m.model)) {
    const std::string text = model_parameter_text(m, key);
    if (text != model_parameter_text(defaults, key)) out.emplace_back(std::string(key), text);
  }
  return out;
}

std::string model_parameters_text(const ModelOptions& m) {
  std::string text;
  for (const auto& [key, value] : model_parameters(m)) text += key + "=" + value + ";";
  return text;
}

std::vector<std::pair<std::string, std::string>> split_model_parameters_text(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find(';', start), eq = text.find('=', start);
    if (end == std::string_view::npos || eq == std::string_view::npos || eq > end)
      throw std::invalid_argument("model parameters are key=value; pairs, not '" +
                                  std::string(text) + "'");
    pairs.emplace_back(text.substr(start, eq - start), text.substr(eq + 1, end - eq - 1));
    start = end + 1;
  }
  return pairs;
}

std::string describe(const ModelOptions& m) {
  switch (m.model) {
    case Model::classic: {
      std::string s = "classic";
      if (m.dreams > 0)
        s += ", " + std::to_string(m.dreams) + " dreams of eps " + format_number(m.dream_epsilon);
      if (m.clip > 0) s += ", |W| <= " + format_number(m.clip);
      if (m.decay != 1.0) s += ", decay " + format_number(m.decay);
      if (m.connectivity != 1.0)
        s += ", connectivity " + format_number(m.connectivity) +
             (m.asymmetric_dilution ? " (asymmetric)" : " (symmetric)");
      if (m.sequence) s += ", sequence rule";
      return s;
    }
    case Model::dense:
      switch (m.interaction.kind) {
        case InteractionKind::poly: return "dense, F(x) = x^" + std::to_string(m.interaction.degree);
        case InteractionKind::rectpoly:
          return "dense, F(x) = max(x, 0)^" + std::to_string(m.interaction.degree);
        case InteractionKind::exp: return "dense, F(x) = exp(x)";
      }
      return "dense";
    case Model::modern: return "modern, beta = " + format_number(m.beta);
    case Model::sparse:
      return "sparse 0/1, activity " +
             (m.activity < 0 ? std::string("of the patterns") : format_number(m.activity)) +
             ", threshold " + format_number(m.threshold);
    case Model::continuous:
      return "continuous, g = " + to_string(m.gain_function) + ", gain " + format_number(m.gain) +
             ", dt " + format_number(m.dt) + ", tau " + format_number(m.tau);
  }
  return "?";
}

}  // namespace hopfield
