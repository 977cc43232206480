#include "app/state/startup.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "app/state/builtin_patterns.hpp"
#include "app/state/lessons.hpp"
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

namespace {
// "K", "K:flip:0.2", "K:mask:0.3", "K:saltpepper:0.1", "K:invert".
StartupOptions::Probe parse_probe(const std::string& text) {
  StartupOptions::Probe probe;
  const std::size_t colon = text.find(':');
  probe.pattern = static_cast<int>(
      hopfield::parse_integer(text.substr(0, colon), "probe's pattern index", 0, hopfield::kMaxPatterns - 1));
  if (colon == std::string::npos) return probe;
  const std::string rest = text.substr(colon + 1);
  const std::size_t colon2 = rest.find(':');
  const std::string kind = rest.substr(0, colon2);
  hopfield::CorruptionRequest c;
  c.kind = hopfield::parse_corruption(kind);
  if (c.kind == hopfield::CorruptionKind::rectangle)
    throw std::invalid_argument("probe takes flip, mask, saltpepper or invert (a rectangle: use the Recall panel)");
  if (c.kind == hopfield::CorruptionKind::invert) {
    if (colon2 != std::string::npos) throw std::invalid_argument("invert takes no amount");
  } else {
    if (colon2 == std::string::npos)
      throw std::invalid_argument("probe=K:" + kind + ":AMOUNT needs the amount, a fraction from 0 to 1");
    c.amount = hopfield::parse_real(rest.substr(colon2 + 1), "probe's amount");
    if (!(c.amount >= 0 && c.amount <= 1))
      throw std::invalid_argument("the probe's amount is a fraction from 0 to 1");
  }
  probe.corruption = c;
  return probe;
}
}  // namespace

StartupOptions parse_startup(const std::vector<Param>& params,
                             const hopfield::LabSettings& defaults) {
  StartupOptions o;
  o.settings = defaults;
  auto warn = [&](const Param& p, const std::string& why) {
    o.warnings.push_back("Ignored start-up parameter " + p.first + "=" + p.second +
                         " (the default stays): " + why);
  };
  std::vector<Param> setting_params;
  for (const Param& p : params) {
    try {
      if (p.first == "size") {
        const hopfield::GridSize g = hopfield::parse_grid_size(p.second);
        o.size = {g.width, g.height};
      } else if (p.first == "set") {
        const std::size_t colon = p.second.find(':');
        o.set = p.second.substr(0, colon);
        if (colon != std::string::npos) o.set_pick = p.second.substr(colon + 1);
      } else if (p.first == "theme") {
        o.theme = hopfield::parse_name(kThemeNames, "theme", p.second);
      } else if (p.first == "lesson") {
        if (!find_lesson(p.second)) {
          std::string known;
          for (const Lesson& l : lessons()) known += (known.empty() ? "" : ", ") + std::string(l.id);
          throw std::invalid_argument("no such lesson (lessons: " + known + ")");
        }
        o.lesson = p.second;
      } else if (p.first == "start") {
        if (p.second != "welcome" && p.second != "empty")
          throw std::invalid_argument("start is 'welcome' (three letters and a noisy probe, the "
                                      "default) or 'empty'");
        o.welcome = p.second == "welcome";
      } else if (p.first == "embed") {
        if (p.second != "0" && p.second != "1") throw std::invalid_argument("embed is 0 or 1");
        o.embed = p.second == "1";
      } else if (p.first == "panels") {
        o.panels = parse_panels(p.second);
      } else if (p.first == "autorun") {
        if (p.second == "off") {
          o.autorun = -1.0;
        } else if (p.second == "on") {
          o.autorun = 0.0;
        } else {
          const double seconds = hopfield::parse_real(p.second, "autorun");
          if (!(seconds >= 0 && seconds <= 3600))
            throw std::invalid_argument("autorun is off, on, or a delay in seconds (0 to 3600)");
          o.autorun = seconds;
        }
      } else if (p.first == "probe") {
        o.probe = parse_probe(p.second);
      } else if (p.first == "state") {
        o.state = p.second;  // checked when applied: decoding it is the check
      } else if (p.first == "demo") {
        const double fraction = hopfield::parse_real(p.second, "demo");
        if (!(fraction >= 0 && fraction <= 1))
          throw std::invalid_argument("demo is a fraction of pixels to flip, from 0 to 1");
        o.demo = fraction;
      } else if (hopfield::is_setting_key(p.first) || p.first == "max-sweeps") {
        setting_params.push_back(p);  // applied below, the model first
      } else if (p.first == "redraw") {
        if (p.second != "changes" && p.second != "full")
          throw std::invalid_argument("redraw is 'changes' (only what changed, the default) or 'full'");
        o.full_redraw = p.second == "full";
      } else if (p.first == "plots") {
        if (p.second == "auto") o.plot_lines = platform::PlotLines::Auto;
        else if (p.second == "image") o.plot_lines = platform::PlotLines::Image;
        else if (p.second == "triangles") o.plot_lines = platform::PlotLines::Triangles;
        else
          throw std::invalid_argument(
              "plots is 'auto' (CPU-drawn images where WebGL is software, the default), 'image' or "
              "'triangles'");
      } else {
        std::string known;
        for (const StartupParameter& k : kStartupParameters)
          known += (known.empty() ? "" : ", ") + std::string(k.name);
        warn(p, "unknown parameter (known: " + known + ")");
      }
    } catch (const std::exception& e) {
      warn(p, e.what());
    }
  }
  // One at a time through the core's set_setting, the model first (its switch resets the
  // parameters of the model before it), so that a bad one is skipped with its message and the
  // rest still apply.
  std::stable_partition(setting_params.begin(), setting_params.end(),
                        [](const Param& p) { return p.first == "model"; });
  for (const Param& p : setting_params) {
    try {
      hopfield::set_setting(o.settings, p.first == "max-sweeps" ? "maxSweeps" : p.first, p.second);
      o.settings_given = true;
    } catch (const std::exception& e) {
      warn(p, e.what());
    }
  }
  if (o.size || o.set || o.demo || o.probe || o.lesson) o.welcome = false;
  return o;
}

