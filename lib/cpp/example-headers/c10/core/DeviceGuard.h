// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// The device-generic guards (at::DeviceGuard names c10::DeviceGuard through using-directives).
#pragma once

#include <c10/core/Device.h>
#include <c10/util/Optional.h>

namespace c10 {

class DeviceGuard {
 public:
  explicit DeviceGuard() = delete;
  explicit DeviceGuard(Device device);
  DeviceGuard(const DeviceGuard&) = delete;
  DeviceGuard& operator=(const DeviceGuard&) = delete;
  DeviceGuard(DeviceGuard&& other) = delete;
  DeviceGuard& operator=(DeviceGuard&& other) = delete;

  void reset_device(at::Device device);
  void set_index(DeviceIndex index);
  Device original_device() const;
  Device current_device() const;
};

class OptionalDeviceGuard {
 public:
  explicit OptionalDeviceGuard();
  explicit OptionalDeviceGuard(Device device);
  explicit OptionalDeviceGuard(optional<Device> device);
  OptionalDeviceGuard(const OptionalDeviceGuard&) = delete;
  OptionalDeviceGuard& operator=(const OptionalDeviceGuard&) = delete;
  OptionalDeviceGuard(OptionalDeviceGuard&& other) = delete;
  OptionalDeviceGuard& operator=(OptionalDeviceGuard&& other) = delete;

  void reset_device(at::Device device);
  optional<Device> original_device() const;
  optional<Device> current_device() const;
};

} // namespace c10
