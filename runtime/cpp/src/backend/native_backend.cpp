// The native backend: devices, streams and events through LibTorch's device-generic guard
// implementation (c10::impl::DeviceGuardImplInterface, c10::Stream, c10::Event), so one source serves
// every LibTorch that registers one with real streams (CUDA; also HIP, XPU). Newer LibTorch features
// are detected at compile time with concepts:
//   * c10::Event::elapsedTime / synchronize (torch >= 2.x): native timing and host waits; without
//     them (torch 1.13) a timing event synchronizes its stream when recorded and keeps the host time,
//     and Event::synchronize polls query();
//   * DeviceGuardImplInterface::synchronizeDevice: else CUDAHooks::deviceSynchronize on CUDA.
// What has no generic interface (memory statistics, names, priorities) is in cuda_extras.cpp.
#include "backend/backend.h"
#include "backend/cuda_extras.h"

#include <ATen/Context.h>
#include <ATen/core/Generator.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <c10/util/Exception.h>

#include <array>
#include <atomic>
#include <mutex>
#include <thread>

namespace torchdevice::detail {
namespace {

template <class E>
concept EventHasElapsedTime = requires(const E& event) { event.elapsedTime(event); };
template <class E>
concept EventHasSynchronize = requires(const E& event) { event.synchronize(); };
template <class Impl>
concept ImplHasSynchronizeDevice =
    requires(const Impl& impl, c10::DeviceIndex index) { impl.synchronizeDevice(index); };
template <class Hooks>
concept HooksHaveDeviceSynchronize =
    requires(const Hooks& hooks, std::int64_t index) { hooks.deviceSynchronize(index); };

constexpr bool kNativeElapsedTime = EventHasElapsedTime<c10::Event>;

template <class E>
double native_elapsed_ms(const E& start, const E& end) {
  if constexpr (EventHasElapsedTime<E>) {
    return start.elapsedTime(end);
  } else {
    return 0.0; // not called: kNativeElapsedTime is false
  }
}

template <class E>
void native_event_synchronize(const E& event) {
  if constexpr (EventHasSynchronize<E>) {
    event.synchronize();
  } else {
    while (!event.query()) {
      std::this_thread::yield();
    }
  }
}

template <class Hooks>
bool cuda_hooks_synchronize(const Hooks& hooks, c10::DeviceIndex index) {
  if constexpr (HooksHaveDeviceSynchronize<Hooks>) {
    hooks.deviceSynchronize(index);
    return true;
  } else {
    return false;
  }
}

template <class Impl>
void native_device_synchronize(const Impl& impl, c10::DeviceType type, c10::DeviceIndex index) {
  if constexpr (ImplHasSynchronizeDevice<Impl>) {
    impl.synchronizeDevice(index);
  } else {
    if (type == c10::kCUDA && cuda_hooks_synchronize(at::detail::getCUDAHooks(), index)) {
      return;
    }
    // No device-wide wait in this LibTorch: wait for the default and this thread's current stream.
    const c10::Device device(type, index);
    impl.synchronizeStream(impl.getDefaultStream(device));
    impl.synchronizeStream(impl.getStream(device));
  }
}

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

class NativeBackend final : public Backend {
 public:
  explicit NativeBackend(c10::DeviceType type) : type_(type) {}

  c10::DeviceType type() const noexcept override { return type_; }

  bool is_available() const override {
    return c10::impl::hasDeviceGuardImpl(type_) && impl().deviceCount() > 0;
  }

  std::size_t device_count() const override {
    if (!c10::impl::hasDeviceGuardImpl(type_)) {
      return 0;
    }
    const auto count = impl().deviceCount();
    return count > 0 ? static_cast<std::size_t>(count) : 0;
  }

  c10::DeviceIndex current_device() const override { return impl().getDevice().index(); }

  c10::Device device_at(c10::DeviceIndex index) const override {
    const auto& guard_impl = impl();
    const auto resolved = index < 0 ? guard_impl.getDevice().index() : index;
    const auto count = guard_impl.deviceCount();
    TORCH_CHECK(resolved >= 0 && resolved < count, "torchdevice: device index ", static_cast<int>(index),
                " is out of range: ", static_cast<int>(count), " ", type_, " device(s)");
    return c10::Device(type_, resolved);
  }

  c10::Device exchange_device(c10::Device device) const override {
    return impl().exchangeDevice(device);
  }

  void restore_device(c10::Device device) const noexcept override {
    impl().uncheckedSetDevice(device);
  }

  std::string device_name(c10::DeviceIndex index) const override {
    const auto device = device_at(index);
    if (type_ == c10::kCUDA) {
      return cuda::device_name(device.index());
    }
    return c10::DeviceTypeName(type_, /*lower_case=*/true);
  }

  void synchronize_device(c10::DeviceIndex index) const override {
    native_device_synchronize(impl(), type_, device_at(index).index());
  }

