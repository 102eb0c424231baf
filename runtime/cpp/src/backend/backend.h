#pragma once
// Internal: what each backend (native c10 device, emulated MPS, emulated CPU) provides. The public
// functions in src/*.cpp pick a backend with backend_for() / selected_backend() and call it.

#include <torchdevice/event.h>

#include <c10/core/Device.h>
#include <c10/core/DeviceType.h>
#include <c10/core/Event.h>
#include <c10/core/Stream.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

namespace torchdevice::detail {

using Clock = std::chrono::steady_clock;

/// What an Event holds. `stream` is set by the first record; `host_time` is the host clock at the
/// moment the recorded work was known to be complete (emulated events, and native timing events
/// where LibTorch has no device-generic elapsed time).
struct EventState {
  bool enable_timing = false;
  bool blocking = false;
  std::optional<c10::Stream> stream;
  std::optional<Clock::time_point> host_time;
  std::optional<c10::Event> native;
};

/// Access to an Event's state from the runtime's sources.
struct EventAccess {
  static const EventState* get(const Event& event) noexcept { return event.state_.get(); }
};

class Backend {
 public:
  Backend() = default;
  virtual ~Backend() = default;
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;
  Backend(Backend&&) = delete;
  Backend& operator=(Backend&&) = delete;

  virtual c10::DeviceType type() const noexcept = 0;
  /// Usable in this process (used by the selection).
  virtual bool is_available() const = 0;

  // Devices ---------------------------------------------------------------------------------------
  virtual std::size_t device_count() const = 0;
  virtual c10::DeviceIndex current_device() const = 0;
  /// The device for `index` (-1: the current one) as this backend names it (checked).
  virtual c10::Device device_at(c10::DeviceIndex index) const = 0;
  /// Make `device` (from device_at) current; return the previous current device.
  virtual c10::Device exchange_device(c10::Device device) const = 0;
  /// Make `device` current again without error checks (destructors).
  virtual void restore_device(c10::Device device) const noexcept = 0;
  virtual std::string device_name(c10::DeviceIndex index) const = 0;
  virtual void synchronize_device(c10::DeviceIndex index) const = 0;
  virtual void manual_seed(std::uint64_t seed, bool all_devices) const = 0;

  // Streams (devices come from device_at) -------------------------------------------------------
  virtual c10::Stream current_stream(c10::Device device) const = 0;
  virtual c10::Stream default_stream(c10::Device device) const = 0;
  virtual c10::Stream pool_stream(c10::Device device, bool high_priority) const = 0;
  /// Make `stream` current for its device in this thread; return the previous current stream.
  virtual c10::Stream exchange_stream(c10::Stream stream) const = 0;
  virtual bool query_stream(const c10::Stream& stream) const = 0;
  virtual void synchronize_stream(const c10::Stream& stream) const = 0;
  /// Future work on `waiter` waits for the work issued to `awaited` so far.
  virtual void wait_stream(const c10::Stream& waiter, const c10::Stream& awaited) const = 0;
  virtual int stream_priority(const c10::Stream& stream) const = 0;
  virtual std::tuple<int, int> priority_range() const = 0;

  // Events ----------------------------------------------------------------------------------------
  virtual void record_event(EventState& event, const c10::Stream& stream) const = 0;
  /// Only called for recorded events.
  virtual bool query_event(const EventState& event) const = 0;
  virtual void synchronize_event(const EventState& event) const = 0;
  virtual void block_event(const EventState& event, const c10::Stream& stream) const = 0;
  /// Both recorded with timing and complete.
  virtual double elapsed_ms(const EventState& start, const EventState& end) const = 0;

  // Memory ----------------------------------------------------------------------------------------
  virtual std::int64_t memory_allocated(c10::Device device) const = 0;
  virtual std::int64_t max_memory_allocated(c10::Device device) const = 0;
  virtual std::int64_t memory_reserved(c10::Device device) const = 0;
  virtual std::int64_t max_memory_reserved(c10::Device device) const = 0;
  virtual void empty_cache() const = 0;
  virtual std::pair<std::int64_t, std::int64_t> mem_get_info(c10::Device device) const = 0;
  virtual void reset_peak_memory_stats(c10::Device device) const = 0;
};

/// The backend of a device type: emulated for cpu and mps, native (c10 guard implementation) else.
const Backend& backend_for(c10::DeviceType type);
/// backend_for(device_type()): selects the device on first use.
const Backend& selected_backend();
/// A device argument written for CUDA, on the selected type: cuda/mps devices become that index of
/// the selected type; other types (cpu) stay as written.
c10::Device map_device(c10::Device device);

const Backend& cpu_backend();
const Backend& mps_backend();
/// A backend on LibTorch's own guard implementation of `type` (CUDA, HIP, XPU, ...).
const Backend& native_backend(c10::DeviceType type);

/// Emit a runtime warning through the installed handler.
void warn(const std::string& message);
/// Testing: forget the emulated current streams of every thread.
void reset_stream_emulation() noexcept;

} // namespace torchdevice::detail
