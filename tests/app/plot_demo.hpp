// hplot's demo (tests/app/plot_demo.cpp).
#pragma once

namespace hplot {

// A tour of every feature. Draws into the current window; when called outside any window it
// opens its own "Plot demo" window. `open_all` opens every section.
void ShowPlotDemo(bool open_all = false);
// The demo in its own window, with a close button when p_open is not null.
void ShowPlotDemoWindow(bool* p_open = nullptr);

}  // namespace hplot
