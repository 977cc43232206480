// One function per panel; each draws inside the current window/child and talks to the Lab.
#pragma once

#include <imgui.h>

#include "app/app.hpp"

namespace hlab {

void editor_panel(App& app);
void library_panel(App& app);
void network_panel(App& app);
void recall_panel(App& app);
void plots_panel(App& app);
void weights_panel(App& app);

// ImGui::TextDisabled that wraps at the column's edge (narrow windows, embeds).
void text_disabled_wrapped(const char* fmt, ...) IM_FMTARGS(1);

// ImGui::SameLine() when an item `width` wide still fits on the current line, else nothing
// (the item goes on the next line): toolbars wrap in narrow columns instead of clipping.
void same_line_if_fits(float width);

// Keyboard shortcuts (called once per frame, outside text fields).
void editor_shortcuts(App& app);
void recall_shortcuts(App& app);

}  // namespace hlab
