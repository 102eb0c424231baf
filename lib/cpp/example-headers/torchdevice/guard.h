// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/guard.h>.
#pragma once

#include <torchdevice/stream.h>

#include <c10/core/Device.h>

#include <optional>

namespace torchdevice {

class StreamGuard {
 public:
  explicit StreamGuard(const Stream& stream);
  ~StreamGuard();
  StreamGuard(const StreamGuard&) = delete;
  StreamGuard& operator=(const StreamGuard&) = delete;
  StreamGuard(StreamGuard&&) = delete;
  StreamGuard& operator=(StreamGuard&&) = delete;

  void reset_stream(const Stream& stream);
  Stream original_stream() const noexcept;
  Stream current_stream() const noexcept;
  c10::Device original_device() const noexcept;
  c10::Device current_device() const noexcept;

 private:
  c10::Device original_device_;
  c10::Device current_device_;
  c10::Stream original_stream_;
  c10::Stream current_stream_;
};

class OptionalStreamGuard {
 public:
  OptionalStreamGuard() noexcept = default;
  explicit OptionalStreamGuard(const std::optional<Stream>& stream);
  ~OptionalStreamGuard();
  OptionalStreamGuard(const OptionalStreamGuard&) = delete;
  OptionalStreamGuard& operator=(const OptionalStreamGuard&) = delete;
  OptionalStreamGuard(OptionalStreamGuard&&) = delete;
  OptionalStreamGuard& operator=(OptionalStreamGuard&&) = delete;

  void reset_stream(const Stream& stream);
  void reset();
  std::optional<Stream> original_stream() const;
  std::optional<Stream> current_stream() const;

 private:
  std::optional<c10::Device> original_device_;
  std::optional<c10::Stream> original_stream_;
  std::optional<c10::Stream> current_stream_;
};

class DeviceGuard {
 public:
  explicit DeviceGuard(c10::DeviceIndex index);
  explicit DeviceGuard(c10::Device device);
  ~DeviceGuard();
  DeviceGuard(const DeviceGuard&) = delete;
  DeviceGuard& operator=(const DeviceGuard&) = delete;
  DeviceGuard(DeviceGuard&&) = delete;
  DeviceGuard& operator=(DeviceGuard&&) = delete;

  void set_device(c10::Device device);
  void reset_device(c10::Device device);
  void set_index(c10::DeviceIndex index);
  c10::Device original_device() const noexcept;
  c10::Device current_device() const noexcept;

 private:
  c10::Device original_device_;
  c10::Device current_device_;
};

class OptionalDeviceGuard {
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
  void reset_device(c10::Device device);
  void set_index(c10::DeviceIndex index);
  void reset();
  std::optional<c10::Device> original_device() const noexcept;
  std::optional<c10::Device> current_device() const noexcept;

 private:
  std::optional<c10::Device> original_device_;
  std::optional<c10::Device> current_device_;
};

} // namespace torchdevice
