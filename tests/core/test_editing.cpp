#include <catch2/catch.hpp>

#include "core/editing.hpp"

using namespace hopfield;

namespace {

Pattern grid_from(int w, int h, const std::string& rows) {
  return Pattern{w, h, "", spins_from_string(rows, w * h)};
}

}  // namespace

TEST_CASE("line_cells follows Bresenham from end to end", "[editing]") {
  // Ideal y = 0.4 x rounds to 0, 0, 1, 1, 2, 2.
  const std::vector<Cell> expected{{0, 0}, {1, 0}, {2, 1}, {3, 1}, {4, 2}, {5, 2}};
  CHECK(line_cells(0, 0, 5, 2) == expected);
  const std::vector<Cell> steep{{1, 3}, {1, 2}, {0, 1}, {0, 0}};
  CHECK(line_cells(1, 3, 0, 0) == steep);
  CHECK(line_cells(2, 2, 2, 2) == std::vector<Cell>{{2, 2}});
}

TEST_CASE("draw_line clips to the grid", "[editing]") {
  Pattern g = Pattern::filled(3, 3, -1);
  draw_line(g, -1, 1, 5, 1, 1);
  CHECK(to_string(g.spins) == "...###...");
}

TEST_CASE("draw_rectangle outline and filled, corners in any order", "[editing]") {
  Pattern g = Pattern::filled(5, 4, -1);
  draw_rectangle(g, 3, 2, 1, 0, 1, false);
  CHECK(to_string(g.spins) == ".###."
                              ".#.#."
                              ".###."
                              ".....");
  Pattern f = Pattern::filled(4, 3, -1);
  draw_rectangle(f, 1, 1, 9, 9, 1, true);
  CHECK(to_string(f.spins) == "...."
                              ".###"
                              ".###");
}

TEST_CASE("flood_fill changes exactly the 4-connected region", "[editing]") {
  // A ring of '#' around a 2x2 hole: the hole and the outside are separate regions.
  const Pattern ring = grid_from(6, 6,
                                 "......"
                                 ".####."
                                 ".#..#."
                                 ".#..#."
                                 ".####."
                                 "#.....");
  Pattern g = ring;
  CHECK(flood_fill(g, 2, 2, 1) == 4);
  CHECK(to_string(g.spins) == "......"
                              ".####."
                              ".####."
                              ".####."
                              ".####."
                              "#.....");
  // The outside: 36 cells - 12 ring - 4 hole - 1 corner '#' = 19.
  Pattern h = ring;
  CHECK(flood_fill(h, 0, 0, 1) == 19);
  CHECK(to_string(h.spins) == "######"
                              "######"
                              "##..##"
                              "##..##"
                              "######"
                              "######");
  CHECK(flood_fill(h, 0, 0, 1) == 0);   // already that value
  CHECK(flood_fill(h, 9, 9, -1) == 0);  // outside the grid
  // Diagonal neighbours are not connected.
  Pattern d = grid_from(2, 2, "#..#");
  CHECK(flood_fill(d, 1, 0, 1) == 1);
  CHECK(to_string(d.spins) == "##.#");
}

TEST_CASE("shift moves by one cell with wrap or fill", "[editing]") {
  const Pattern g = grid_from(3, 2,
                              "#.."
                              ".#.");
  Pattern right = g;
  shift(right, 1, 0, ShiftEdge::wrap);
  CHECK(to_string(right.spins) == ".#...#");
  Pattern left = g;
  shift(left, -1, 0, ShiftEdge::wrap);
  CHECK(to_string(left.spins) == "..##..");
  Pattern down = g;
  shift(down, 0, 1, ShiftEdge::fill, -1);
  CHECK(to_string(down.spins) == "...#..");
  Pattern up = g;
  shift(up, 0, -1, ShiftEdge::fill, 1);
  CHECK(to_string(up.spins) == ".#.###");
}

TEST_CASE("resampled scales by nearest neighbour", "[editing]") {
  const Pattern g = grid_from(2, 2, "#..#");
  CHECK(to_string(resampled(g, 4, 4).spins) == "##.."
                                               "##.."
                                               "..##"
                                               "..##");
  CHECK(to_string(resampled(resampled(g, 4, 4), 2, 2).spins) == "#..#");
}

TEST_CASE("invert, clear and randomize", "[editing]") {
  Pattern g = grid_from(2, 1, "#.");
  invert_cells(g);
  CHECK(to_string(g.spins) == ".#");
  clear_cells(g);
  CHECK(to_string(g.spins) == "..");
  Pattern r = Pattern::filled(8, 8, -1);
  Rng rng(7);
  randomize(r, rng, 1.0);
  CHECK(to_string(r.spins) == std::string(64, '#'));
  CHECK_THROWS_AS(randomize(r, rng, 1.5), std::invalid_argument);
}

TEST_CASE("EditHistory: undo, redo, and a new edit forgets the redo states", "[editing]") {
  EditHistory history;
  Pattern g = grid_from(2, 1, "..");
  CHECK_FALSE(history.undo(g));
  history.record(g);
  g.set(0, 0, 1);  // "#."
  history.record(g);
  g.set(1, 0, 1);  // "##"
  REQUIRE(history.undo(g));
  CHECK(to_string(g.spins) == "#.");
  REQUIRE(history.undo(g));
  CHECK(to_string(g.spins) == "..");
  CHECK_FALSE(history.can_undo());
  REQUIRE(history.redo(g));
  CHECK(to_string(g.spins) == "#.");
  REQUIRE(history.redo(g));
  CHECK(to_string(g.spins) == "##");
  CHECK_FALSE(history.redo(g));
  REQUIRE(history.undo(g));  // back to "#."
  history.record(g);
  g.set(0, 0, -1);  // ".."
  CHECK_FALSE(history.can_redo());
  REQUIRE(history.undo(g));
  CHECK(to_string(g.spins) == "#.");
}

TEST_CASE("EditHistory keeps at most its limit of undo points", "[editing]") {
  EditHistory history(2);
  Pattern g = Pattern::filled(1, 1, -1);
  for (int k = 0; k < 5; ++k) history.record(g);
  int undone = 0;
  while (history.undo(g)) ++undone;
  CHECK(undone == 2);
}
