// Small layout helpers and widgets shared by the panels (plain ImGui).
#pragma once

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <string>

#include "app/state/app.hpp"
#include "app/state/view_state.hpp"
#include "core/names.hpp"
#include "core/parse.hpp"  // format_number, for the panels

namespace hlab {

// ImGui::TextWrapped and ImGui::TextDisabled that wrap at the column's edge (narrow windows,
// embeds), never past it.
void text_wrapped(const char* fmt, ...) IM_FMTARGS(1);
void text_disabled_wrapped(const char* fmt, ...) IM_FMTARGS(1);

// ImGui::SameLine() when an item `width` wide still fits on the current line, else nothing
// (the item goes on the next line): toolbars wrap in narrow columns instead of clipping.
void same_line_if_fits(float width);

// The width of a button (or small button) labelled `label`, for same_line_if_fits.
float button_width(const char* label);
// The width of a checkbox with its label.
float checkbox_width(const char* label);

// Touch sizes (on: a coarse pointer or a phone-wide page): every control at least 40 CSS px
// tall with the 13 px font, wider spacing and scrollbars; off: ImGui's own. Once a frame,
// before the panels draw.
void use_touch_sizes(bool on);
bool touch_sizes();
// ImGui::SmallButton, or a full-height button under touch sizes.
bool small_button(const char* label);

// A tooltip for the last item, shown after a short hover.
void tooltip(const char* text);

// Records, as the view's region `name`, what was drawn from `top` (the cursor before) to the
// cursor now, `width` wide, clipped to the current window's visible part.
void record_region(ViewState& view, const char* name, ImVec2 top, float width);

// Records the item just drawn as the view's region `name` ("button:Help": tests check where
// controls are and how big).
void record_item(ViewState& view, const std::string& name);

// Asks for a PNG of the view's region `region` as the next frame draws it; `done` gets its
// bytes, or "" when they could not be read. Throws std::invalid_argument ("the WHAT are not on
// screen"; WHAT is `what`, else the region's name) when the last frame did not draw it. The
// panels' Export PNG and the JS API's exportPng both ask this way.
void capture_region_png(const ViewState& view, const std::string& region,
                        std::function<void(const std::string& png)> done, const std::string& what = {});
// Saves a PNG of the view's region `region` as the next frame draws it, as `filename`
// (App::save_file). An error notice when the region is not on screen.
void export_png(App& app, const ViewState& view, const std::string& region, const std::string& filename);

// A combo box over an enum's name table (core/names.hpp), showing each value's UI label.
// Returns true when the user picked another value.
template <class Enum, std::size_t K>
bool enum_combo(const char* label, Enum& value, const hopfield::EnumName<Enum> (&names)[K]) {
  bool changed = false;
  const std::string current(hopfield::label_of(names, value));
  if (ImGui::BeginCombo(label, current.c_str())) {
    for (const hopfield::EnumName<Enum>& n : names) {
      const std::string text(n.label);
      if (ImGui::Selectable(text.c_str(), n.value == value) && n.value != value) {
        value = n.value;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace hlab
