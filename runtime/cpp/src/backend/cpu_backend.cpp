// The CPU backend: one device, eager execution (work has completed when the call that issued it
// returns), streams and events emulated (stream_emulation.cpp), honest process memory numbers.
//
// Memory: torch's CPU allocator has no cache, so "allocated" and "reserved" are both the process's
// resident set size (RSS) and their peaks its high-water mark. reset_peak_memory_stats() restarts the
// kernel's high-water mark where Linux allows it (/proc/self/clear_refs); elsewhere it keeps a
// baseline and reports the larger of a new process peak above that baseline and the RSS seen at
// torchdevice calls since the reset (a lower bound of the true peak). Either way the peak is never
// below a value memory_allocated() returned since the reset (the kernel's counters are updated
// lazily and can lag the RSS by a few pages).
#include "backend/host_info.h"
#include "backend/stream_emulation.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/Generator.h>

#include <algorithm>
#include <mutex>
#include <optional>

namespace torchdevice::detail {
namespace {

class RssPeak {
 public:
  void reset() {
    const bool kernel_reset = host::reset_peak_rss();
    const auto current = host::rss_bytes();
    const auto peak = kernel_reset ? std::optional<std::int64_t>() : host::peak_rss_bytes();
    std::lock_guard<std::mutex> lock(mutex_);
    baseline_ = peak;
    observed_ = current;
  }

  /// The current RSS, remembered as a lower bound of the peak.
  std::int64_t observe() {
    const auto current = host::rss_bytes();
    std::lock_guard<std::mutex> lock(mutex_);
    observed_ = std::max(observed_, current);
    return current;
  }

  std::int64_t value() {
    const auto peak = host::peak_rss_bytes();
    (void)observe();
    std::lock_guard<std::mutex> lock(mutex_);
    if (!baseline_ || peak > *baseline_) {
      return std::max(peak, observed_);
    }
    return observed_;
  }

 private:
  std::mutex mutex_;
  std::optional<std::int64_t> baseline_; // kernel peak at a reset the kernel refused
  std::int64_t observed_ = 0;
};

class CpuBackend final : public EmulatedBackend {
 public:
  c10::DeviceType type() const noexcept override { return c10::kCPU; }
  bool is_available() const override { return true; }

  std::string device_name(c10::DeviceIndex) const override { return host::cpu_name(); }

  void manual_seed(std::uint64_t seed, bool) const override {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_current_seed(seed);
  }

  std::int64_t memory_allocated(c10::Device) const override { return peak_.observe(); }
  std::int64_t max_memory_allocated(c10::Device) const override { return peak_.value(); }
  std::int64_t memory_reserved(c10::Device) const override { return peak_.observe(); }
  std::int64_t max_memory_reserved(c10::Device) const override { return peak_.value(); }
  void empty_cache() const override {} // nothing cached
  std::pair<std::int64_t, std::int64_t> mem_get_info(c10::Device) const override {
    return host::system_memory();
  }
  void reset_peak_memory_stats(c10::Device) const override { peak_.reset(); }

 protected:
  c10::Device the_device() const noexcept override { return c10::Device(c10::kCPU); }
  void drain_queue() const override {} // eager: nothing queued

 private:
  mutable RssPeak peak_;
};

} // namespace

const Backend& cpu_backend() {
  static const auto* const backend = new CpuBackend(); // leaked: usable during static destruction
  return *backend;
}

} // namespace torchdevice::detail
