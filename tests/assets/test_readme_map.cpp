// The README's "What is where" names folders and files that exist: the map of the house may
// not drift from the tree.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

TEST_CASE("every path in the README's 'What is where' exists", "[readme]") {
  std::ifstream file(HOPFIELD_SOURCE_DIR "/README.md");
  REQUIRE(file.good());
  std::ostringstream text;
  text << file.rdbuf();
  const std::string readme = text.str();
  const std::size_t start = readme.find("## What is where");
  const std::size_t end = readme.find("\n## ", start + 1);
  REQUIRE(start != std::string::npos);
  const std::string map = readme.substr(start, end - start);
  // Backticked paths: `src/app/state/`, `src/app/main.cpp`, `docs/science.md`, ...
  const std::regex path(R"(`((?:src|shell|assets|tests|fuzz|bench|docs)/[A-Za-z0-9_./]*)`)");
  int checked = 0;
  for (std::sregex_iterator it(map.begin(), map.end(), path), stop; it != stop; ++it) {
    const std::string p = (*it)[1];
    INFO(p);
    CHECK(std::filesystem::exists(std::filesystem::path(HOPFIELD_SOURCE_DIR) / p));
    ++checked;
  }
  CHECK(checked >= 15);  // the table's first column, and the paths the text names
}