std::string desktop_usage() {
  std::string out = "usage: hopfield-lab [OPTION VALUE]...  (the web page's URL parameters)\n";
  for (const StartupParameter& p : kStartupParameters) {
    std::string flag = hopfield::flag_of_key(p.name) + " " + std::string(p.values);
    if (flag.size() < 44) flag.resize(44, ' ');
    out += "  " + flag + " " + std::string(p.what) + "\n";
  }
  out += "  --smoke-frames N [--screenshot FILE.png]     run N frames headless, then exit\n";
  return out;
}

int demo_sweeps_before_first_frame(const hopfield::Lab& lab) {
  // A sweep's worst case: N fields of P terms each from the patterns, or, from a dense W,
  // N flips of an N-long column update (asynchronous) or one N x N product (synchronous).
  const long long n = lab.size();
  const long long per_sweep =
      n * (lab.network().uses_pattern_fields() ? lab.pattern_count() + 1LL : n);
  return static_cast<int>(std::clamp(kDemoWorkBeforeFirstFrame / per_sweep, 1LL, 1'000'000LL));
}

void apply_welcome(App& app, ViewState& view) {
  letters_with_noisy_first(app, kWelcomeLetters, kWelcomeFlip);
  app.clear_notices();  // the hint says it all
  view.set_hint("Three letters are stored and a noisy A is the probe: press Run{ (or Space)} and "
               "watch the network clean it up. Help and Lessons explain the rest.");
}

std::vector<std::string> apply_startup(App& app, ViewState& view, StartupOptions o) {
  std::vector<std::string>& warnings = o.warnings;
  const auto attempt = [&](const std::string& what, const auto& action) {
    try {
      action();
    } catch (const std::exception& e) {
      warnings.push_back(what + e.what());
    }
  };
  if (o.size)
    attempt("Ignored start-up parameter size: ", [&] { app.set_grid_size(o.size->first, o.size->second); });
  if (o.settings_given)
    attempt("Ignored the start-up network settings: ", [&] { app.set_settings(o.settings); });
  if (o.set)
    attempt("Ignored start-up parameter set=" + *o.set + " (the default stays): ",
            [&] { app.load_builtin(*o.set, true, o.set_pick); });
  if (o.demo && app.lab().pattern_count() > 0) {
    // A ready-made run to look at: pattern 0 with a fraction of its pixels flipped, recalled
    // (before the first frame; with autorun= it waits or animates instead).
    attempt("Ignored start-up parameter demo: ", [&] {
      hopfield::CorruptionRequest c;
      c.amount = *o.demo;
      c.seed = app.lab().settings().dynamics.seed;
      app.corrupt(c, 0);
      if (o.autorun) return;
      app.step_sweeps(demo_sweeps_before_first_frame(app.lab()));
      if (!app.lab().finished()) app.run();
    });
  }
  if (o.probe)
    attempt("Ignored start-up parameter probe: ", [&] {
      if (o.probe->corruption) {
        hopfield::CorruptionRequest c = *o.probe->corruption;
        c.seed = app.lab().settings().dynamics.seed;
        app.corrupt(c, o.probe->pattern);
      } else {
        app.probe_from_pattern(o.probe->pattern);
      }
      app.select(o.probe->pattern);
    });
  if (o.lesson) attempt("Could not start the lesson: ", [&] { start_lesson(app, view, *o.lesson); });
  if (o.state)
    attempt("Could not restore the session from " + o.state_origin + ": ", [&] {
      restore_session_text(app, view, *o.state);
      o.welcome = false;  // (a restored session, even an empty one, is what the user left)
      if (o.lesson) show_lesson(view, *find_lesson(*o.lesson));
    });
  if (o.welcome) attempt("Could not set up the first-visit session: ", [&] { apply_welcome(app, view); });
  if (o.panels) view.set_panels(*o.panels);  // given explicitly: wins over the state's panels
  view.set_embed(o.embed);
  if (o.theme) view.choose_theme(*o.theme, app.host());
  if (o.autorun && *o.autorun >= 0) app.start_after(*o.autorun);
  for (const std::string& w : warnings) app.error(w);
  return warnings;
}

}  // namespace hlab
