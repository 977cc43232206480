// The desktop's experiment backend: the units run on a std::thread, in unit order, and come
// back to the UI thread through a queue it polls once a frame. (The browser's is a Web Worker,
// in web/bridge.cpp.)
#include <atomic>
#include <fstream>
#include <filesystem>
#include <mutex>
#include <thread>

#include "app/state/experiment_run.hpp"
#include "core/io/json.hpp"

namespace hlab {
namespace {

namespace ex = hopfield::experiments;

class ThreadBackend : public ExperimentBackend {
 public:
  ~ThreadBackend() override { cancel(); }

  void start(const std::string& spec_json,
             const std::vector<std::pair<std::string, std::string>>& files) override {
    cancel();
    // Files the spec names by a relative path are written to a folder of their own.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "hopfield-lab";
    std::filesystem::create_directories(dir);
    hopfield::JsonValue spec = hopfield::parse_json(spec_json);
    for (const auto& [name, bytes] : files) {
      std::ofstream(dir / name, std::ios::binary) << bytes;
      for (auto& [key, value] : spec.members)
        if (value.is(hopfield::JsonValue::Type::string) && value.text == name)
          value.text = (dir / name).string();
    }
    stop_ = false;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      update_ = {};
    }
    thread_ = std::thread([this, spec = std::move(spec)] { run(spec); });
  }

  void cancel() override {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

  Update poll() override {
    const std::lock_guard<std::mutex> lock(mutex_);
    Update u = std::move(update_);
    update_ = {};
    return u;
  }

 private:
  void run(const hopfield::JsonValue& spec) {
    try {
      std::unique_ptr<ex::Experiment> e = ex::make_experiment(spec);
      e->prepare();
      long long taken = 0;
      ex::run_unit_loop(*e, ex::all_units(*e), [&] { return taken++; }, [this] { return stop_.load(); },
                        [this](long long, ex::UnitRecord&& r) {
                          const std::lock_guard<std::mutex> lock(mutex_);
                          update_.records.push_back(std::move(r));
                        });
    } catch (const std::exception& e) {
      const std::lock_guard<std::mutex> lock(mutex_);
      update_.error = e.what();
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    update_.finished = true;
  }

  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  Update update_;
};

}  // namespace

std::unique_ptr<ExperimentBackend> make_experiment_backend() {
  return std::make_unique<ThreadBackend>();
}

}  // namespace hlab
