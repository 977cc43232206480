// The web bridge's files: pattern files, uploads, images, data sets in; PNG captures out.
// See bridge.cpp.
#include <emscripten.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "app/state/app.hpp"
#include "app/state/view_state.hpp"
#include "app/panels/experiment_plots.hpp"
#include "app/panels/widgets.hpp"

#include "app/web/bridge.hpp"
#include "core/arguments.hpp"

using hlab::App;
using hlab::the_app;
using namespace hlab::web;

namespace {

// A name from the page, held to the length rule of names (core/arguments.hpp).
std::string name_argument(const char* name, const char* fallback) {
  const std::string_view text = hopfield::read_argument(name, "name", hopfield::ArgumentKind::word);
  return text.empty() ? fallback : std::string(text);
}

hopfield::ImageImportOptions image_options(const char* threshold, int invert, const char* fit) {
  hopfield::ImageImportOptions o;
  o.threshold = hopfield::parse_image_threshold(threshold ? threshold : "otsu");
  o.invert = invert != 0;
  o.fit = hopfield::parse_image_fit(fit ? fit : "contain");
  return o;
}

// The worker's pixels as the core's image (the core checks that the sides and the pixels agree).
hopfield::GreyImage grey_image(const unsigned char* pixels, int length, int width, int height) {
  hopfield::GreyImage image;
  image.width = width;
  image.height = height;
  if (pixels && length > 0) image.pixels.assign(pixels, pixels + length);
  return image;
}

}  // namespace

extern "C" {

// exportPng(region): captures the region as the next frame draws it and hands the PNG to
// Module.hopfieldPng(id, pointer, length) (length 0: it could not be read).
EMSCRIPTEN_KEEPALIVE const char* hl_export_png(const char* region, int id) {
  return guarded([&] {
    const std::string name = region ? region : "";
    // 'plots' is the recall's plots (the name); 'recall-plots' stays for old callers.
    const std::string region_name = name == "plots" ? "recall-plots" : name;
    if (name != "editor" && name != "recall" && name != "plots" && name != "recall-plots" &&
        name != "experiment-plots" && name != "window")
      throw std::invalid_argument(
          "region must be editor, recall, plots, experiment-plots or window, not '" + name + "'");
    hlab::capture_region_png(hlab::the_view(), region_name, [id](const std::string& png) {
      EM_ASM({ if (Module.hopfieldPng) Module.hopfieldPng($0, $1, $2); }, id, png.data(), png.size());
    }, name);
  });
}

// exportPng('experiment-plots', {width, height, logY}): the experiment's plots drawn off
// screen, whole, at that size with every legend entry; answered through Module.hopfieldPng.
EMSCRIPTEN_KEEPALIVE const char* hl_export_plots_png(int id, int width, int height, int log_y) {
  return guarded([&] {
    const hlab::ExperimentRun& run = the_app().experiment();
    if (!run.experiment()) throw std::invalid_argument("no experiment has run yet: there are no plots to export");
    hlab::render_experiment_plots_png(run.experiment()->name(), run.table(), width, height, log_y != 0,
                                      [id](const std::string& png) {
      EM_ASM({ if (Module.hopfieldPng) Module.hopfieldPng($0, $1, $2); }, id, png.data(), png.size());
    });
  });
}

EMSCRIPTEN_KEEPALIVE const char* hl_load_file(const char* data, int length, const char* name,
                                              int replace) {
  return guarded([&] {
    the_app().load_pattern_file(std::string_view(data, static_cast<std::size_t>(length)),
                                name ? name : "file", replace != 0);
  });
}

// A file the user picked in the page: a problem is shown in the app, as for any click.
EMSCRIPTEN_KEEPALIVE void hl_upload_file(const char* data, int length, const char* name) {
  App& app = the_app();
  const std::string source = name ? name : "file";
  app.attempt([&] { app.open_file(std::string_view(data, static_cast<std::size_t>(length)), source); },
              "Loading " + source);
}

// greyProbe(): the kept image's grey levels as the probe (modern and continuous models).
EMSCRIPTEN_KEEPALIVE const char* hl_grey_probe() {
  return guarded([&] { the_app().probe_from_image_levels(); });
}

// loadImage(bytes, options) with Module.hopfieldImagesOnPage: the image into the drawing,
// decoded on the page's thread; threshold is "otsu", "dither" or a level, fit "contain" or
// "cover".
EMSCRIPTEN_KEEPALIVE const char* hl_load_image(const char* data, int length, const char* name,
                                               const char* threshold, int invert, const char* fit) {
  return guarded([&] {
    the_app().import_image(std::string_view(data, static_cast<std::size_t>(length)),
                           name_argument(name, "image"), image_options(threshold, invert, fit));
  });
}

// loadImage(bytes, options): the image as the page's image worker decoded it (js/image_worker.js:
// `length` grey pixels, width x height) into the drawing.
EMSCRIPTEN_KEEPALIVE const char* hl_load_grey_image(const unsigned char* pixels, int length,
                                                    int width, int height, const char* name,
                                                    const char* threshold, int invert,
                                                    const char* fit) {
  return guarded([&] {
    const hopfield::ImageImportOptions o = image_options(threshold, invert, fit);
    the_app().import_decoded_image(grey_image(pixels, length, width, height),
                                   name_argument(name, "image"), o);
  });
}

// Whether an upload is an image (decoded in the worker) or a pattern file (hl_upload_file).
EMSCRIPTEN_KEEPALIVE int hl_looks_like_image(const char* data, int length) {
  return hopfield::looks_like_image(std::string_view(data, static_cast<std::size_t>(length)));
}

// An image the user picked or dropped, as the image worker decoded it, or the decoder's
// message in `error`: shown in the app, as hl_upload_file would.
EMSCRIPTEN_KEEPALIVE void hl_upload_image(const unsigned char* pixels, int length, int width,
                                          int height, const char* name, const char* error) {
  App& app = the_app();
  const std::string source = name ? name : "file";
  app.attempt([&] {
    if (error && *error) throw hopfield::ImageImportError(error);
    app.open_decoded_image(grey_image(pixels, length, width, height), source);
  }, "Loading " + source);
}

// A data set the page fetched (loadDataset): images, labels and class names, as bytes.
EMSCRIPTEN_KEEPALIVE const char* hl_load_labelled_set(const char* name, const char* images,
                                                      int images_length, const char* labels,
                                                      int labels_length, const char* names,
                                                      int names_length, const char* classes,
                                                      int per_class, int replace) {
  return guarded([&] {
    hlab::App::LabelledSetFiles files;
    files.name = name ? name : "data set";
    files.images.assign(images, static_cast<std::size_t>(images_length));
    files.labels.assign(labels, static_cast<std::size_t>(labels_length));
    files.class_names.assign(names, static_cast<std::size_t>(names_length));
    the_app().load_labelled_set(files, classes ? classes : "", per_class, replace != 0);
  });
}

}  // extern "C"
