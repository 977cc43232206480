#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "core/limits.hpp"

using namespace hopfield;

namespace {

std::string file_text(const std::string& path) {
  std::ifstream file(path);
  REQUIRE(file.good());
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("every limit in limits.hpp is in the README's Limits table", "[limits]") {
  const std::string header = file_text(HOPFIELD_SOURCE_DIR "/src/core/limits.hpp");
  const std::string readme = file_text(HOPFIELD_SOURCE_DIR "/README.md");
  const std::regex constant(R"(inline constexpr [^=]* (k\w+) =)");
  int found = 0;
  for (std::sregex_iterator it(header.begin(), header.end(), constant), end; it != end; ++it) {
    const std::string name = (*it)[1];
    INFO(name);
    CHECK(readme.find("| `" + name + "` |") != std::string::npos);
    ++found;
  }
  CHECK(found == 21);
}

TEST_CASE("the limits keep the promises their comments make", "[limits]") {
  CHECK(kMaxTraceEntries * 8 <= std::int64_t{200} * 1000 * 1000);  // overlaps: ~200 MB
  CHECK(std::int64_t{60000} * 784 <= kMaxPatternSpins);            // MNIST's training set
  CHECK(std::int64_t{47} << 20 < static_cast<std::int64_t>(kMaxReadBytes) / 2);
  CHECK(kMaxPatternSpins <= kFieldOverflowBound);
  CHECK(std::int64_t{kMaxDenseNeurons} * kMaxDenseNeurons * 4 == std::int64_t{64} << 20);
}
