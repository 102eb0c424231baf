#pragma once
// Events of the selected device: native on CUDA (c10::Event), emulated with CUDA's contracts on MPS
// and the CPU. Method names follow at::cuda::CUDAEvent, so a port renames the type; wait() is the
// Python runtime's name for block(current stream).
//
// Contracts on every backend:
//   * an event that was never recorded: query() is true, synchronize() and block() do nothing;
//   * record() without a stream records on the current stream;
//   * elapsed_time(end) needs two recorded events created with enable_timing = true, otherwise it
//     throws c10::Error (as CUDA does); it waits for `end` and measures completed work, in ms.
// Events are movable, not copyable; equality is identity (compare addresses).

#include <torchdevice/export.h>
#include <torchdevice/stream.h>

#include <c10/core/Device.h>

#include <memory>
#include <optional>

namespace torchdevice {

namespace detail {
struct EventState;
struct EventAccess;
} // namespace detail

class TORCHDEVICE_API Event {
 public:
  /// `blocking` and `interprocess` are accepted for parity with CUDA and the Python runtime and have
  /// no effect: through the device-generic interface host waits use the backend's default, and there
  /// is no IPC handle.
  explicit Event(bool enable_timing = false, bool blocking = false, bool interprocess = false);
  ~Event();
  Event(Event&& other) noexcept;
  Event& operator=(Event&& other) noexcept;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  bool enable_timing() const noexcept;
  bool blocking() const noexcept;
  /// True once the event was recorded (CUDAEvent::isCreated).
  bool isCreated() const noexcept;
  /// Device of the stream it was last recorded on; empty before the first record.
  std::optional<c10::Device> device() const noexcept;
  /// Index of that device; -1 before the first record.
  c10::DeviceIndex device_index() const noexcept;

  /// Record on the current stream of the selected device.
  void record();
  /// Record on `stream`.
  void record(const Stream& stream);
  /// Record on `stream` only if never recorded before.
  void recordOnce(const Stream& stream);
  /// Make future work on `stream` wait for this event. Never blocks the host.
  void block(const Stream& stream) const;
  /// block(current_stream()).
  void wait() const;
  /// block(stream).
  void wait(const Stream& stream) const { block(stream); }
  /// True when the recorded work has completed (true before any record).
  bool query() const;
  /// Block the host until the recorded work has completed (returns at once if never recorded).
  void synchronize() const;
  /// Milliseconds from this event to `end` (see the contracts above).
  float elapsed_time(const Event& end) const;

 private:
  friend struct detail::EventAccess;
  std::unique_ptr<detail::EventState> state_;
};

} // namespace torchdevice
