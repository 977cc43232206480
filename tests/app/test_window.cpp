// Where the desktop window opens (platform.hpp's fit_window): inside the screen's usable area.
#include <catch2/catch.hpp>

#include "app/platform/platform.hpp"

using hlab::platform::fit_window;
using hlab::platform::WindowRect;

TEST_CASE("The desktop window opens inside the screen, sized to it", "[platform]") {
  // Issue 22: 1400 x 900 on a 1280 x 800 screen opened at (-60, -50), title bar off screen.
  const WindowRect small = fit_window(1400, 900, {0, 0, 1280, 800});
  CHECK(small == WindowRect{64, 40, 1152, 720});  // 90% of the screen, centred
  // A screen with room: the size asked for, centred in the usable area (a task bar at the top).
  CHECK(fit_window(1400, 900, {0, 32, 1920, 1048}) == WindowRect{260, 106, 1400, 900});
  // A second monitor to the right.
  CHECK(fit_window(1400, 900, {1920, 0, 2560, 1440}) == WindowRect{2500, 270, 1400, 900});
  // Tiny screens: never below 640 x 480 while the screen has that room, never past the screen.
  CHECK(fit_window(1400, 900, {0, 0, 700, 500}) == WindowRect{30, 10, 640, 480});
  CHECK(fit_window(1400, 900, {0, 0, 600, 400}) == WindowRect{0, 0, 600, 400});
  for (const WindowRect area : {WindowRect{0, 0, 1280, 800}, WindowRect{-1280, 0, 1280, 1024},
                                WindowRect{0, 0, 800, 600}, WindowRect{0, 0, 3840, 2160}}) {
    const WindowRect w = fit_window(1400, 900, area);
    CHECK(w.x >= area.x);
    CHECK(w.y >= area.y);
    CHECK(w.x + w.width <= area.x + area.width);
    CHECK(w.y + w.height <= area.y + area.height);
  }
}
