// The verdict: what a recall ended in (src/core/report.hpp).
#include <catch2/catch.hpp>

#include "core/report.hpp"

using namespace hopfield;

TEST_CASE("classify_final_state: retrieved, inverse, 2-cycle, spurious", "[report]") {
  Network net(4);
  const SpinVector a = spins_from_string("##..", 4);
  const SpinVector b = spins_from_string("#.#.", 4);
  net.store(a);
  net.store(b);
  const std::vector<std::string> names{"a", "b"};
  FinalStateReport r = classify_final_state(net, b, Outcome::fixed_point, names);
  CHECK(r.verdict == Verdict::retrieved);
  CHECK(r.pattern == 1);
  CHECK(r.converged);
  CHECK(r.distances == std::vector<int>{2, 0});
  CHECK(r.inverse_distances == std::vector<int>{2, 4});
  CHECK(r.summary == "Retrieved \"b\" (pattern 1) exactly.");

  r = classify_final_state(net, spins_from_string("..##", 4), Outcome::fixed_point, names);
  CHECK(r.verdict == Verdict::inverse);
  CHECK(r.pattern == 0);

  r = classify_final_state(net, spins_from_string("###.", 4), Outcome::two_cycle, names);
  CHECK(r.verdict == Verdict::two_cycle);
  CHECK_FALSE(r.converged);

  r = classify_final_state(net, spins_from_string("###.", 4), Outcome::fixed_point, names);
  CHECK(r.verdict == Verdict::spurious);
  CHECK(r.distances == std::vector<int>{1, 1});
  CHECK(r.pattern == 0);  // first of the nearest

  CHECK(classify_final_state(Network(4), a, Outcome::fixed_point).verdict ==
        Verdict::no_patterns);
}

TEST_CASE("trace_csv: a header, one row per iteration, names quoted when needed", "[report]") {
  Trace t;
  t.energy = {-1.5, -3};
  t.hamming = {1, 0};
  t.flips = {0, 1};
  t.overlaps = {{0.5, -0.25}, {1, 0}};
  CHECK(trace_csv(t, {"A", "B, \"2\""}) ==
        "iter,energy,hamming,flips,overlap A,\"overlap B, \"\"2\"\"\"\n"
        "0,-1.5,1,0,0.5,-0.25\n"
        "1,-3,0,1,1,0\n");
  CHECK(trace_csv(t).rfind("iter,energy,hamming,flips,overlap 0,overlap 1\n0,", 0) == 0);
}
