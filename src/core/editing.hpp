// Pure grid operations for the pattern editor (lines, rectangles, flood fill, shifts,
// resampling) and an undo/redo history of grid states. No UI: the app and tests drive them.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "core/pattern.hpp"
#include "core/rng.hpp"

namespace hopfield {

struct Cell {
  int x = 0;
  int y = 0;
  friend bool operator==(const Cell&, const Cell&) = default;
};

// Cells of the Bresenham line from (x0, y0) to (x1, y1), both ends included, in order.
std::vector<Cell> line_cells(int x0, int y0, int x1, int y1);

// Sets every cell of the line to `value`; cells outside the grid are skipped.
void draw_line(Pattern& grid, int x0, int y0, int x1, int y1, Spin value);
// The axis-aligned rectangle with corners (x0, y0) and (x1, y1) (any order, inclusive),
// outline only or filled; clipped to the grid.
void draw_rectangle(Pattern& grid, int x0, int y0, int x1, int y1, Spin value, bool filled);
// Sets the 4-connected region of cells equal to grid(x, y) that contains (x, y) to `value`.
// Returns the number of cells changed (0 when (x, y) is outside or already `value`).
int flood_fill(Pattern& grid, int x, int y, Spin value);

enum class ShiftEdge { wrap, fill };
// Moves the drawing by (dx, dy) cells (+x right, +y down). Cells shifted in from outside are
// the ones that fell off the other side (wrap) or `fill_value` (fill).
void shift(Pattern& grid, int dx, int dy, ShiftEdge edge, Spin fill_value = -1);
// Nearest-neighbour resampling to a new grid size (keeps a drawing recognisable).
Pattern resampled(const Pattern& grid, int width, int height);
// Every cell +1 with probability p_plus.
void randomize(Pattern& grid, Rng& rng, double p_plus = 0.5);
void invert_cells(Pattern& grid);
void clear_cells(Pattern& grid, Spin value = -1);

// Undo/redo of whole grid states. record() is called with the state before a change.
class EditHistory {
 public:
  explicit EditHistory(std::size_t limit = 200) : limit_(limit) {}
  // Remembers `before` as an undo point and forgets the redo states.
  void record(const Pattern& before);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // Replaces `current` with the previous state; false when there is none.
  bool undo(Pattern& current);
  // Replaces `current` with the state undone last; false when there is none.
  bool redo(Pattern& current);
  void clear();

 private:
  std::size_t limit_;
  std::vector<Pattern> undo_;
  std::vector<Pattern> redo_;
};

}  // namespace hopfield
