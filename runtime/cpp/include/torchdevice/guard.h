#pragma once
// RAII guards: the device-neutral CUDAStreamGuard / OptionalCUDAStreamGuard / CUDAGuard /
// OptionalCUDAGuard, with the same member names.
//
// A StreamGuard makes its stream current for the stream's device in this thread (and, on CUDA, makes
// that device current), and restores both when it goes out of scope. On mps and cpu there is one
// device, so the device part does nothing; the stream part is the emulated current stream.

#include <torchdevice/export.h>
#include <torchdevice/stream.h>

#include <c10/core/Device.h>

#include <optional>

namespace torchdevice {

class TORCHDEVICE_API StreamGuard {
 public:
  explicit StreamGuard(const Stream& stream);
  ~StreamGuard();
  StreamGuard(const StreamGuard&) = delete;
  StreamGuard& operator=(const StreamGuard&) = delete;
  StreamGuard(StreamGuard&&) = delete;
  StreamGuard& operator=(StreamGuard&&) = delete;

  /// Make `stream` current instead (the originals to restore stay those seen at construction).
  void reset_stream(const Stream& stream);
  /// The stream that was current on the guarded device when the guard was made.
  Stream original_stream() const noexcept { return Stream(original_stream_); }
  /// The stream this guard made current.
  Stream current_stream() const noexcept { return Stream(current_stream_); }
  c10::Device original_device() const noexcept { return original_device_; }
  c10::Device current_device() const noexcept { return current_device_; }

 private:
  c10::Device original_device_;
  c10::Device current_device_;
  c10::Stream original_stream_;
  c10::Stream current_stream_;
};

/// A StreamGuard that may hold nothing: OptionalStreamGuard(std::nullopt) is a no-op (the C++ form of
/// the Python runtime's stream(None)).
class TORCHDEVICE_API OptionalStreamGuard {
 public:
  OptionalStreamGuard() noexcept = default;
  explicit OptionalStreamGuard(const std::optional<Stream>& stream);
  ~OptionalStreamGuard();
  OptionalStreamGuard(const OptionalStreamGuard&) = delete;
  OptionalStreamGuard& operator=(const OptionalStreamGuard&) = delete;
  OptionalStreamGuard(OptionalStreamGuard&&) = delete;
  OptionalStreamGuard& operator=(OptionalStreamGuard&&) = delete;

  void reset_stream(const Stream& stream);
  /// Restore the originals now and hold nothing.
  void reset();
  std::optional<Stream> original_stream() const;
  std::optional<Stream> current_stream() const;

 private:
  std::optional<c10::Device> original_device_;
  std::optional<c10::Stream> original_stream_;
  std::optional<c10::Stream> current_stream_;
};

/// Makes a device current and restores the previous one (CUDAGuard). A device written for CUDA
/// ("cuda:1") means that index of the selected type; on mps and cpu the guard does nothing.
class TORCHDEVICE_API DeviceGuard {
 public:
  explicit DeviceGuard(c10::DeviceIndex index);
  explicit DeviceGuard(c10::Device device);
  ~DeviceGuard();
  DeviceGuard(const DeviceGuard&) = delete;
  DeviceGuard& operator=(const DeviceGuard&) = delete;
  DeviceGuard(DeviceGuard&&) = delete;
  DeviceGuard& operator=(DeviceGuard&&) = delete;

  void set_device(c10::Device device);
  void reset_device(c10::Device device) { set_device(device); }
  void set_index(c10::DeviceIndex index);
  c10::Device original_device() const noexcept { return original_device_; }
  c10::Device current_device() const noexcept { return current_device_; }

 private:
  c10::Device original_device_;
  c10::Device current_device_;
};

/// A DeviceGuard that may hold nothing (OptionalCUDAGuard).
class TORCHDEVICE_API OptionalDeviceGuard {
 public:
  OptionalDeviceGuard() noexcept = default;
  explicit OptionalDeviceGuard(std::optional<c10::Device> device);
  explicit OptionalDeviceGuard(std::optional<c10::DeviceIndex> index);
  ~OptionalDeviceGuard();
  OptionalDeviceGuard(const OptionalDeviceGuard&) = delete;
  OptionalDeviceGuard& operator=(const OptionalDeviceGuard&) = delete;
  OptionalDeviceGuard(OptionalDeviceGuard&&) = delete;
  OptionalDeviceGuard& operator=(OptionalDeviceGuard&&) = delete;

  void set_device(c10::Device device);
  void reset_device(c10::Device device) { set_device(device); }
  void set_index(c10::DeviceIndex index);
  /// Restore the original device now and hold nothing.
  void reset();
  std::optional<c10::Device> original_device() const noexcept { return original_device_; }
  std::optional<c10::Device> current_device() const noexcept { return current_device_; }

 private:
  std::optional<c10::Device> original_device_;
  std::optional<c10::Device> current_device_;
};

} // namespace torchdevice
