#include <catch2/catch.hpp>
#include <set>

#include "core/io/pattern_io.hpp"

using namespace hopfield;

TEST_CASE("built-in pattern sets load, with the advertised sizes and no duplicates",
          "[assets]") {
  const std::string dir = HOPFIELD_ASSETS_DIR;
  struct Set {
    const char* file;
    int side;
    std::size_t count;
  };
  for (const Set& set : {Set{"letters-16.txt", 16, 26}, Set{"letters-28.txt", 28, 26},
                         Set{"digits-16.txt", 16, 10}, Set{"digits-28.txt", 28, 10},
                         Set{"classic-16.txt", 16, 12}, Set{"classic-28.txt", 28, 12}}) {
    INFO(set.file);
    const std::vector<Pattern> patterns = load_patterns(dir + "/" + set.file);
    CHECK(patterns.size() == set.count);
    std::set<std::string> grids, names;
    for (const Pattern& p : patterns) {
      CHECK(p.width == set.side);
      CHECK(p.height == set.side);
      grids.insert(to_string(p.spins));
      grids.insert(to_string(-p.spins));  // an inverse is the same memory to the network
      names.insert(p.name);
    }
    CHECK(grids.size() == 2 * set.count);
    CHECK(names.size() == set.count);
  }
  CHECK(load_patterns(dir + "/letters-16.txt").front().name == "A");
  CHECK(load_patterns(dir + "/digits-28.txt").back().name == "9");
}
