// Small layout helpers and widgets shared by the panels (plain ImGui).
#pragma once

#include <imgui.h>

#include <cstddef>

#include "core/names.hpp"

namespace hlab {

// ImGui::TextDisabled that wraps at the column's edge (narrow windows, embeds).
void text_disabled_wrapped(const char* fmt, ...) IM_FMTARGS(1);

// ImGui::SameLine() when an item `width` wide still fits on the current line, else nothing
// (the item goes on the next line): toolbars wrap in narrow columns instead of clipping.
void same_line_if_fits(float width);

// A tooltip for the last item, shown after a short hover.
void tooltip(const char* text);

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
