// The App's commands without a window (src/app/state/app.hpp): what each does to the session, the
// UI bookkeeping it does once (stopping a run, the selection, notices), and that bad input
// throws with everything left as it was.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "app/state/app.hpp"
#include "app/state/datasets.hpp"
#include "app/state/view_state.hpp"
#include "core/io/json.hpp"
#include "core/io/pattern_io.hpp"

using hlab::App;
using hopfield::Pattern;

namespace {

const char* const kTwoPatterns = "name: bars\n#.#.\n#.#.\n\nname: rows\n####\n....\n";

// Texts of the notices, newest last.
std::vector<std::string> texts(const App& app) {
  std::vector<std::string> out;
  for (const hlab::Notice& n : app.notices()) out.push_back(n.text);
  return out;
}

}  // namespace

TEST_CASE("App: loading a file selects its first pattern, says so, and stops a run", "[app]") {
  App app;
  app.set_grid_size(4, 2);
  app.run();
  app.load_pattern_file(kTwoPatterns, "two.txt", true);
  CHECK(app.lab().pattern_count() == 2);
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"bars", "rows"});
  CHECK(app.selected() == 0);
  CHECK_FALSE(app.running());
  REQUIRE_FALSE(app.notices().empty());
  CHECK(app.notices().back().text == "Loaded two.txt: 2 patterns stored.");
  CHECK_FALSE(app.notices().back().error);
}

TEST_CASE("App: a bad file throws and keeps the library, selection and messages", "[app]") {
  App app;
  app.set_grid_size(4, 2);
  app.load_pattern_file(kTwoPatterns, "two.txt", true);
  app.select(1);
  const std::vector<std::string> before = texts(app);
  CHECK_THROWS_AS(app.load_pattern_file("name: x\n#?\n", "bad.txt", true), std::exception);
  CHECK(app.lab().pattern_count() == 2);
  CHECK(app.selected() == 1);
  CHECK(texts(app) == before);
}

TEST_CASE("App: built-in sets load at 16x16 and are refused, with the reason, elsewhere", "[app]") {
  App app;
  app.load_builtin("letters", true);
  CHECK(app.lab().pattern_count() == 26);
  CHECK(app.lab().pattern_names().front() == "A");
  app.set_grid_size(20, 20);  // forgets the letters: a notice says so
  CHECK(app.lab().pattern_count() == 0);
  CHECK(app.notices().back().text.find("26 stored patterns were forgotten") != std::string::npos);
  CHECK_THROWS_WITH(app.load_builtin("letters", true),
                    Catch::Contains("no built-in 'letters' set at 20x20"));
  CHECK_THROWS_WITH(app.load_builtin("nope", true), Catch::Contains("letters, digits, classic"));
}

TEST_CASE("App: corrupt from a stored pattern makes it the target; a bad request changes nothing",
          "[app]") {
  App app;
  app.load_builtin("digits", true);
  hopfield::CorruptionRequest flip;
  flip.amount = 0.25;
  flip.seed = 9;
  app.corrupt(flip, 3);
  CHECK(app.lab().probe_source() == 3);
  const hopfield::SpinVector digit3 = app.lab().patterns()[3].spins;
  CHECK(hopfield::hamming(app.lab().probe(), digit3) == 64);  // round(0.25 * 256) distinct flips
  const hopfield::SpinVector probe = app.lab().probe();
  hopfield::CorruptionRequest bad = flip;
  bad.amount = 1.5;
  CHECK_THROWS(app.corrupt(bad, 1));
  CHECK_THROWS_WITH(app.corrupt(flip, 10), Catch::Contains("pattern 10 is not stored (there are 10)"));
  CHECK(app.lab().probe() == probe);
  CHECK(app.lab().probe_source() == 3);
}

