// Draws a +1/-1 grid as a crisp image (one texel per neuron), with optional highlights,
// and reports which cell the mouse is over. Shared by the editor, recall and library.
#pragma once

#include <imgui.h>

#include <vector>

#include "core/pattern.hpp"

namespace hlab {

struct GridOverlay {
  const std::vector<int>* flipped = nullptr;  // neurons tinted as "just flipped"
  int marked = -1;                            // neuron outlined as "next to update"
  bool lines = true;                          // cell borders when cells are large enough
  // Real values in [-1, 1] (the modern and continuous models): grey levels between the -1
  // and +1 colours instead of the spins.
  const std::vector<double>* values = nullptr;
};

// The grid lines drawn between cells (projector mode: darker and thicker, to carry across a
// lecture hall).
void set_grid_lines(ImU32 color, float thickness);

struct GridHit {
  bool hovered = false;
  int x = -1, y = -1;  // cell under the mouse, or -1
  int index = -1;      // y * width + x
  ImVec2 origin;       // top-left of the grid on screen
  float cell = 1.0f;   // cell size in pixels
};

inline constexpr ImU32 kPlusColor = IM_COL32(240, 236, 220, 255);
inline constexpr ImU32 kMinusColor = IM_COL32(40, 44, 52, 255);

// An interactive grid filling at most max_side x max_side (keeps square cells).
GridHit grid_canvas(const char* id, const hopfield::SpinVector& s, int width, int height,
                    float max_side, const GridOverlay& overlay = {});
// A small non-interactive picture of a pattern.
void grid_thumbnail(const hopfield::SpinVector& s, int width, int height, float side);

}  // namespace hlab