  void manual_seed(std::uint64_t seed, bool all_devices) const override {
    const auto seed_device = [&](c10::DeviceIndex index) {
      auto generator = at::globalContext().defaultGenerator(c10::Device(type_, index));
      std::lock_guard<std::mutex> lock(generator.mutex());
      generator.set_current_seed(seed);
    };
    if (!all_devices) {
      seed_device(current_device());
      return;
    }
    const auto count = impl().deviceCount();
    for (c10::DeviceIndex index = 0; index < count; ++index) {
      seed_device(index);
    }
  }

  c10::Stream current_stream(c10::Device device) const override { return impl().getStream(device); }
  c10::Stream default_stream(c10::Device device) const override {
    return impl().getDefaultStream(device);
  }
  c10::Stream pool_stream(c10::Device device, bool high_priority) const override {
    return impl().getStreamFromGlobalPool(device, high_priority);
  }
  c10::Stream exchange_stream(c10::Stream stream) const override {
    return impl().exchangeStream(stream);
  }
  bool query_stream(const c10::Stream& stream) const override { return impl().queryStream(stream); }
  void synchronize_stream(const c10::Stream& stream) const override {
    impl().synchronizeStream(stream);
  }
  void wait_stream(const c10::Stream& waiter, const c10::Stream& awaited) const override {
    c10::Event event(type_);
    event.record(awaited);
    event.block(waiter);
  }
  int stream_priority(const c10::Stream& stream) const override {
    return type_ == c10::kCUDA ? cuda::stream_priority(stream) : 0;
  }
  std::tuple<int, int> priority_range() const override {
    return type_ == c10::kCUDA ? cuda::priority_range() : std::tuple<int, int>{0, 0};
  }

  void record_event(EventState& event, const c10::Stream& stream) const override {
    if (!event.native) {
      event.native.emplace(type_, event.enable_timing ? c10::EventFlag::BACKEND_DEFAULT
                                                      : c10::EventFlag::PYTORCH_DEFAULT);
    }
    event.native->record(stream);
    event.stream = stream;
    event.host_time.reset();
    if (event.enable_timing && !kNativeElapsedTime) {
      impl().synchronizeStream(stream); // no generic elapsed time: time completed work on the host
      event.host_time = Clock::now();
    }
  }

  bool query_event(const EventState& event) const override {
    return !event.native || event.native->query();
  }

  void synchronize_event(const EventState& event) const override {
    if (event.native) {
      native_event_synchronize(*event.native);
    }
  }

  void block_event(const EventState& event, const c10::Stream& stream) const override {
    if (event.native) {
      event.native->block(stream);
    }
  }

  double elapsed_ms(const EventState& start, const EventState& end) const override {
    if (kNativeElapsedTime && start.native && end.native) {
      return native_elapsed_ms(*start.native, *end.native);
    }
    TORCH_CHECK(start.host_time && end.host_time,
                "Both events must be recorded before calculating elapsed time.");
    return milliseconds(*end.host_time - *start.host_time);
  }

  std::int64_t memory_allocated(c10::Device device) const override {
    check_memory_support();
    return cuda::memory_allocated(device.index());
  }
  std::int64_t max_memory_allocated(c10::Device device) const override {
    check_memory_support();
    return cuda::max_memory_allocated(device.index());
  }
  std::int64_t memory_reserved(c10::Device device) const override {
    check_memory_support();
    return cuda::memory_reserved(device.index());
  }
  std::int64_t max_memory_reserved(c10::Device device) const override {
    check_memory_support();
    return cuda::max_memory_reserved(device.index());
  }
  void empty_cache() const override {
    check_memory_support();
    cuda::empty_cache();
  }
  std::pair<std::int64_t, std::int64_t> mem_get_info(c10::Device device) const override {
    check_memory_support();
    return cuda::mem_get_info(device.index());
  }
  void reset_peak_memory_stats(c10::Device device) const override {
    check_memory_support();
    cuda::reset_peak_memory_stats(device.index());
  }

 private:
  const c10::impl::DeviceGuardImplInterface& impl() const {
    return *c10::impl::getDeviceGuardImpl(type_); // throws c10::Error when not linked in
  }

  void check_memory_support() const {
    TORCH_CHECK(type_ == c10::kCUDA, "torchdevice: memory statistics are not supported on ", type_);
  }

  c10::DeviceType type_;
};

} // namespace

const Backend& native_backend(c10::DeviceType type) {
  constexpr auto kTypes = static_cast<std::size_t>(c10::DeviceType::COMPILE_TIME_MAX_DEVICE_TYPES);
  static std::array<std::atomic<const Backend*>, kTypes> backends{};
  static std::mutex mutex;
  const auto slot = static_cast<std::size_t>(type);
  TORCH_CHECK(slot < kTypes, "torchdevice: invalid device type");
  if (const auto* backend = backends[slot].load(std::memory_order_acquire)) {
    return *backend;
  }
  std::lock_guard<std::mutex> lock(mutex);
  if (backends[slot].load(std::memory_order_relaxed) == nullptr) {
    backends[slot].store(new NativeBackend(type), std::memory_order_release); // leaked on purpose
  }
  return *backends[slot].load(std::memory_order_relaxed);
}

} // namespace torchdevice::detail