TEST_CASE("App: run, pause and advance; a finished recall stops running", "[app]") {
  App app;
  app.load_builtin("letters", true);
  app.set_patterns({app.lab().patterns()[0], app.lab().patterns()[3]});  // A and D
  hopfield::CorruptionRequest flip;
  flip.amount = 0.1;
  flip.seed = 2;
  app.corrupt(flip, 0);
  app.run();
  CHECK(app.running());
  app.pause();
  CHECK_FALSE(app.running());
  app.run(/*flat_out=*/true);
  CHECK(app.full_speed());
  // Frames with plenty of budget: the recall of two letters ends within a few.
  for (int frame = 0; frame < 100 && app.running(); ++frame) app.advance(1.0 / 60.0, 0.0, 0.0);
  CHECK_FALSE(app.running());
  CHECK(app.lab().finished());
  CHECK(app.lab().verdict().verdict == hopfield::Verdict::retrieved);
  CHECK(app.frames() >= 1);
}

TEST_CASE("App: at a speed of 10 sweeps a second, a frame of 0.1 s runs one sweep", "[app]") {
  App app;
  app.load_builtin("letters", true);  // 26 correlated letters: recall takes several sweeps
  hopfield::CorruptionRequest flip;
  flip.amount = 0.3;
  flip.seed = 4;
  app.corrupt(flip, 2);
  app.set_run_speed({false, 10.0f, false});
  app.run();
  app.advance(0.1, 0.0, 0.0);  // 0.1 s x 10 sweeps/s = 1 sweep
  CHECK(app.lab().recall().sweeps() == 1);
  CHECK_THROWS(app.set_run_speed({false, 0.0f, false}));
  CHECK(app.run_speed().speed == 10.0f);
}

TEST_CASE("App: store, rename, remove and select keep the selection on a real entry", "[app]") {
  App app;
  app.set_grid_size(4, 2);
  app.set_drawing(Pattern{4, 2, "", hopfield::spins_from_string("##..##..", 8)});
  app.store_drawing("first");
  CHECK(app.selected() == 0);
  CHECK(app.notices().back().text == "Stored \"first\" as pattern 0.");
  app.set_drawing(Pattern{4, 2, "", hopfield::spins_from_string("#.#.#.#.", 8)});
  app.store_drawing("second");
  CHECK(app.selected() == 1);
  app.rename_pattern(1, "renamed");
  CHECK(app.lab().pattern_names()[1] == "renamed");
  app.remove_pattern(1);
  CHECK(app.selected() == 0);
  CHECK(app.notices().back().text == "Pattern 1 unlearned.");
  CHECK_THROWS(app.select(1));
  app.clear_patterns();
  CHECK(app.selected() == -1);
}

TEST_CASE("App: notices have ids; dismiss removes one; attempt turns a throw into an error",
          "[app]") {
  App app;
  app.info("one");
  const bool ok = app.attempt([] { throw std::invalid_argument("broken"); }, "Doing it");
  CHECK_FALSE(ok);
  REQUIRE(app.notices().size() == 2);
  CHECK(app.notices()[1].text == "Doing it: broken");
  CHECK(app.notices()[1].error);
  CHECK(app.notices()[0].id != app.notices()[1].id);
  app.dismiss(app.notices()[0].id);
  CHECK(texts(app) == std::vector<std::string>{"Doing it: broken"});
}

namespace {

// Computes the units on the calling thread, a few per poll: what a thread or a Web Worker
// does, without either.
class InlineBackend : public hlab::ExperimentBackend {
 public:
  void start(const std::string& spec_json,
             const std::vector<std::pair<std::string, std::string>>& files) override {
    hopfield::JsonValue spec = hopfield::parse_json(spec_json);
    for (const auto& [name, bytes] : files) {  // written where the test can read them
      const std::string path = std::string(HOPFIELD_APP_TEST_TMP) + "/" + name;
      std::ofstream(path, std::ios::binary) << bytes;
      for (auto& [key, value] : spec.members)
        if (value.is(hopfield::JsonValue::Type::string) && value.text == name) value.text = path;
    }
    experiment = hopfield::experiments::make_experiment(spec);
    experiment->prepare();
    next = 0;
    started = true;
  }
  void cancel() override { started = false; }
  Update poll() override {
    Update u;
    for (int k = 0; k < 3 && started && next < experiment->unit_count(); ++k)
      u.records.push_back(experiment->run_unit(next++));
    u.finished = started && next == experiment->unit_count();
    return u;
  }
  std::unique_ptr<hopfield::experiments::Experiment> experiment;
  long long next = 0;
  bool started = false;
};

}  // namespace

