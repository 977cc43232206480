// What the page shows, as opposed to what the lab holds (App): the panels, the look, how the
// last frame was laid out and where it drew things, the hint line and the lesson. Owned by the
// UI side (main), handed to the panels and read by the web bridge; start-up parameters, lessons
// and share links set it. No ImGui here.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/names.hpp"

namespace hlab {

class App;
struct Host;

// Where something was drawn in the last frame, in logical (CSS) pixels; width 0 until it has
// been drawn. Lets tests and embedders aim at cells.
struct ScreenRect {
  float x = 0, y = 0, width = 0, height = 0;
};

// The look: the dark default, a light one, and a projector mode for lecture halls (larger
// text, thick grid lines, high contrast). theme= in the URL; kept by the browser.
enum class Theme { dark, light, projector };
inline constexpr hopfield::EnumName<Theme> kThemeNames[] = {
    {Theme::dark, "dark", "dark"}, {Theme::light, "light", "light"},
    {Theme::projector, "projector", "projector (large, high contrast)"}};

// The panels a page shows (panels=editor,library,...): one bit each, in this order.
enum class PanelId { editor, library, recall, plots, network, weights, experiments };
inline constexpr const char* kPanelNames[] = {"editor",  "library", "recall",     "plots",
                                              "network", "weights", "experiments"};
inline constexpr std::uint32_t kAllPanels = 0b0111111;  // all but the experiments window
inline constexpr std::uint32_t panel_bit(PanelId p) { return 1u << static_cast<int>(p); }
// "editor,plots" -> the bits; throws std::invalid_argument naming an unknown panel or none.
std::uint32_t parse_panels(const std::string& list);
std::vector<std::string> panel_names(std::uint32_t panels);

// Guidance text for a reader with (`keyboard` true) or without a keyboard: the parts in braces
// name keys, and are kept without the braces or left out ("Run{ (or Space)}" -> "Run (or
// Space)" or "Run"). Lessons and hints are written this way.
std::string keyboard_text(std::string_view text, bool keyboard);

class ViewState {
 public:
  // --- the panels shown, embed mode, the look ------------------------------------------
  std::uint32_t panels() const { return panels_; }
  bool shows(PanelId p) const { return (panels_ & panel_bit(p)) != 0; }
  void set_panels(std::uint32_t panels);  // throws for 0 or unknown bits
  bool embed() const { return embed_; }   // embed=1: compact, no title line
  void set_embed(bool embed) { embed_ = embed; }
  Theme theme() const { return theme_; }
  // The look the user chose: shown from the next frame, and kept by the host for the next
  // visit (Host::save_theme).
  void choose_theme(Theme theme, const Host& host);

  // Whether the pointer is coarse (a finger: phones, tablets), as the platform says each
  // frame: controls are touch-sized, guidance names no keys, the editor offers a Draw switch.
  bool coarse_pointer() const { return coarse_pointer_; }
  void set_coarse_pointer(bool coarse) { coarse_pointer_ = coarse; }

  // --- how the last frame was laid out ------------------------------------------------
  // Columns of panels, and how far (CSS px) the widest item reached past its column's
  // visible edge (<= 0: nothing clipped sideways).
  // control_height: the height of a button or field (ImGui's frame height), CSS px.
  struct Layout {
    int columns = 0;
    float overflow_px = 0;
    float control_height = 0;
  };
  const Layout& layout() const { return layout_; }
  void set_layout(const Layout& layout) { layout_ = layout; }
  // Named screen regions the UI drew in the last frame ("editor", "recall", "run",
  // "experiment-plots", "recall-plots", "window", "focus"...), for PNG export, tests and
  // embedders; width 0 when it was not drawn.
  ScreenRect region(const std::string& name) const;
  ScreenRect editor_rect() const { return editor_rect_; }
  const std::map<std::string, ScreenRect>& regions() const { return regions_; }
  void set_editor_rect(const ScreenRect& rect) { editor_rect_ = rect; }
  void set_region(const std::string& name, const ScreenRect& rect) { regions_[name] = rect; }
  void clear_regions() { regions_.clear(); }  // at the start of each frame

  // --- guidance ------------------------------------------------------------------------
  // One line that says what to do next (the first visit, a lesson's step); empty: none.
  // Keyboard-only parts are written in braces ("press Run{ (or Space)}"): hint() is the line
  // as shown (keyboard_text for this pointer), hint_markup() as set.
  std::string hint() const { return keyboard_text(hint_, !coarse_pointer_); }
  const std::string& hint_markup() const { return hint_; }
  void set_hint(std::string text) { hint_ = std::move(text); }
  // The lesson last started (lessons.hpp), "" for none; lesson_starts() counts the starts.
  const std::string& lesson() const { return lesson_; }
  std::uint64_t lesson_starts() const { return lesson_starts_; }
  void set_lesson(std::string id) {
    lesson_ = std::move(id);
    ++lesson_starts_;
  }
  void clear_guidance() {  // a new session: no hint, no lesson
    hint_.clear();
    lesson_.clear();
  }

  // A standing line on where the page keeps work ("this browser does not let the page keep
  // its work..."), shown in the Library panel, where it covers nothing; "" for none. Set by
  // the host's page once it knows (web/js/session_store.js).
  const std::string& storage_note() const { return storage_note_; }
  void set_storage_note(std::string text) { storage_note_ = std::move(text); }

  // --- autosave ------------------------------------------------------------------------
  // What the host holds as the saved session (Host::saved_session at start-up, then each
  // autosave), so that an unchanged session is not written again.
  std::string saved_session;

 private:
  std::uint32_t panels_ = kAllPanels;
  bool embed_ = false;
  bool coarse_pointer_ = false;
  Theme theme_ = Theme::dark;
  Layout layout_;
  ScreenRect editor_rect_;
  std::map<std::string, ScreenRect> regions_;
  std::string hint_;
  std::string lesson_;
  std::uint64_t lesson_starts_ = 0;
  std::string storage_note_;
};

// --- the whole session as text, with the panels shown (share links, autosave) ------------
// `with_panels` false leaves the panels out (the default ones on restore: Open in full).
std::string session_text(const App& app, const ViewState& view, bool with_panels = true);
// Restores a session_text(): the lab through App::restore_session_text, and the panels it
// names; throws with both unchanged.
void restore_session_text(App& app, ViewState& view, std::string_view text);
// Back to a fresh session (App::new_session) without the hint and the lesson.
void new_session(App& app, ViewState& view);
// Hands the session to the host's save_session if it changed since it was last saved (the
// frame calls it twice a second once the page is up; the page also on leaving).
void autosave(const App& app, ViewState& view);

// The one view of the page (the web bridge reaches it from JavaScript callbacks).
ViewState& the_view();

}  // namespace hlab
