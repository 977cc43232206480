#include "core/editing.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace hopfield {

static bool inside(const Pattern& g, int x, int y) {
  return x >= 0 && y >= 0 && x < g.width && y < g.height;
}

static void check_cell_value(Spin v) {
  if (v != 1 && v != -1) throw std::invalid_argument("a cell value must be +1 or -1");
}

std::vector<Cell> line_cells(int x0, int y0, int x1, int y1) {
  std::vector<Cell> cells;
  const int dx = std::abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
  const int dy = -std::abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
  int err = dx + dy;
  for (;;) {
    cells.push_back({x0, y0});
    if (x0 == x1 && y0 == y1) break;
    const int e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
  return cells;
}

void draw_line(Pattern& grid, int x0, int y0, int x1, int y1, Spin value) {
  check_cell_value(value);
  for (const Cell& c : line_cells(x0, y0, x1, y1))
    if (inside(grid, c.x, c.y)) grid.set(c.x, c.y, value);
}

void draw_rectangle(Pattern& grid, int x0, int y0, int x1, int y1, Spin value, bool filled) {
  check_cell_value(value);
  const int left = std::min(x0, x1), right = std::max(x0, x1);
  const int top = std::min(y0, y1), bottom = std::max(y0, y1);
  for (int y = std::max(top, 0); y <= std::min(bottom, grid.height - 1); ++y)
    for (int x = std::max(left, 0); x <= std::min(right, grid.width - 1); ++x)
      if (filled || x == left || x == right || y == top || y == bottom) grid.set(x, y, value);
}

int flood_fill(Pattern& grid, int x, int y, Spin value) {
  check_cell_value(value);
  if (!inside(grid, x, y)) return 0;
  const Spin from = grid.at(x, y);
  if (from == value) return 0;
  int changed = 0;
  std::vector<Cell> stack{{x, y}};
  while (!stack.empty()) {
    const Cell c = stack.back();
    stack.pop_back();
    if (!inside(grid, c.x, c.y) || grid.at(c.x, c.y) != from) continue;
    grid.set(c.x, c.y, value);
    ++changed;
    stack.push_back({c.x + 1, c.y});
    stack.push_back({c.x - 1, c.y});
    stack.push_back({c.x, c.y + 1});
    stack.push_back({c.x, c.y - 1});
  }
  return changed;
}

void shift(Pattern& grid, int dx, int dy, ShiftEdge edge, Spin fill_value) {
  check_cell_value(fill_value);
  const Pattern before = grid;
  for (int y = 0; y < grid.height; ++y)
    for (int x = 0; x < grid.width; ++x) {
      int sx = x - dx, sy = y - dy;
      if (edge == ShiftEdge::wrap) {
        sx = ((sx % grid.width) + grid.width) % grid.width;
        sy = ((sy % grid.height) + grid.height) % grid.height;
      }
      grid.set(x, y, inside(before, sx, sy) ? before.at(sx, sy) : fill_value);
    }
}

Pattern resampled(const Pattern& grid, int width, int height) {
  Pattern out = Pattern::filled(width, height, -1, grid.name);
  if (grid.width < 1 || grid.height < 1) return out;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      out.set(x, y, grid.at(x * grid.width / width, y * grid.height / height));
  return out;
}

void randomize(Pattern& grid, Rng& rng, double p_plus) {
  if (!(p_plus >= 0.0 && p_plus <= 1.0))
    throw std::invalid_argument("probability of +1 must be between 0 and 1");
  for (Eigen::Index i = 0; i < grid.spins.size(); ++i)
    grid.spins[i] = rng.bernoulli(p_plus) ? Spin{1} : Spin{-1};
}

void invert_cells(Pattern& grid) { grid.spins = -grid.spins; }

void clear_cells(Pattern& grid, Spin value) {
  check_cell_value(value);
  grid.spins.setConstant(value);
}

void EditHistory::record(const Pattern& before) {
  undo_.push_back(before);
  if (undo_.size() > limit_) undo_.erase(undo_.begin());
  redo_.clear();
}

bool EditHistory::undo(Pattern& current) {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(current));
  current = std::move(undo_.back());
  undo_.pop_back();
  return true;
}

bool EditHistory::redo(Pattern& current) {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(current));
  current = std::move(redo_.back());
  redo_.pop_back();
  return true;
}

void EditHistory::clear() {
  undo_.clear();
  redo_.clear();
}

}  // namespace hopfield