TEST_CASE("App: an experiment's rows grow cell by cell and end equal to the core's", "[app]") {
  App app;
  app.set_experiment_backend(std::make_unique<InlineBackend>());
  const std::string spec =
      R"({"experiment":"capacity","neurons":64,"patterns":"2,4,8","trials":3,"seed":"4"})";
  app.start_experiment(spec);
  CHECK(app.experiment().state() == hlab::RunState::running);
  CHECK(app.experiment().total() == 9);
  app.poll_experiment();  // units 0..2: the trials of P = 2
  CHECK(app.experiment().table().rows.size() == 1);
  app.poll_experiment();
  app.poll_experiment();
  app.poll_experiment();  // the last poll says it is finished
  REQUIRE(app.experiment().state() == hlab::RunState::done);
  auto core = hopfield::experiments::make_experiment(hopfield::parse_json(spec));
  core->prepare();
  CHECK(app.experiment().result_json() ==
        hopfield::experiments::result_json(*core, hopfield::experiments::run_units(*core, {}).records));
  CHECK(hlab::cli_command(spec) ==
        "hopfield-cli capacity --neurons 64 --patterns 2,4,8 --trials 3 --seed 4 --json");
}

TEST_CASE("ExperimentRun: the table takes in results a few times a second, and at once when done",
          "[app]") {
  // The frames between two refreshes draw nothing new, which keeps the page's frame rate
  // while the worker computes; the finished run is not held back.
  InlineBackend backend;  // 3 units a poll
  hlab::ExperimentRun run;
  run.start(R"({"experiment":"capacity","neurons":64,"patterns":"2,4,8,16","trials":3})", {},
            backend);
  const auto t0 = hlab::ExperimentRun::Clock::now();
  const auto refresh = std::chrono::duration_cast<hlab::ExperimentRun::Clock::duration>(
      std::chrono::duration<double>(hlab::ExperimentRun::kRefreshSeconds));
  CHECK(run.update(backend, t0));  // the first results show at once
  CHECK(run.done() == 3);
  CHECK(run.table().rows.size() == 1);
  const std::uint64_t version = run.version();
  CHECK_FALSE(run.update(backend, t0 + refresh / 2));  // computed, not shown yet
  CHECK(run.done() == 3);
  CHECK(run.version() == version);
  CHECK(run.update(backend, t0 + refresh));
  CHECK(run.done() == 9);
  CHECK(run.table().rows.size() == 3);
  CHECK(run.state() == hlab::RunState::running);
  CHECK(run.update(backend, t0 + refresh + refresh / 10));  // finished: everything at once
  CHECK(run.done() == 12);
  CHECK(run.state() == hlab::RunState::done);
}

TEST_CASE("App: a bad spec throws naming the field and leaves the last run", "[app]") {
  App app;
  app.set_experiment_backend(std::make_unique<InlineBackend>());
  CHECK_THROWS_WITH(app.start_experiment(R"({"experiment":"capacity","neurons":64,"patterns":[]})"),
                    Catch::Contains("patterns"));
  CHECK_THROWS_WITH(app.start_experiment(R"({"experiment":"basins","patterns":"library","amounts":"0.1"})"),
                    Catch::Contains("the library is empty"));
  CHECK_THROWS_WITH(app.start_experiment("{not json"), Catch::Contains("JSON"));
  CHECK(app.experiment().state() == hlab::RunState::idle);
}

TEST_CASE("App: experiments on the library read the library as a file", "[app]") {
  App app;
  app.set_experiment_backend(std::make_unique<InlineBackend>());
  app.load_builtin("letters", true);
  app.set_patterns({app.lab().patterns()[0], app.lab().patterns()[3]});  // A and D
  app.start_experiment(
      R"({"experiment":"basins","patterns":"library","amounts":"0,0.1","trials":2,"seed":"1"})");
  while (app.experiment().state() == hlab::RunState::running) app.poll_experiment();
  REQUIRE(app.experiment().state() == hlab::RunState::done);
  const auto& rows = app.experiment().table().rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][2].number == 1.0);  // amount 0: every recall starts at its pattern and stays
}

