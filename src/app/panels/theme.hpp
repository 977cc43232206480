// The colours of each look (dark, light, projector): one table per theme, holding every
// background a text is drawn on, every text colour the panels use and the plots' line colours,
// all opaque, exactly as drawn. apply_theme_colors() hands the table to Dear ImGui and the plot
// library; the panels read theme_colors() for their own words. tests/app/test_theme.cpp checks
// each text against its backgrounds for WCAG AA (4.5:1) and each plot line for 3:1.
#pragma once

#include <imgui.h>

#include <array>
#include <cstdint>

#include "app/state/view_state.hpp"

namespace hlab {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

struct ThemeColors {
  // --- backgrounds ----------------------------------------------------------------------
  Rgb window;         // the window and the panels (the platform clears to it), plot areas
  Rgb popup;          // popups, tooltips, the toasts, the Messages log, the plots' legend
  Rgb title, title_active;  // floating windows' title bars
  Rgb frame, frame_hovered, frame_active;  // input fields, sliders, combo boxes
  Rgb button, button_hovered, button_active;
  Rgb header, header_hovered, header_active;  // collapsing headers, selectable rows
  Rgb text_selected;  // selected text in an input field
  // --- text -----------------------------------------------------------------------------
  Rgb text;           // ImGui's text: on every background above
  Rgb text_disabled;  // secondary lines (sweeps, energy, hints in fields): window, popup, frame
  // The panels' own words, on the window (recall, hint, lessons) or a popup (the toasts, the log)
  Rgb accent;         // the hint line, "What to notice", histograms
  Rgb retrieved;      // the verdict when the probe's pattern came back
  Rgb not_retrieved;  // any other verdict (a mixture, a 2-cycle, the sweep limit)
  Rgb flipped, next;  // the recall legend's words for the marks on the grid
  Rgb error, info;    // messages: errors and information
  Rgb logged;         // an information line in the Messages log
  // --- plot lines (3:1 against `window`) ------------------------------------------------
  std::array<Rgb, 10> palette;  // the series' colours, in order
};

const ThemeColors& theme_colors(Theme theme);

inline ImVec4 vec4(Rgb c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f); }
inline ImU32 u32(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

// The look applied last (dark until apply_theme_colors is called): what the panels draw with.
const ThemeColors& current_colors();

// Sets Dear ImGui's style colours (on its dark or light base) and the plot library's palette
// from the theme's table. Sizes (text scale, borders, grid lines) are the caller's.
void apply_theme_colors(Theme theme);

}  // namespace hlab
