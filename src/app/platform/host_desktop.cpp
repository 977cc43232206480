// The desktop's host: files by path (relative to the working directory), data sets from
// $HOPFIELD_DATA_DIR or dist/data, the clipboard through ImGui (SDL's). Nothing is saved
// between runs: no autosave, no kept look (those members stay empty).
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "app/state/app.hpp"
#include "app/state/datasets.hpp"
#include "app/state/host.hpp"
#include "core/io/pattern_io.hpp"

namespace hlab {
namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw hopfield::PatternFileError("cannot open " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::filesystem::path data_dir() {
  const char* env = std::getenv("HOPFIELD_DATA_DIR");
  return env ? env : "dist/data";
}

}  // namespace

Host make_host() {
  Host host;
  host.typed_paths = true;
  host.read_file = read_bytes;
  host.save_file = [](const std::string& filename, const std::string& bytes) {
    std::ofstream out(filename, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + filename);
    return "Wrote " + filename + ".";
  };
  host.load_dataset = [](App& app, const std::string& name, const std::string& classes,
                         int per_class, bool replace) {
    const DataSetFiles files = dataset_files(name, app.lab().width(), app.lab().height());
    const std::filesystem::path dir = data_dir();
    App::LabelledSetFiles f;
    f.name = files.stem;
    try {
      f.images = read_bytes((dir / files.images).string());
      f.labels = read_bytes((dir / files.labels).string());
      f.class_names = read_bytes((dir / files.class_names).string());
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string(e.what()) + " (prepare the data sets with "
                               "scripts/prepare-datasets.mjs DIR and set HOPFIELD_DATA_DIR=DIR)");
    }
    app.load_labelled_set(f, classes, per_class, replace);
  };
  host.copy_text = [](const std::string& text) { ImGui::SetClipboardText(text.c_str()); };
  host.share_link = [copy = host.copy_text](const std::string& state) {
    const std::string link = "#state=" + state;
    copy(link);
    return link;
  };
  return host;
}

}  // namespace hlab
