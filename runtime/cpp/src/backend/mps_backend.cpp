// The MPS backend (Apple silicon): one device with one in-order command queue. Streams and events are
// emulated (stream_emulation.cpp); waiting for the queue, memory counters and the generator use
// LibTorch's MPS hooks where this LibTorch has them (torch >= 2.x), detected at compile time, and a
// host round trip / zeros / the CPU generator where it has not (torch 1.13).
#include "backend/host_info.h"
#include "backend/stream_emulation.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>
#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <ATen/ops/empty.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>

#if __has_include(<ATen/detail/MPSHooksInterface.h>)
#include <ATen/detail/MPSHooksInterface.h>
#define TORCHDEVICE_HAVE_MPS_HOOKS 1
#else
#define TORCHDEVICE_HAVE_MPS_HOOKS 0
#endif

#include <algorithm>
#include <mutex>
#include <optional>

namespace torchdevice::detail {
namespace {

// Each helper answers "not available" (false / nullopt) when the hooks lack the member.
template <class Hooks>
bool hooks_synchronize(const Hooks& hooks) {
  if constexpr (requires { hooks.deviceSynchronize(); }) {
    hooks.deviceSynchronize();
    return true;
  } else {
    return false;
  }
}

template <class Hooks>
std::optional<std::int64_t> hooks_allocated(const Hooks& hooks) {
  if constexpr (requires { hooks.getCurrentAllocatedMemory(); }) {
    return static_cast<std::int64_t>(hooks.getCurrentAllocatedMemory());
  } else {
    return std::nullopt;
  }
}

template <class Hooks>
std::optional<std::int64_t> hooks_driver_allocated(const Hooks& hooks) {
  if constexpr (requires { hooks.getDriverAllocatedMemory(); }) {
    return static_cast<std::int64_t>(hooks.getDriverAllocatedMemory());
  } else {
    return std::nullopt;
  }
}

template <class Hooks>
std::optional<std::int64_t> hooks_recommended_max(const Hooks& hooks) {
  if constexpr (requires { hooks.getRecommendedMaxMemory(); }) {
    return static_cast<std::int64_t>(hooks.getRecommendedMaxMemory());
  } else {
    return std::nullopt;
  }
}

template <class Hooks>
void hooks_empty_cache(const Hooks& hooks) {
  if constexpr (requires { hooks.emptyCache(); }) {
    hooks.emptyCache();
  }
}

#if TORCHDEVICE_HAVE_MPS_HOOKS
const at::MPSHooksInterface& hooks() {
  return at::detail::getMPSHooks();
}
#else
struct NoHooks {}; // torch 1.13: no MPS hooks header
NoHooks hooks() {
  return {};
}
#endif

/// Largest value seen by the memory queries since start or the last reset (MPS keeps no peaks).
class ObservedPeak {
 public:
  std::int64_t update(std::int64_t value) {
    std::lock_guard<std::mutex> lock(mutex_);
    peak_ = std::max(peak_, value);
    return peak_;
  }
  void reset(std::int64_t value) {
    std::lock_guard<std::mutex> lock(mutex_);
    peak_ = value;
  }

 private:
  std::mutex mutex_;
  std::int64_t peak_ = 0;
};

class MpsBackend final : public EmulatedBackend {
 public:
  c10::DeviceType type() const noexcept override { return c10::kMPS; }

  bool is_available() const override {
    return c10::impl::hasDeviceGuardImpl(c10::kMPS) && at::hasMPS();
  }

  std::string device_name(c10::DeviceIndex) const override { return host::cpu_name(); }

  void manual_seed(std::uint64_t seed, bool) const override {
    at::Generator generator;
    try {
      generator = at::globalContext().defaultGenerator(c10::Device(c10::kMPS, 0));
    } catch (const c10::Error&) {
      generator = at::detail::getDefaultCPUGenerator(); // torch 1.13: MPS random ops use it
    }
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_current_seed(seed);
  }

  std::int64_t memory_allocated(c10::Device) const override {
    const auto value = hooks_allocated(hooks()).value_or(0);
    allocated_peak_.update(value);
    return value;
  }
  std::int64_t max_memory_allocated(c10::Device device) const override {
    return allocated_peak_.update(memory_allocated(device));
  }
  std::int64_t memory_reserved(c10::Device) const override {
    const auto value = hooks_driver_allocated(hooks()).value_or(0);
    reserved_peak_.update(value);
    return value;
  }
  std::int64_t max_memory_reserved(c10::Device device) const override {
    return reserved_peak_.update(memory_reserved(device));
  }
  void empty_cache() const override { hooks_empty_cache(hooks()); }
  std::pair<std::int64_t, std::int64_t> mem_get_info(c10::Device device) const override {
    const auto total = hooks_recommended_max(hooks()).value_or(host::system_memory().second);
    return {std::max<std::int64_t>(total - memory_reserved(device), 0), total};
  }
  void reset_peak_memory_stats(c10::Device) const override {
    allocated_peak_.reset(hooks_allocated(hooks()).value_or(0));
    reserved_peak_.reset(hooks_driver_allocated(hooks()).value_or(0));
  }

 protected:
  c10::Device the_device() const noexcept override { return c10::Device(c10::kMPS, 0); }

  void drain_queue() const override {
    if (!hooks_synchronize(hooks())) {
      // A copy to the host waits for the MPS queue (all work issued before it).
      (void)at::empty({1}, at::TensorOptions().device(the_device())).cpu();
    }
  }

 private:
  mutable ObservedPeak allocated_peak_;
  mutable ObservedPeak reserved_peak_;
};

} // namespace

const Backend& mps_backend() {
  static const auto* const backend = new MpsBackend(); // leaked: usable during static destruction
  return *backend;
}

} // namespace torchdevice::detail
