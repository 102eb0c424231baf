// Device selection, device queries, seeds and memory numbers of the C++ runtime, pinned on the CPU
// (Debian's LibTorch has neither CUDA nor MPS; an availability probe stands in for them where only
// the selection logic is tested).
#include <torchdevice/testing.h>
#include <torchdevice/torchdevice.h>

#include <ATen/core/Tensor.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/rand.h>
#include <c10/util/Exception.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr std::int64_t kMiB = 1024 * 1024;

// At namespace scope, as the port writes it (the fixture's reset forgets it again).
TORCHDEVICE_PREFER("cpu");

class Runtime : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv(torchdevice::kDeviceEnvVar);
    torchdevice::testing::reset();
    previous_ = torchdevice::set_warning_handler(
        [this](const std::string& message) { warnings_.push_back(message); });
  }

  void TearDown() override {
    torchdevice::set_warning_handler(previous_);
    ::unsetenv(torchdevice::kDeviceEnvVar);
    torchdevice::testing::reset();
  }

  static void set_env(const char* value) { ::setenv(torchdevice::kDeviceEnvVar, value, 1); }

  /// Pretend exactly `available` types are usable (selection only).
  static void fake_available(std::set<c10::DeviceType> available) {
    torchdevice::testing::set_availability_probe(
        [available](c10::DeviceType type) { return available.count(type) > 0; });
  }

  std::vector<std::string> warnings_;

 private:
  torchdevice::WarningHandler previous_;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::int64_t statm_rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0;
  std::int64_t resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
}

std::int64_t meminfo_bytes(const std::string& key) {
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    if (line.rfind(key + ":", 0) == 0) {
      std::istringstream values(line.substr(key.size() + 1));
      std::int64_t kib = 0;
      values >> kib;
      return kib * 1024;
    }
  }
  return -1;
}

// Selection ---------------------------------------------------------------------------------------

TEST_F(Runtime, AutoSelectsCpuSilentlyOnCpuOnlyLibTorch) {
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  EXPECT_EQ(torchdevice::device(), c10::Device(c10::kCPU));
  EXPECT_TRUE(torchdevice::is_available());
  EXPECT_FALSE(torchdevice::is_accelerator());
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, PreferCpuSelectsCpuSilently) {
  torchdevice::prefer("cpu");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, UnavailablePreferenceFallsBackToCpuWithOneWarning) {
  torchdevice::prefer("cuda");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  EXPECT_EQ(torchdevice::device(), c10::Device(c10::kCPU));
  (void)torchdevice::device_count();
  (void)torchdevice::current_stream();
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_EQ(warnings_[0], "cuda requested by prefer() is not available; using cpu");
}

TEST_F(Runtime, PreferAcceptsDeviceTypesAndIndexedNames) {
  torchdevice::prefer(c10::kMPS);
  torchdevice::prefer(" CUDA:1 "); // the latest call before the first use wins; the index is ignored
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_TRUE(contains(warnings_[0], "cuda requested by prefer()"));
}

TEST_F(Runtime, LatestPreferenceBeforeFirstUseWins) {
  torchdevice::prefer("mps");
  torchdevice::prefer("cpu");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, PreferAfterSelectionWarnsOnceAndChangesNothing) {
  torchdevice::prefer("cpu");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  torchdevice::prefer("mps");
  torchdevice::prefer(c10::kCUDA);
  torchdevice::prefer("auto");
  torchdevice::prefer("cpu");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_TRUE(contains(warnings_[0], "prefer(\"mps\") ignored, device already selected as cpu"));
}

TEST_F(Runtime, UnknownPreferenceThrowsValueError) {
  EXPECT_THROW(torchdevice::prefer("tpu"), c10::ValueError);
  EXPECT_THROW(torchdevice::prefer(c10::kXLA), c10::ValueError);
  EXPECT_THROW(torchdevice::prefer(""), c10::ValueError);
}