TEST_CASE("App: the desktop runs experiments on a thread; cancel stops it", "[app]") {
  App app;
  app.set_experiment_backend(hlab::make_experiment_backend());
  const std::string spec =
      R"({"experiment":"temperature","neurons":100,"patterns":"2","temperatures":"0.2,1.5","sweeps":10,"trials":4,"seed":"3"})";
  app.start_experiment(spec);
  for (int k = 0; k < 2000 && app.experiment().state() == hlab::RunState::running; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    app.poll_experiment();
  }
  REQUIRE(app.experiment().state() == hlab::RunState::done);
  auto core = hopfield::experiments::make_experiment(hopfield::parse_json(spec));
  core->prepare();
  CHECK(app.experiment().result_json() ==
        hopfield::experiments::result_json(*core, hopfield::experiments::run_units(*core, {}).records));
  // Far too long to finish: cancelled at once, and the app goes on.
  app.start_experiment(R"({"experiment":"capacity","neurons":2000,"patterns":"10:400:10","trials":100})");
  app.cancel_experiment();
  CHECK(app.experiment().state() == hlab::RunState::cancelled);
  CHECK(app.experiment().done() < app.experiment().total());
}

TEST_CASE("a labelled set loads the classes asked for, the first few of each, named by class",
          "[app][datasets]") {
  // Six 2x2 images: image k has k + 1 dark pixels (row-major, capped at 4); labels 0,1,0,1,2,2.
  std::string images;
  auto u32 = [](std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
  };
  u32(images, 0x00000803);
  u32(images, 6);
  u32(images, 2);
  u32(images, 2);
  for (int k = 0; k < 6; ++k)
    for (int i = 0; i < 4; ++i) images += static_cast<char>(i <= k ? 255 : 0);
  std::string labels;
  u32(labels, 0x00000801);
  u32(labels, 6);
  for (int l : {0, 1, 0, 1, 2, 2}) labels += static_cast<char>(l);
  const hlab::App::LabelledSetFiles files{"toy", images, labels, "zero\none\ntwo\n"};

  App app;
  app.load_labelled_set(files, "one, zero", 1, true);
  // In file order, the first of each class asked for: image 0 (zero) and image 1 (one).
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"zero #0", "one #1"});
  CHECK(app.lab().width() == 2);
  CHECK(hopfield::to_string(app.lab().patterns()[1].spins) == "##..");
  app.load_labelled_set(files, "", 0, false);
  CHECK(app.lab().pattern_count() == 8);
  app.load_labelled_set(files, "TWO", 5, true);
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"two #4", "two #5"});
  // Bad requests change nothing.
  CHECK_THROWS_WITH(app.load_labelled_set(files, "three", 1, true), Catch::Contains("three"));
  CHECK_THROWS(app.load_labelled_set({"toy", images, labels.substr(0, 10), ""}, "", 1, true));
  CHECK_THROWS_WITH(app.load_labelled_set({"toy", images, "", ""}, "one", 1, true),
                    Catch::Contains("no labels file"));
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"two #4", "two #5"});
}

namespace {
// A width x height 24-bit BMP, written by hand (BITMAPINFOHEADER, rows bottom-up, padded to
// 4 bytes): pixel (x, y) is black where dark(x, y), else white.
template <class Dark>
std::string bmp(int width, int height, Dark dark) {
  const int row = (3 * width + 3) / 4 * 4;
  const int size = 54 + row * height;
  std::string b(static_cast<std::size_t>(size), '\0');
  auto put = [&](int at, std::uint32_t v, int bytes) {
    for (int k = 0; k < bytes; ++k) b[static_cast<std::size_t>(at + k)] = static_cast<char>((v >> (8 * k)) & 0xff);
  };
  b[0] = 'B';
  b[1] = 'M';
  put(2, static_cast<std::uint32_t>(size), 4);
  put(10, 54, 4);
  put(14, 40, 4);
  put(18, static_cast<std::uint32_t>(width), 4);
  put(22, static_cast<std::uint32_t>(height), 4);
  put(26, 1, 2);
  put(28, 24, 2);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const char v = dark(x, y) ? '\0' : static_cast<char>(255);
      const std::size_t at = static_cast<std::size_t>(54 + (height - 1 - y) * row + 3 * x);
      b[at] = b[at + 1] = b[at + 2] = v;
    }
  return b;
}
}  // namespace

