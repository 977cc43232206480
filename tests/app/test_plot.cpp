// hplot::SeriesDownsampler (src/app/plot.hpp) against a brute-force min/max of each bucket.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/hplot/hplot.hpp"
#include "imgui_context.hpp"
#include "app/hplot/line_canvas.hpp"
#include "core/rng.hpp"

namespace {

std::vector<double> random_walk(int n, std::uint64_t seed) {
  hopfield::Rng rng(seed);
  std::vector<double> ys(static_cast<std::size_t>(n));
  double y = 0.0;
  for (double& v : ys) v = (y += rng.uniform() - 0.5);
  return ys;
}

}  // namespace

TEST_CASE("SeriesDownsampler keeps every sample while they fit", "[plot]") {
  hplot::SeriesDownsampler d(16);
  const std::vector<double> ys = random_walk(16, 1);
  for (double y : ys) d.Append(y);
  REQUIRE(d.SamplesPerBucket() == 1);
  REQUIRE(d.PointCount() == 16);
  for (int i = 0; i < 16; ++i) {
    CHECK(d.Xs()[i] == i);
    CHECK(d.Ys()[i] == ys[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("SeriesDownsampler keeps the min and max of every bucket, in order", "[plot]") {
  for (const int n : {17, 100, 1000, 4097, 10000}) {
    hplot::SeriesDownsampler d(16);
    const std::vector<double> ys = random_walk(n, static_cast<std::uint64_t>(n));
    for (double y : ys) d.Append(y);
    const int len = d.SamplesPerBucket();
    INFO("n = " << n << ", bucket length " << len);
    REQUIRE(d.SampleCount() == n);
    // The smallest power-of-two bucket length that fits n samples into 16 buckets.
    int expected_len = 1;
    while ((n + expected_len - 1) / expected_len > 16) expected_len *= 2;
    CHECK(len == expected_len);
    REQUIRE(d.PointCount() <= 32);
    std::vector<double> xs(d.Xs(), d.Xs() + d.PointCount());
    std::vector<double> kept(d.Ys(), d.Ys() + d.PointCount());
    CHECK(std::is_sorted(xs.begin(), xs.end()));
    for (int start = 0; start < n; start += len) {
      const int end = std::min(n, start + len);
      const auto first = ys.begin() + start, last = ys.begin() + end;
      const int i_min = static_cast<int>(std::min_element(first, last) - ys.begin());
      const int i_max = static_cast<int>(std::max_element(first, last) - ys.begin());
      for (const int i : {i_min, i_max}) {
        const auto at = std::find(xs.begin(), xs.end(), static_cast<double>(i));
        REQUIRE(at != xs.end());
        CHECK(kept[static_cast<std::size_t>(at - xs.begin())] == ys[static_cast<std::size_t>(i)]);
      }
      // Nothing else from this bucket.
      const auto in_bucket = std::count_if(xs.begin(), xs.end(),
                                           [&](double x) { return x >= start && x < end; });
      CHECK(in_bucket == (i_min == i_max ? 1 : 2));
    }
  }
}

TEST_CASE("SeriesDownsampler drops non-finite samples and restarts on Clear", "[plot]") {
  hplot::SeriesDownsampler d(4);
  d.Append(1.0);
  d.Append(std::nan(""));
  d.Append(-2.0);
  REQUIRE(d.PointCount() == 2);
  CHECK(d.Xs()[0] == 0.0);
  CHECK(d.Xs()[1] == 2.0);
  d.Clear();
  CHECK(d.SampleCount() == 0);
  CHECK(d.PointCount() == 0);
  d.Append(5.0);
  REQUIRE(d.PointCount() == 1);
  CHECK(d.Ys()[0] == 5.0);
}

// ---------------------------------------------------------------------------------------------
// hplot::LineCanvas: the CPU line rasteriser, against hand-worked pixels, a brute-force second
// implementation and the areas of the shapes drawn.

namespace {

constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);

int alpha_at(hplot::LineCanvas& canvas, int x, int y) {
  return static_cast<int>((canvas.Pixels()[y * canvas.Width() + x] >> IM_COL32_A_SHIFT) & 0xFF);
}

double total_coverage(hplot::LineCanvas& canvas) {
  const std::uint32_t* p = canvas.Pixels();
  double sum = 0.0;
  for (int i = 0; i < canvas.Width() * canvas.Height(); ++i)
    sum += static_cast<double>((p[i] >> IM_COL32_A_SHIFT) & 0xFF) / 255.0;
  return sum;
}

double distance_to_segment(double px, double py, ImVec2 a, ImVec2 b) {
  const double abx = b.x - a.x, aby = b.y - a.y, apx = px - a.x, apy = py - a.y;
  const double len2 = abx * abx + aby * aby;
  const double t = len2 > 0 ? std::clamp((apx * abx + apy * aby) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(apx - t * abx, apy - t * aby);
}

}  // namespace

TEST_CASE("LineCanvas draws a 2-pixel horizontal line as worked out by hand", "[plot][canvas]") {
  hplot::LineCanvas canvas;
  canvas.Reset(40, 20);
  const ImVec2 line[2] = {ImVec2(2.5f, 10.5f), ImVec2(30.5f, 10.5f)};
  canvas.Polyline(line, 2, kWhite, 2.0f);
  // Coverage is 1 + 1/2 - d for a pixel centre at distance d: 1 on the line's row, 1/2 on the
  // rows above and below (their centres are 1 away), 0 two rows away.
  CHECK(alpha_at(canvas, 15, 10) == 255);
  CHECK(alpha_at(canvas, 15, 9) == 128);
  CHECK(alpha_at(canvas, 15, 11) == 128);
  CHECK(alpha_at(canvas, 15, 8) == 0);
  CHECK(alpha_at(canvas, 15, 12) == 0);
  // Round caps: the centres one pixel beyond each end are 1 away, two pixels beyond are 2.
  CHECK(alpha_at(canvas, 31, 10) == 128);
  CHECK(alpha_at(canvas, 1, 10) == 128);
  CHECK(alpha_at(canvas, 32, 10) == 0);
  CHECK(alpha_at(canvas, 0, 10) == 0);
  // Straight alpha: a half-covered pixel is still pure white.
  CHECK((canvas.Pixels()[9 * 40 + 15] & 0x00FFFFFFu) == 0x00FFFFFFu);
}

TEST_CASE("LineCanvas covers what a brute-force rasteriser covers", "[plot][canvas]") {
  hopfield::Rng rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    const int w = 30 + static_cast<int>(rng.uniform() * 40), h = 20 + static_cast<int>(rng.uniform() * 30);
    const float thickness = 0.5f + static_cast<float>(rng.uniform()) * 5.0f;
    std::vector<ImVec2> pts;
    const int n = 1 + static_cast<int>(rng.uniform() * 12);
    for (int i = 0; i < n; ++i)  // some points off the canvas
      pts.emplace_back(static_cast<float>(rng.uniform() * (w + 20) - 10),
                       static_cast<float>(rng.uniform() * (h + 20) - 10));
    hplot::LineCanvas canvas;
    canvas.Reset(w, h);
    canvas.Polyline(pts.data(), n, kWhite, thickness);
    INFO("trial " << trial << ": " << n << " points, thickness " << thickness);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        double cover = 0.0;
        for (int i = 0; i < n; ++i) {
          const double d = distance_to_segment(x + 0.5, y + 0.5, pts[static_cast<std::size_t>(i)],
                                                pts[static_cast<std::size_t>(i + 1 < n ? i + 1 : i)]);
          cover = std::max(cover, std::clamp(thickness / 2.0 + 0.5 - d, 0.0, 1.0));
        }
        const int expected = static_cast<int>(std::lround(cover * 255.0));
        INFO("pixel " << x << ", " << y);
        REQUIRE(std::abs(alpha_at(canvas, x, y) - expected) <= 1);
      }
  }
}

TEST_CASE("LineCanvas coverage adds up to the area of the shape drawn", "[plot][canvas]") {
  hplot::LineCanvas canvas;
  canvas.Reset(100, 80);
  const float r = 1.5f;
  const ImVec2 a(5.3f, 6.1f), b(94.2f, 71.7f);
  canvas.Polyline(std::vector<ImVec2>{a, b}.data(), 2, kWhite, 2.0f * r);
  const double length = std::hypot(b.x - a.x, b.y - a.y);
  const double capsule = 2.0 * r * length + M_PI * r * r;
  CHECK(total_coverage(canvas) == Approx(capsule).epsilon(0.01));

  canvas.Reset(30, 30);
  const ImVec2 dot(14.2f, 15.7f);
  canvas.Polyline(&dot, 1, kWhite, 8.0f);  // one point: a disc of radius 4
  CHECK(total_coverage(canvas) == Approx(M_PI * 16.0).epsilon(0.02));
}

TEST_CASE("LineCanvas blends polylines in order and draws each join once", "[plot][canvas]") {
  hplot::LineCanvas canvas;
  canvas.Reset(20, 20);
  const ImVec2 across[2] = {ImVec2(0.0f, 10.5f), ImVec2(20.0f, 10.5f)};
  const ImVec2 down[2] = {ImVec2(10.5f, 0.0f), ImVec2(10.5f, 20.0f)};
  canvas.Polyline(across, 2, IM_COL32(255, 0, 0, 255), 1.0f);
  canvas.Polyline(down, 2, IM_COL32(0, 0, 255, 255), 1.0f);
  const std::uint32_t* p = canvas.Pixels();
  CHECK(p[10 * 20 + 10] == IM_COL32(0, 0, 255, 255));  // the later line is on top
  CHECK(p[10 * 20 + 3] == IM_COL32(255, 0, 0, 255));
  CHECK(p[3 * 20 + 10] == IM_COL32(0, 0, 255, 255));
  CHECK(p[3 * 20 + 3] == 0u);

  // A half-transparent V: the pixel at the join is covered by both segments, and must get the
  // colour's alpha once (128), not blended twice (192).
  canvas.Reset(20, 20);
  const ImVec2 v[3] = {ImVec2(2.5f, 2.5f), ImVec2(10.5f, 15.5f), ImVec2(18.5f, 2.5f)};
  canvas.Polyline(v, 3, IM_COL32(255, 255, 255, 128), 2.0f);
  CHECK(alpha_at(canvas, 10, 15) == 128);
}

TEST_CASE("LineCanvas skips non-finite points and survives far-away ones", "[plot][canvas]") {
  hplot::LineCanvas canvas;
  canvas.Reset(10, 10);
  const float nan = std::nanf("");
  const ImVec2 pts[4] = {ImVec2(nan, 1.0f), ImVec2(-1e7f, 5.5f), ImVec2(1e7f, 5.5f),
                         ImVec2(3.0f, nan)};
  canvas.Polyline(pts, 4, kWhite, 1.0f);
  for (int x = 0; x < 10; ++x) CHECK(alpha_at(canvas, x, 5) == 255);
  CHECK(alpha_at(canvas, 5, 2) == 0);
  canvas.Reset(0, 0);
  canvas.Polyline(pts, 4, kWhite, 1.0f);  // an empty canvas draws nothing, and does not crash
  CHECK(canvas.Width() == 0);
}

TEST_CASE("LineCanvas draws a dense time series like its segments, within stated bounds", "[plot][canvas]") {
  // More points than pixel columns, x increasing: the column-extent path (DenseColumns).
  hplot::LineCanvas canvas;
  canvas.Reset(40, 20);
  std::vector<ImVec2> flat;
  for (float x = 2.0f; x <= 30.0f; x += 0.25f) flat.emplace_back(x, 10.5f);
  canvas.Polyline(flat.data(), static_cast<int>(flat.size()), kWhite, 2.0f);
  for (int x = 4; x <= 28; ++x) {  // along the line, exactly as segment by segment
    INFO("column " << x);
    CHECK(alpha_at(canvas, x, 10) == 255);
    CHECK(alpha_at(canvas, x, 9) == 128);
    CHECK(alpha_at(canvas, x, 11) == 128);
    CHECK(alpha_at(canvas, x, 8) == 0);
  }

  // Against the exact capsule coverage of the same segments (brute force): every pixel within
  // 1/2, and a total between the same and a third more (sloped runs draw a little thicker).
  hopfield::Rng rng(11);
  for (const float slope : {0.0f, 0.5f, 1.0f, 2.0f, -3.0f}) {
    for (const float noise : {0.0f, 2.0f}) {
      const int w = 60, h = 60;
      std::vector<ImVec2> pts;
      for (float x = 5.0f; x < 55.0f; x += 0.4f)
        pts.emplace_back(x, 30.0f + slope * 0.4f * (x - 30.0f) +
                                noise * static_cast<float>(rng.uniform() * 2.0 - 1.0));
      if (noise > 0.0f) pts[60].y = 1.0e5f;  // a spike far off the canvas (as plots clamp them)
      canvas.Reset(w, h);
      canvas.Polyline(pts.data(), static_cast<int>(pts.size()), kWhite, 2.0f);
      double drawn = 0.0, exact = 0.0, worst = 0.0;
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          double cover = 0.0;
          for (std::size_t i = 0; i + 1 < pts.size(); ++i)
            cover = std::max(cover, std::clamp(1.5 - distance_to_segment(x + 0.5, y + 0.5, pts[i], pts[i + 1]), 0.0, 1.0));
          const double a = alpha_at(canvas, x, y) / 255.0;
          drawn += a;
          exact += cover;
          worst = std::max(worst, std::fabs(a - cover));
        }
      INFO("slope " << slope << ", noise " << noise);
      CHECK(worst <= 0.5 + 1.0 / 255.0);
      CHECK(drawn / exact >= 0.97);
      CHECK(drawn / exact <= 1.4);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The plot's LineCanvas image through a real ImGui frame: redrawn when the data changes, the
// same when it does not.

namespace {

std::vector<std::uint32_t> g_uploaded;  // the pixels of the last image uploaded
int g_uploads = 0;

ImTextureID remember_upload(int w, int h, const std::uint32_t* rgba) {
  g_uploaded.assign(rgba, rgba + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  ++g_uploads;
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1));
}

// One ImGui frame with one plot `id` of up to four series; returns the plot image's pixels.
std::vector<std::uint32_t> plot_frame(const std::vector<std::vector<double>>& series, const char* id,
                                      ImVec2 size = ImVec2(300, 200), int flags = 0) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(400, 300);
  io.DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(400, 300));
  ImGui::Begin("plots");
  if (hplot::BeginPlot(id, size, flags)) {
    hplot::SetupAxisLimits(hplot::Axis_Y, -1, 1, hplot::Cond_Always);
    const char* const labels[] = {"s0", "s1", "s2", "s3"};
    for (std::size_t k = 0; k < series.size() && k < 4; ++k)
      hplot::PlotLine(labels[k], series[k].data(), static_cast<int>(series[k].size()));
    hplot::EndPlot();
  }
  ImGui::End();
  ImGui::Render();
  return g_uploaded;
}

// One ImGui frame with one plot of `ys`; returns the plot image's pixels.
std::vector<std::uint32_t> plot_frame(const std::vector<double>& ys) { return plot_frame({ys}, "p"); }

}  // namespace

TEST_CASE("A plot's line image changes with its data and only then", "[plot][canvas]") {
  const HeadlessImGui imgui;
  hplot::SetImageUploader(remember_upload);
  std::vector<double> a(50), b(50);
  for (int i = 0; i < 50; ++i) {
    a[static_cast<std::size_t>(i)] = std::sin(i * 0.2);
    b[static_cast<std::size_t>(i)] = std::cos(i * 0.2);
  }
  const auto first = plot_frame(a);
  REQUIRE(g_uploads == 1);
  const auto lit = std::count_if(first.begin(), first.end(), [](std::uint32_t p) { return p != 0; });
  CHECK(lit > 100);                      // the line is there
  CHECK(plot_frame(a) == first);         // same data, same picture
  const auto other = plot_frame(b);
  CHECK(other != first);                 // new data, new picture
  b[25] += 0.5;                          // one point moved
  CHECK(plot_frame(b) != other);
  CHECK(plot_frame(a) == first);         // and back
  CHECK(g_uploads == 5);                 // an image every frame (the texture pool needs it)
  hplot::SetImageUploader(nullptr);
}

namespace {

std::vector<std::vector<double>> waves(double phase) {  // four series
  std::vector<std::vector<double>> s(4, std::vector<double>(50));
  for (std::size_t k = 0; k < 4; ++k)
    for (std::size_t i = 0; i < 50; ++i) s[k][i] = 0.9 * std::sin(0.2 * static_cast<double>(i) + static_cast<double>(k) + phase);
  return s;
}

}  // namespace

TEST_CASE("A plot over its raster budget shows its old image until the new one is whole", "[plot][canvas]") {
  const HeadlessImGui imgui;
  hplot::SetImageUploader(remember_upload);
  // The pictures of waves 0..3, each drawn whole in one frame (no budget), in its own plot.
  std::vector<std::vector<std::uint32_t>> whole;
  const char* const ids[4] = {"whole0", "whole1", "whole2", "whole3"};
  for (int p = 0; p < 4; ++p) whole.push_back(plot_frame(waves(p), ids[p]));
  for (int p = 1; p < 4; ++p) REQUIRE(whole[static_cast<std::size_t>(p)] != whole[0]);
  const auto narrower = plot_frame(waves(0), "whole narrower", ImVec2(250, 200));
  REQUIRE(narrower.size() < whole[0].size());

  hplot::SetRasterBudget(1e-9);  // every series overruns it: one series a frame
  // A new plot has no picture to show meanwhile: its first image is drawn whole at once.
  CHECK(plot_frame(waves(0), "budget") == whole[0]);
  // New data: the old picture for three frames (one series each), then the new one, whole.
  for (int f = 0; f < 3; ++f) CHECK(plot_frame(waves(1), "budget") == whole[0]);
  CHECK(plot_frame(waves(1), "budget") == whole[1]);
  // Data that change every frame: the picture begun first is finished (from a copy of its
  // data) and shown, so the plot keeps moving; then the next one is begun.
  for (int f = 0; f < 3; ++f) CHECK(plot_frame(waves(2 + f % 2), "budget") == whole[1]);
  CHECK(plot_frame(waves(3), "budget") == whole[2]);
  for (int f = 0; f < 3; ++f) CHECK(plot_frame(waves(3), "budget") == whole[2]);
  CHECK(plot_frame(waves(3), "budget") == whole[3]);
  // Back to what is shown while a new picture is under way: the job is dropped.
  plot_frame(waves(0), "budget");
  CHECK(plot_frame(waves(3), "budget") == whole[3]);
  for (int f = 0; f < 3; ++f) CHECK(plot_frame(waves(0), "budget") == whole[3]);
  CHECK(plot_frame(waves(0), "budget") == whole[0]);  // begun afresh: four frames, not one
  // A plot that changes size shows its old picture (stretched) until the new one is whole.
  for (int f = 0; f < 3; ++f) CHECK(plot_frame(waves(0), "budget", ImVec2(250, 200)) == whole[0]);
  CHECK(plot_frame(waves(0), "budget", ImVec2(250, 200)) == narrower);
  // A picture drawn once (an export, PlotFlags_Whole) is of this frame's data, whole, even
  // while another picture of the plot is under way.
  plot_frame(waves(1), "budget", ImVec2(250, 200));  // begins a picture of waves 1
  CHECK(plot_frame(waves(2), "budget", ImVec2(300, 200), hplot::PlotFlags_Whole) == whole[2]);
  CHECK(plot_frame(waves(3), "budget", ImVec2(300, 200), hplot::PlotFlags_Whole) == whole[3]);

  hplot::SetRasterBudget(0.0);
  hplot::SetImageUploader(nullptr);
}