TEST_F(Runtime, EnvironmentOverridesPreference) {
  fake_available({c10::kCUDA, c10::kMPS, c10::kCPU});
  torchdevice::prefer("mps");
  set_env("cpu");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, UnavailableEnvironmentChoiceFallsBackWithWarningNamingIt) {
  set_env("mps");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_EQ(warnings_[0], "mps requested by TORCHDEVICE_DEVICE=mps is not available; using cpu");
}

TEST_F(Runtime, EnvironmentAutoIgnoresPreference) {
  fake_available({c10::kCUDA, c10::kMPS, c10::kCPU});
  torchdevice::prefer("cpu");
  set_env("auto");
  EXPECT_EQ(torchdevice::device_type(), c10::kCUDA);
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, PreferenceUnderEnvironmentOverrideIsSilentAfterSelection) {
  set_env("cpu");
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  torchdevice::prefer("mps");
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, UnknownEnvironmentValueThrowsValueErrorAtFirstUse) {
  set_env("tpu");
  torchdevice::prefer("cpu"); // records only
  EXPECT_THROW((void)torchdevice::device_type(), c10::ValueError);
}

TEST_F(Runtime, AutoTakesFirstAvailableOfCudaMpsCpu) {
  fake_available({c10::kMPS, c10::kCPU});
  EXPECT_EQ(torchdevice::device_type(), c10::kMPS);
  torchdevice::testing::reset();
  fake_available({c10::kCUDA, c10::kMPS, c10::kCPU});
  EXPECT_EQ(torchdevice::device_type(), c10::kCUDA);
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(Runtime, FallbackSkipsTheUnavailableWantedType) {
  fake_available({c10::kMPS, c10::kCPU});
  torchdevice::prefer("cuda");
  EXPECT_EQ(torchdevice::device_type(), c10::kMPS);
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_EQ(warnings_[0], "cuda requested by prefer() is not available; using mps");
}

TEST_F(Runtime, PreferMacroRecordsPreferenceWhenReached) {
  static int runs = 0;
  if (runs++ > 0) {
    GTEST_SKIP() << "the macro's static flag is initialized once per process (--gtest_repeat)";
  }
  TORCHDEVICE_PREFER("cuda"); // function scope works too: recorded when first reached
  EXPECT_EQ(torchdevice::device_type(), c10::kCPU);
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_TRUE(contains(warnings_[0], "cuda requested by prefer()"));
}

TEST_F(Runtime, PreferAtStartupTurnsErrorsIntoWarnings) {
  EXPECT_FALSE(torchdevice::detail::prefer_at_startup("tpu"));
  ASSERT_EQ(warnings_.size(), 1U);
  EXPECT_TRUE(contains(warnings_[0], "TORCHDEVICE_PREFER ignored"));
  EXPECT_TRUE(torchdevice::detail::prefer_at_startup("cpu"));
}

TEST_F(Runtime, DefaultWarningHandlerPrintsOneLineToStderr) {
  torchdevice::set_warning_handler({});
  std::ostringstream captured;
  auto* const previous = std::cerr.rdbuf(captured.rdbuf());
  torchdevice::prefer("mps");
  (void)torchdevice::device_type();
  (void)torchdevice::device();
  std::cerr.rdbuf(previous);
  EXPECT_EQ(captured.str(), "torchdevice: warning: mps requested by prefer() is not available; using cpu\n");
}

// Device queries ------------------------------------------------------------------------------------

TEST_F(Runtime, DeviceQueriesOnCpu) {
  EXPECT_EQ(torchdevice::device(3), c10::Device(c10::kCPU)); // one device: index ignored
  EXPECT_EQ(torchdevice::device_string(), "cpu");
  EXPECT_EQ(torchdevice::device_string(2), "cpu");
  EXPECT_EQ(torchdevice::device_count(), 1U);
  EXPECT_EQ(torchdevice::current_device(), 0);
  torchdevice::set_device(1); // multi-GPU code runs unchanged
  torchdevice::set_device(c10::Device("cuda:1"));
  torchdevice::set_device(c10::Device(c10::kCPU));
  EXPECT_EQ(torchdevice::current_device(), 0);
  EXPECT_TRUE(torchdevice::is_on_device(at::ones({2})));
}

TEST_F(Runtime, DeviceNameIsTheCpuModel) {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  std::string model;
  while (std::getline(cpuinfo, line) && model.empty()) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
    }
  }
  const auto name = torchdevice::get_device_name();
  EXPECT_FALSE(name.empty());
  if (!model.empty()) {
    EXPECT_EQ(name, model);
  }
}