TEST_CASE("an image goes into the drawing as a preview; its threshold and inversion redo it",
          "[app][image]") {
  App app;
  app.set_grid_size(4, 4);
  // 8x8 pixels onto 4x4 cells: each cell averages a 2x2 block. Left half black.
  const std::string left_dark = bmp(8, 8, [](int x, int) { return x < 4; });
  app.open_file(left_dark, "half.bmp");
  CHECK(hopfield::to_string(app.lab().drawing().spins) == "##..##..##..##..");
  CHECK(app.lab().pattern_count() == 0);  // a preview: nothing stored yet
  CHECK(app.image_name() == "half.bmp");
  hopfield::ImageImportOptions o = app.image_options();
  o.invert = true;
  app.set_image_options(o);
  CHECK(hopfield::to_string(app.lab().drawing().spins) == "..##..##..##..##");
  app.undo();  // each redo is one edit
  CHECK(hopfield::to_string(app.lab().drawing().spins) == "##..##..##..##..");
  // A file that is no image keeps the drawing and the image kept.
  CHECK_THROWS(app.import_image(std::string("\x89PNG\r\n\x1a\n broken", 16), "bad.png", o));
  CHECK(hopfield::to_string(app.lab().drawing().spins) == "##..##..##..##..");
  CHECK(app.image_name() == "half.bmp");
  // A pattern file still goes to the library.
  app.open_file("name: x\n#..#\n.##.\n.##.\n#..#\n", "x.txt");
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"x"});
}

TEST_CASE("a text file named .png is refused as no image of a supported format, work kept",
          "[app][image]") {
  // Issue 22, item 10: such an upload was refused with the text reader's "unexpected
  // character ... (expected '#' or '.')", which says nothing to someone who chose an image.
  App app;
  app.set_grid_size(4, 2);
  app.load_pattern_file(kTwoPatterns, "two.txt", true);
  app.set_drawing(app.lab().patterns()[1]);
  const bool ok = app.attempt([&] { app.open_file("Meeting notes, week 3\n", "notes.png"); }, "Loading notes.png");
  CHECK_FALSE(ok);
  REQUIRE_FALSE(app.notices().empty());
  const hlab::Notice& said = app.notices().back();
  CHECK(said.error);
  CHECK_THAT(said.text, Catch::StartsWith("Loading notes.png: notes.png: not an image of a supported "
                                          "format (PNG, JPEG, GIF, BMP)"));
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"bars", "rows"});
  CHECK(hopfield::to_string(app.lab().drawing().spins) == "####....");
}

TEST_CASE("an image decoded elsewhere (the page's worker) draws and says what the file does",
          "[app][image]") {
  // The same 8x8 image as pixels, left half black (0), right half white (255).
  hopfield::GreyImage half;
  half.width = half.height = 8;
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) half.pixels.push_back(x < 4 ? 0 : 255);
  App from_file, decoded;
  from_file.set_grid_size(4, 4);
  decoded.set_grid_size(4, 4);
  from_file.open_file(bmp(8, 8, [](int x, int) { return x < 4; }), "half.bmp");
  decoded.open_decoded_image(half, "half.bmp");
  CHECK(hopfield::to_string(decoded.lab().drawing().spins) == "##..##..##..##..");
  CHECK(decoded.notices().back().text == from_file.notices().back().text);
  CHECK(decoded.image_name() == "half.bmp");
  // Redone from the kept pixels, not from a file.
  hopfield::ImageImportOptions o = decoded.image_options();
  o.invert = true;
  decoded.set_image_options(o);
  CHECK(hopfield::to_string(decoded.lab().drawing().spins) == "..##..##..##..##");
  // Sides that do not match the pixels are refused; the drawing and the kept image stay.
  hopfield::GreyImage bad = half;
  bad.height = 9;
  CHECK_THROWS_WITH(decoded.import_decoded_image(bad, "bad.jpg", o),
                    "a decoded image of 8x9 with 64 pixels (at most 16777216)");
  CHECK(hopfield::to_string(decoded.lab().drawing().spins) == "..##..##..##..##");
  CHECK(decoded.image_name() == "half.bmp");
}

