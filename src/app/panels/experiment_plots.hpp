// The Experiments window's plots, one per experiment, drawn from its result table: in the
// window, and off screen for Export PNG, whole, at a chosen size, with every legend entry.
#pragma once

#include <functional>
#include <string>

#include "core/experiments/experiment.hpp"

namespace hlab {

struct ExperimentPlotView {
  float height = 0.0f;     // of each plot (the box plots share one such height)
  bool log_y = false;      // capacity: the fractions on a log axis (0 is not drawn there)
  bool exporting = false;  // every legend entry listed, no pointer read-outs
};

// Draws the plots of experiment `name` ("capacity", "prune-study", ...) from `table`, and the
// captions that explain their reference lines. Nothing for an unknown name.
void draw_experiment_plots(const std::string& name, const hopfield::experiments::Table& table,
                           const ExperimentPlotView& view);

// Whether the capacity plot's measured fractions span two decades or more, where a log axis
// shows what a linear one flattens at 0 (the first-step error at low load).
bool spans_decades(const hopfield::experiments::Table& table);

// Renders experiment `name`'s plots off screen into a width x height PNG (framebuffer pixels)
// and hands it to `done` after the next frame (empty: it could not be drawn). Throws
// std::invalid_argument for a size outside 200..4096 x 150..4096 or a table without rows.
void render_experiment_plots_png(const std::string& name, const hopfield::experiments::Table& table,
                                 int width, int height, bool log_y,
                                 std::function<void(const std::string& png)> done);

}  // namespace hlab