TEST_F(Runtime, SynchronizeIsANoOpOnCpuAndChecksItsIndex) {
  torchdevice::synchronize();
  torchdevice::synchronize(0);
  EXPECT_THROW(torchdevice::synchronize(1000), c10::Error);
}

TEST_F(Runtime, ManualSeedMakesRandomNumbersReproducible) {
  torchdevice::manual_seed(42);
  const auto first = at::rand({16});
  torchdevice::manual_seed(42);
  EXPECT_TRUE(at::equal(first, at::rand({16})));
  torchdevice::manual_seed_all(42);
  EXPECT_TRUE(at::equal(first, at::rand({16})));
  torchdevice::manual_seed(43);
  EXPECT_FALSE(at::equal(first, at::rand({16})));
}

// Memory (honest process numbers on the CPU) --------------------------------------------------------

TEST_F(Runtime, MemoryAllocatedIsTheResidentSetSize) {
  const auto before = statm_rss_bytes();
  const auto allocated = torchdevice::memory_allocated();
  const auto reserved = torchdevice::memory_reserved();
  const auto after = statm_rss_bytes();
  EXPECT_GE(allocated, before - 16 * kMiB);
  EXPECT_LE(allocated, after + 16 * kMiB);
  EXPECT_GE(reserved, before - 16 * kMiB);
  EXPECT_LE(reserved, after + 16 * kMiB);
  EXPECT_GE(torchdevice::max_memory_allocated(), allocated - 16 * kMiB);
  EXPECT_EQ(torchdevice::max_memory_allocated(0), torchdevice::max_memory_reserved(0));
}

TEST_F(Runtime, MemoryFollowsALargeTensorAndItsPeak) {
  const auto before = torchdevice::memory_allocated();
  std::int64_t during = 0;
  {
    const auto big = at::ones({64 * kMiB}); // 256 MiB of float, touched
    during = torchdevice::memory_allocated();
    EXPECT_GE(during - before, 200 * kMiB);
    EXPECT_GE(torchdevice::max_memory_allocated(), during);
  }
  const auto after = torchdevice::memory_allocated();
  EXPECT_LT(after, during - 128 * kMiB); // freed: the RSS goes down
  EXPECT_GE(torchdevice::max_memory_allocated(), during); // the peak stays
  torchdevice::reset_peak_memory_stats();
  const auto peak_after_reset = torchdevice::max_memory_allocated();
  EXPECT_LT(peak_after_reset, during - 128 * kMiB);
  EXPECT_GE(peak_after_reset, torchdevice::memory_allocated() - 16 * kMiB);
}

TEST_F(Runtime, MemGetInfoIsSystemMemory) {
  const auto [free_bytes, total_bytes] = torchdevice::mem_get_info();
  const auto total = meminfo_bytes("MemTotal");
  if (total > 0) {
    EXPECT_EQ(total_bytes, total);
  }
  EXPECT_GT(free_bytes, 0);
  EXPECT_LE(free_bytes, total_bytes);
}

TEST_F(Runtime, EmptyCacheIsANoOpOnCpu) {
  const auto before = torchdevice::memory_reserved();
  torchdevice::empty_cache();
  EXPECT_NEAR(static_cast<double>(torchdevice::memory_reserved()), static_cast<double>(before),
              static_cast<double>(16 * kMiB));
}

} // namespace
