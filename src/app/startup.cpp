#include "app/startup.hpp"

#include "app/platform.hpp"

#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "app/builtin_patterns.hpp"
#include "core/parse.hpp"

namespace hlab {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') out += ' ';
    else if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else out += s[i];
  }
  return out;
}

template <class T>
T parse_number(const std::string& text, const char* what) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty())
    throw std::invalid_argument(std::string(what) + " must be a number, not '" + text + "'");
  return value;
}

// "16", "28" or "WxH".
std::pair<int, int> parse_size(const std::string& text) {
  const std::size_t x = text.find_first_of("xX");
  if (x == std::string::npos) {
    const int side = parse_number<int>(text, "size");
    return {side, side};
  }
  return {parse_number<int>(text.substr(0, x), "width"), parse_number<int>(text.substr(x + 1), "height")};
}

}  // namespace

std::vector<Param> parse_query(const std::string& query) {
  std::vector<Param> out;
  std::size_t start = !query.empty() && query[0] == '?' ? 1 : 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string part = query.substr(start, end - start);
    if (!part.empty()) {
      const std::size_t eq = part.find('=');
      out.emplace_back(percent_decode(part.substr(0, eq)),
                       eq == std::string::npos ? "" : percent_decode(part.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

std::vector<std::string> apply_startup(App& app, const std::vector<Param>& params) {
  std::vector<std::string> warnings;
  auto warn = [&](const Param& p, const std::string& why) {
    warnings.push_back("Ignored start-up parameter " + p.first + "=" + p.second + " (the default stays): " + why);
  };
  hopfield::LabSettings settings = app.lab.settings();
  bool settings_given = false;
  const Param* set = nullptr;
  const Param* demo = nullptr;
  for (const Param& p : params) {
    try {
      if (p.first == "size") {
        const auto [w, h] = parse_size(p.second);
        hopfield::check_grid_size(w, h);
        app.lab.set_grid_size(w, h);
      } else if (p.first == "set") {
        set = &p;
      } else if (p.first == "demo") {
        demo = &p;
      } else if (p.first == "rule") {
        settings.rule = hopfield::parse_rule(p.second);
        settings_given = true;
      } else if (p.first == "scale") {
        settings.scale = hopfield::parse_scale(p.second);
        settings_given = true;
      } else if (p.first == "mode") {
        settings.dynamics.mode = hopfield::parse_mode(p.second);
        settings_given = true;
      } else if (p.first == "tie") {
        settings.dynamics.tie = hopfield::parse_tie(p.second);
        settings_given = true;
      } else if (p.first == "seed") {
        settings.dynamics.seed = parse_number<std::uint64_t>(p.second, "seed");
        settings_given = true;
      } else if (p.first == "temperature") {
        hopfield::DynamicsOptions d = settings.dynamics;
        d.temperature = hopfield::parse_real(p.second, "temperature");
        hopfield::check_options(d);
        settings.dynamics = d;
        settings_given = true;
      } else if (p.first == "maxSweeps" || p.first == "max-sweeps") {
        hopfield::DynamicsOptions d = settings.dynamics;
        d.max_sweeps = parse_number<int>(p.second, "maxSweeps");
        hopfield::check_options(d);
        settings.dynamics = d;
        settings_given = true;
      } else if (p.first == "redraw") {
        if (p.second != "changes" && p.second != "full")
          throw std::invalid_argument("redraw is 'changes' (only what changed, the default) or 'full'");
        platform::set_full_redraw(p.second == "full");
      } else if (p.first == "plots") {
        if (p.second == "auto") platform::set_plot_lines(platform::PlotLines::Auto);
        else if (p.second == "image") platform::set_plot_lines(platform::PlotLines::Image);
        else if (p.second == "triangles") platform::set_plot_lines(platform::PlotLines::Triangles);
        else
          throw std::invalid_argument(
              "plots is 'auto' (CPU-drawn images where WebGL is software, the default), 'image' or "
              "'triangles'");
      } else {
        warn(p, "unknown parameter (known: size, set, demo, rule, scale, mode, tie, seed, temperature, "
                "maxSweeps, redraw, plots)");
      }
    } catch (const std::exception& e) {
      warn(p, e.what());
    }
  }
  if (settings_given) {
    try {
      app.lab.set_settings(settings);
    } catch (const std::exception& e) {
      warnings.push_back(std::string("Ignored the start-up network settings: ") + e.what());
    }
  }
  if (set) {
    if (!find_builtin(set->second, app.lab.width(), app.lab.height())) {
      std::string families;
      for (const std::string& f : builtin_families()) families += (families.empty() ? "" : ", ") + f;
      warn(*set, "no such built-in set at " + std::to_string(app.lab.width()) + "x" +
                     std::to_string(app.lab.height()) + " (sets: " + families +
                     "; sizes 16 and 28)");
    } else {
      app.load_builtin(set->second, true);
    }
  }
  if (demo && app.lab.pattern_count() > 0) {
    // A ready-made run to look at: pattern 0 with a fraction of its pixels flipped, recalled.
    try {
      hopfield::CorruptionRequest c;
      c.amount = hopfield::parse_real(demo->second, "demo");
      c.seed = app.lab.settings().dynamics.seed;
      app.lab.probe_from_pattern(0);
      app.lab.corrupt(c);
      app.lab.run();
    } catch (const std::exception& e) {
      warn(*demo, e.what());
    }
  }
  for (const std::string& w : warnings) app.error(w);
  return warnings;
}

}  // namespace hlab
