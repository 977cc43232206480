#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/io/labels.hpp"
#include "core/io/pattern_io.hpp"
#include "io_helpers.hpp"

using namespace hopfield;
using namespace hopfield::test;
using Catch::Contains;

namespace {

// Three 1x2 images, each a different pair of pixels.
std::vector<Pattern> three_labelled_patterns() {
  return read_idx(idx_bytes(3, 1, 2, {255, 0, 0, 255, 255, 255}), "three");
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system's temporary one, removed with the fixture; the clock in
// its name keeps a native and a WebAssembly run apart.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("hopfield-test-" + name + "-" +
              std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

const ClassNames kDigits = {"zero", "one", "two"};

}  // namespace

// ---- the labels file ----

TEST_CASE("[labels] an IDX labels file reads raw or gzip, one byte per label") {
  const std::string bytes = idx_label_bytes(4, {0, 7, 255, 7});
  CHECK(read_idx_labels(bytes, "l.idx") == std::vector<int>{0, 7, 255, 7});
  CHECK(read_idx_labels(gzip_stored(bytes), "l.idx.gz") == std::vector<int>{0, 7, 255, 7});
}

TEST_CASE("[labels] malformed labels files name the byte offset and both sizes") {
  const auto read = [](const std::string& b) { return read_idx_labels(b, "l.idx"); };
  const std::string bytes = idx_label_bytes(3, {1, 2, 3});
  REQUIRE_THROWS_AS(read(bytes.substr(0, 10)), PatternFileError);
  REQUIRE_THROWS_WITH(read(bytes.substr(0, 10)),
                      Contains("l.idx byte 10: truncated IDX data: expected 3 bytes of labels, "
                               "found 2"));
  REQUIRE_THROWS_WITH(read(gzip_stored(bytes.substr(0, 10))), Contains("byte 10: truncated IDX"));
  REQUIRE_THROWS_WITH(read(bytes.substr(0, 6)),
                      Contains("byte 6: truncated IDX header: expected 8 bytes, found 6"));
  REQUIRE_THROWS_WITH(read(bytes.substr(0, 3)),
                      Contains("byte 3: truncated IDX header: the 4-byte magic number"));
  REQUIRE_THROWS_WITH(read(bytes + "x"),
                      Contains("byte 11: 1 bytes of unexpected data after the last label"));
  // An images file given as labels, and the other way round, say which is which.
  REQUIRE_THROWS_WITH(read(idx_bytes(1, 1, 1, {0})),
                      Contains("l.idx byte 3: IDX magic 0x00000803 gives 3 dimensions, expected "
                               "1 (labels)"));
  REQUIRE_THROWS_WITH(read_idx(bytes, "i.idx"),
                      Contains("i.idx byte 3: IDX magic 0x00000801 gives 1 dimensions, expected 3 "
                               "(images x rows x columns)"));
  REQUIRE_THROWS_WITH(read("P1\n1 1\n1\n"),
                      Contains("byte 0: bad IDX magic 0x50310a31, expected 0x00000801"));
  std::string ints = bytes;
  ints[2] = 0x0c;
  REQUIRE_THROWS_WITH(read(ints), Contains("byte 2: IDX magic 0x00000c01 has an unsupported type "
                                           "code: only 0x08 (unsigned bytes) is read"));
  REQUIRE_THROWS_WITH(read(idx_label_bytes(0, {})),
                      Contains("byte 4: file holds no labels (the label count is 0)"));
  // A count over the limit is refused from the header, before the bytes are looked for.
  REQUIRE_THROWS_WITH(read(idx_label_bytes(2'000'000, {})),
                      Contains("byte 4: holds 2000000 labels, more than the 1000000 patterns"));
  REQUIRE_THROWS_WITH(read(idx_label_bytes(0xffffffffu, {1})), Contains("holds 4294967295 labels"));
}

// ---- the class-names file ----

TEST_CASE("[labels] class names: one per line, or LABEL<TAB>NAME") {
  CHECK(read_class_names("0\n1\n2\n", "d.txt") == ClassNames{"0", "1", "2"});
  CHECK(read_class_names("\xEF\xBB\xBFT-shirt/top\r\nAnkle boot \r\n\n\n", "f.txt") ==
        ClassNames{"T-shirt/top", "Ankle boot"});
  const ClassNames caltech = read_class_names("1\tAirplanes Side 2\n3\tsea horse\n", "c.txt");
  CHECK(caltech == ClassNames{"", "Airplanes Side 2", "", "sea horse"});
  // A plain name may hold digits and tabs after its start; only a leading LABEL<TAB> is a label.
  CHECK(read_class_names("3 wheels\nx\t1\n", "p.txt") == ClassNames{"3 wheels", "x\t1"});
}

TEST_CASE("[labels] malformed class-names files name the line") {
  const auto read = [](const std::string& t) { return read_class_names(t, "n.txt"); };
  REQUIRE_THROWS_AS(read(""), PatternFileError);
  REQUIRE_THROWS_WITH(read("\n \n"), Contains("n.txt: file holds no class names"));
  REQUIRE_THROWS_WITH(read("a\n\nb\n"), Contains("n.txt line 2: class 1 has no name"));
  REQUIRE_THROWS_WITH(read("1\ta\nb\n"), Contains("n.txt line 2: expected LABEL<TAB>NAME"));
  REQUIRE_THROWS_WITH(read("a\n1\tb\n"), Contains("n.txt line 2: a LABEL<TAB>NAME line in a file "
                                                  "of plain names"));
  REQUIRE_THROWS_WITH(read("1\ta\n1\tb\n"),
                      Contains("n.txt line 2: label 1 is named twice ('a' and 'b')"));
  REQUIRE_THROWS_WITH(read("256\tx\n"), Contains("line 1: label 256 is out of range"));
  REQUIRE_THROWS_WITH(read("99999999999999999999\tx\n"),
                      Contains("label 99999999999999999999 is out of range"));
  REQUIRE_THROWS_WITH(read("1\t \n"), Contains("line 1: class 1 has no name"));
  std::string many;
  for (int k = 0; k < 257; ++k) many.append("c").append(std::to_string(k)).append("\n");
  REQUIRE_THROWS_WITH(read(many), Contains("n.txt line 257: more than 256 class names"));
  CHECK(read(many.substr(0, many.rfind("c256"))).size() == 256);
}

// ---- naming and selecting by class ----

TEST_CASE("[labels] patterns are named '<class> #k' by their labels") {
  std::vector<Pattern> patterns = three_labelled_patterns();
  const PatternClasses classes = name_by_class(patterns, {2, 0, 2}, kDigits, "l.idx", "n.txt");
  CHECK(patterns[0].name == "two #0");
  CHECK(patterns[1].name == "zero #1");
  CHECK(patterns[2].name == "two #2");
  CHECK(classes.labels == std::vector<int>{2, 0, 2});
  // Without names, a class is its label number.
  std::vector<Pattern> unnamed = three_labelled_patterns();
  name_by_class(unnamed, {5, 0, 5}, {}, "l.idx");
  CHECK(unnamed[0].name == "5 #0");
  CHECK(unnamed[1].name == "0 #1");
}

TEST_CASE("[labels] a labels count unlike the images count, or an unnamed label, is refused") {
  std::vector<Pattern> patterns = three_labelled_patterns();
  REQUIRE_THROWS_AS(name_by_class(patterns, {0, 1}, kDigits, "l.idx"), PatternFileError);
  REQUIRE_THROWS_WITH(name_by_class(patterns, {0, 1}, kDigits, "l.idx"),
                      Contains("l.idx: holds 2 labels for 3 images"));
  REQUIRE_THROWS_WITH(name_by_class(patterns, {0, 1, 2, 0}, kDigits, "l.idx"),
                      Contains("holds 4 labels for 3 images"));
  REQUIRE_THROWS_WITH(name_by_class(patterns, {0, 3, 1}, kDigits, "l.idx", "n.txt"),
                      Contains("l.idx byte 9: label 3 of image 1 has no class name in n.txt"));
  REQUIRE_THROWS_WITH(name_by_class(patterns, {0, 1, 2}, {"zero", "", "two"}, "l.idx", "n.txt"),
                      Contains("byte 9: label 1 of image 1 has no class name"));
  CHECK(patterns[0].name == "three #0");  // refused before any pattern was renamed
}

TEST_CASE("[labels] select_by_class matches exact names, ignoring case, in file order") {
  const PatternClasses classes{{2, 0, 1, 2, 0}, kDigits};
  CHECK(select_by_class(classes, {"two"}) == std::vector<int>{0, 3});
  CHECK(select_by_class(classes, {"TWO", "Zero"}) == std::vector<int>{0, 1, 3, 4});
  CHECK(select_by_class(classes, {"one", "one"}) == std::vector<int>{2});
  // Without names the label numbers are the classes.
  const PatternClasses numbered{{7, 3, 7}, {}};
  CHECK(select_by_class(numbered, {"7"}) == std::vector<int>{0, 2});
  REQUIRE_THROWS_WITH(select_by_class(numbered, {"4"}),
                      Contains("unknown class '4': classes are '3', '7'"));
  // A named class with no pattern in the set selects nothing; the caller decides.
  const PatternClasses sparse{{0, 0}, kDigits};
  CHECK(select_by_class(sparse, {"two"}).empty());
}

TEST_CASE("[labels] an unknown class is named, with the classes that start most like it") {
  const PatternClasses caltech{
      {82, 83},
      read_class_names("79\tsaxophone\n80\tschooner\n81\tscissors\n82\tscorpion\n83\tsea horse\n"
                       "84\tsnoopy\n1\tAirplanes Side 2\n",
                       "c.txt")};
  REQUIRE_THROWS_AS(select_by_class(caltech, {"seahorse"}), std::invalid_argument);
  REQUIRE_THROWS_WITH(select_by_class(caltech, {"sea horse", "seahorse"}),
                      Contains("unknown class 'seahorse': classes are 'sea horse', 'saxophone', "
                               "'schooner', 'scissors', 'scorpion', ... (7 in all)"));
  CHECK(select_by_class(caltech, {"Sea Horse"}) == std::vector<int>{1});
}

TEST_CASE("[labels] class lists split at commas and are trimmed") {
  CHECK(parse_class_list("sea horse, headphone", "--class") ==
        std::vector<std::string>{"sea horse", "headphone"});
  CHECK(parse_class_list("Sneaker", "--class") == std::vector<std::string>{"Sneaker"});
  REQUIRE_THROWS_WITH(parse_class_list("a,,b", "--class"),
                      Contains("--class expects class names separated by commas, got 'a,,b'"));
  REQUIRE_THROWS_AS(parse_class_list("", "--class"), std::invalid_argument);
  REQUIRE_THROWS_AS(parse_class_list("a,", "--class"), std::invalid_argument);
  REQUIRE_THROWS_AS(parse_class_list(" ", "--class"), std::invalid_argument);
}

// ---- finding and loading the files beside an images file ----

TEST_CASE("[labels] companion files: labels and class names beside an images file") {
  const auto caltech =
      companion_files("../shared/data/caltech101-silhouettes-16-images-idx3-ubyte.gz");
  REQUIRE(caltech);
  CHECK(caltech->labels == "../shared/data/caltech101-silhouettes-16-labels-idx1-ubyte.gz");
  CHECK(caltech->class_names == "../shared/data/caltech101-silhouettes-classnames.txt");
  const auto mnist = companion_files("data/mnist-28-images-idx3-ubyte.gz");
  REQUIRE(mnist);
  CHECK(mnist->labels == "data/mnist-28-labels-idx1-ubyte.gz");
  CHECK(mnist->class_names == "data/mnist-classnames.txt");
  const auto raw = companion_files("train-images-idx3-ubyte");  // no size, not compressed
  REQUIRE(raw);
  CHECK(raw->labels == "train-labels-idx1-ubyte");
  CHECK(raw->class_names == "train-classnames.txt");
  const auto fashion = companion_files("/a-1/fashion-mnist-16-images-idx3-ubyte");
  REQUIRE(fashion);
  CHECK(fashion->class_names == "/a-1/fashion-mnist-classnames.txt");
  CHECK(companion_files("/d/28-images-idx3-ubyte")->class_names == "/d/28-classnames.txt");
  CHECK_FALSE(companion_files("letters.txt"));
  CHECK_FALSE(companion_files("-images-idx3-ubyte.gz"));
  CHECK_FALSE(companion_files("/d/-images-idx3-ubyte"));
  CHECK_FALSE(companion_files("x-images-idx3-ubyte.gz.bak"));
  CHECK_FALSE(companion_files("x-labels-idx1-ubyte.gz"));
  CHECK_FALSE(companion_files("x-images-idx3-ubyte/"));
}

TEST_CASE("[labels] load_labelled_patterns picks up the labels and names beside the images") {
  const TempDir dir("labels");
  const std::string images = dir.file("t-8-images-idx3-ubyte.gz");
  write_file(images, gzip_stored(idx_bytes(3, 1, 2, {255, 0, 0, 255, 255, 255})));
  // No labels: the patterns keep their names and there are no classes.
  LabelledPatterns plain = load_labelled_patterns(images);
  CHECK_FALSE(plain.classes);
  CHECK(plain.patterns[1].name == images + " #1");
  // Labels without names: classes by number. A names file alone is ignored.
  write_file(dir.file("t-classnames.txt"), "zero\none\ntwo\n");
  CHECK_FALSE(load_labelled_patterns(images).classes);
  write_file(dir.file("t-8-labels-idx1-ubyte.gz"), gzip_stored(idx_label_bytes(3, {1, 2, 1})));
  LabelledPatterns named = load_labelled_patterns(images);
  REQUIRE(named.classes);
  CHECK(named.patterns[0].name == "one #0");
  CHECK(named.patterns[1].name == "two #1");
  CHECK(select_by_class(*named.classes, {"One"}) == std::vector<int>{0, 2});
  std::filesystem::remove(dir.file("t-classnames.txt"));
  CHECK(load_labelled_patterns(images).patterns[1].name == "2 #1");
  // A companion that is there but wrong fails the load, naming it.
  write_file(dir.file("t-8-labels-idx1-ubyte.gz"), gzip_stored(idx_label_bytes(2, {1, 2})));
  REQUIRE_THROWS_WITH(
      load_labelled_patterns(images),
      Contains(dir.file("t-8-labels-idx1-ubyte.gz") + ": holds 2 labels for 3 images"));
  write_file(dir.file("t-8-labels-idx1-ubyte.gz"), idx_label_bytes(3, {1, 2}));
  REQUIRE_THROWS_WITH(load_labelled_patterns(images), Contains("truncated IDX data"));
}

// ---- the real data set ----

// The counts are taken from the labels file's own bytes here, not from the code under test.
TEST_CASE("[labels] Caltech 101 silhouettes load with class names, and select by class") {
  const std::string dir = HOPFIELD_SHARED_DATA_DIR;
  for (const std::string size : {"16", "28"}) {
    const std::string images = dir + "/caltech101-silhouettes-" + size + "-images-idx3-ubyte.gz";
    const std::string labels_file =
        dir + "/caltech101-silhouettes-" + size + "-labels-idx1-ubyte.gz";
    if (!file_exists(images) || !file_exists(labels_file)) {
      WARN("skipped: " << images
                       << " or its labels not found (a user's clone has no "
                          "../shared/data)");
      return;
    }
    const std::string label_bytes = gunzip(file_bytes(labels_file), labels_file).substr(8);
    const auto count = [&](int label) {
      return static_cast<std::size_t>(
          std::count(label_bytes.begin(), label_bytes.end(), static_cast<char>(label)));
    };
    const LabelledPatterns set = load_labelled_patterns(images);
    REQUIRE(set.classes);
    REQUIRE(set.patterns.size() == label_bytes.size());
    CHECK(set.classes->known_labels().size() == 101);
    // Image 0 is an airplane (label 1, "Airplanes Side 2"); the last is a yin yang (101).
    CHECK(set.patterns[0].name == "Airplanes Side 2 #0");
    CHECK(set.patterns.back().name == "yin yang #" + std::to_string(set.patterns.size() - 1));
    const std::vector<int> sea_horses = select_by_class(*set.classes, {"sea horse"});
    CHECK(sea_horses.size() == count(83));
    CHECK(sea_horses.size() > 0);
    for (const int k : sea_horses) CHECK(label_bytes[static_cast<std::size_t>(k)] == 83);
    CHECK(
        select_by_class(*set.classes, parse_class_list("Headphone, sea horse", "--class")).size() ==
        count(49) + count(83));
  }
}