TEST_CASE("an image's grey levels are the probe of the real-valued models, not of the others",
          "[app][image][models]") {
  App app;
  app.set_grid_size(4, 4);
  // 8x8 pixels onto 4x4 cells: the left half black (level +1), the right half white (-1).
  app.open_file(bmp(8, 8, [](int x, int) { return x < 4; }), "half.bmp");
  CHECK_THROWS_WITH(app.probe_from_image_levels(), Catch::Contains("modern and continuous"));
  app.load_pattern_file("name: a\n##..\n##..\n##..\n##..\n", "a.txt", true);
  hopfield::LabSettings s = app.lab().settings();
  s.model.model = hopfield::Model::modern;
  app.set_settings(s);
  app.probe_from_image_levels();
  const std::vector<double> want = {1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1, -1};
  CHECK(app.lab().probe_levels() == want);
  CHECK(app.lab().recall().state_values() == want);  // iteration 0 is the grey probe itself
  CHECK(hopfield::to_string(app.lab().probe()) == "##..##..##..##..");
  // Any other probe replaces the grey one.
  app.probe_from_drawing();
  CHECK(app.lab().probe_levels().empty());
}

TEST_CASE("App: files, saved state and data sets go through the host it is handed", "[app][host]") {
  // A host of the test's own: it keeps what it is given.
  std::map<std::string, std::string> files{{"two.txt", kTwoPatterns}};
  std::vector<std::string> saved;
  int forgotten = 0;
  hlab::Host host;
  host.typed_paths = true;
  host.read_file = [&](const std::string& path) {
    const auto it = files.find(path);
    if (it == files.end()) throw std::runtime_error("cannot open " + path);
    return it->second;
  };
  host.save_file = [&](const std::string& name, const std::string& bytes) {
    files[name] = bytes;
    return "Kept " + name + ".";
  };
  host.save_session = [&](const std::string& text) { saved.push_back(text); };
  host.forget_session = [&] { ++forgotten; };
  App app(host);
  hlab::ViewState view;

  app.open_path("two.txt");
  CHECK(app.lab().pattern_names() == std::vector<std::string>{"bars", "rows"});
  CHECK_THROWS_WITH(app.open_path("none.txt"), "cannot open none.txt");
  app.save_file("out.txt", app.lab().export_text());
  CHECK(files["out.txt"] == app.lab().export_text());
  CHECK(texts(app).back() == "Kept out.txt.");

  // The autosave hands over the session, with its panels, only when it changed.
  view.set_panels(hlab::parse_panels("recall,plots"));
  hlab::autosave(app, view);
  hlab::autosave(app, view);
  REQUIRE(saved.size() == 1);
  App restored;
  hlab::ViewState restored_view;
  hlab::restore_session_text(restored, restored_view, saved[0]);
  CHECK(restored.lab().pattern_names() == app.lab().pattern_names());
  CHECK(restored_view.panels() == view.panels());
  app.select(1);
  hlab::autosave(app, view);
  CHECK(saved.size() == 2);

  // A new session forgets the saved one, the hint and the lesson.
  view.set_hint("press Run");
  hlab::new_session(app, view);
  CHECK(forgotten == 1);
  CHECK(view.hint().empty());
  CHECK(app.lab().pattern_count() == 0);

  // What this host cannot do is refused with a message, nothing changed.
  CHECK_THROWS_WITH(app.load_dataset("mnist", "", 5, true), Catch::Contains("cannot be loaded here"));
  CHECK_THROWS_WITH(App().save_file("x.txt", "x"), Catch::Contains("cannot be saved here"));
}

TEST_CASE("data sets: one place names their files", "[app][datasets]") {
  const hlab::DataSetFiles small = hlab::dataset_files("mnist", 16, 16);
  CHECK(small.stem == "mnist-16");
  CHECK(small.images == "mnist-16-images-idx3-ubyte.gz");
  CHECK(small.labels == "mnist-16-labels-idx1-ubyte.gz");
  CHECK(small.class_names == "mnist-classnames.txt");
  CHECK(hlab::dataset_files("fashion-mnist", 32, 32).stem == "fashion-mnist-28");
  CHECK_THROWS_WITH(hlab::dataset_files("cifar", 28, 28), Catch::Contains("mnist or fashion-mnist"));
}
