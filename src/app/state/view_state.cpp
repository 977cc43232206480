#include "app/state/view_state.hpp"

#include <stdexcept>

#include "app/state/app.hpp"

namespace hlab {

std::uint32_t parse_panels(const std::string& list) {
  std::uint32_t bits = 0;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    const std::string name = list.substr(start, end - start);
    bool known = false;
    for (std::size_t k = 0; k < std::size(kPanelNames); ++k)
      if (name == kPanelNames[k]) {
        bits |= 1u << k;
        known = true;
      }
    if (!known) {
      std::string names;
      for (const char* n : kPanelNames) names += (names.empty() ? "" : ", ") + std::string(n);
      throw std::invalid_argument("unknown panel '" + name + "' (panels: " + names + ")");
    }
    start = end + 1;
  }
  return bits;
}

std::vector<std::string> panel_names(std::uint32_t panels) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < std::size(kPanelNames); ++k)
    if (panels & (1u << k)) out.emplace_back(kPanelNames[k]);
  return out;
}

void ViewState::set_panels(std::uint32_t panels) {
  if (panels == 0 || panels >> std::size(kPanelNames))
    throw std::invalid_argument("panels must name at least one known panel");
  panels_ = panels;
}

void ViewState::choose_theme(Theme theme, const Host& host) {
  theme_ = theme;
  if (host.save_theme) host.save_theme(std::string(hopfield::name_of(kThemeNames, theme)));
}

ScreenRect ViewState::region(const std::string& name) const {
  if (name == "editor") return editor_rect_;
  const auto it = regions_.find(name);
  return it == regions_.end() ? ScreenRect{} : it->second;
}

std::string keyboard_text(std::string_view text, bool keyboard) {
  std::string out;
  bool keys = false;
  for (const char c : text) {
    if (c == '{' || c == '}') keys = c == '{';
    else if (keyboard || !keys) out += c;
  }
  return out;
}

std::string session_text(const App& app, const ViewState& view, bool with_panels) {
  return app.session_text(with_panels ? view.panels() : 0);
}

void restore_session_text(App& app, ViewState& view, std::string_view text) {
  const std::uint32_t panels = app.restore_session_text(text);
  if (panels != 0) view.set_panels(panels);
}

void new_session(App& app, ViewState& view) {
  app.new_session();
  view.clear_guidance();
}

void autosave(const App& app, ViewState& view) {
  if (!app.host().save_session) return;
  std::string text = session_text(app, view);
  if (text == view.saved_session) return;
  app.host().save_session(text);
  view.saved_session = std::move(text);
}

ViewState& the_view() {
  static ViewState view;
  return view;
}

}  // namespace hlab
