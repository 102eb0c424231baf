// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// c10::Device; at::Device and torch::Device are the same class reached through using-directives.
#pragma once

#include <c10/core/DeviceType.h>
#include <c10/macros/Macros.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace c10 {

using DeviceIndex = int8_t;

struct Device final {
  using Type = DeviceType;

  /* implicit */ Device(DeviceType type, DeviceIndex index = -1);
  /// "cpu", "cuda", "cuda:1", "mps", ...
  /* implicit */ Device(const std::string& device_string);

  bool operator==(const Device& other) const noexcept;
  bool operator!=(const Device& other) const noexcept;

  void set_index(DeviceIndex index);
  DeviceType type() const noexcept;
  DeviceIndex index() const noexcept;
  bool has_index() const noexcept;

  bool is_cuda() const noexcept;
  bool is_mps() const noexcept;
  bool is_hip() const noexcept;
  bool is_ve() const noexcept;
  bool is_xpu() const noexcept;
  bool is_ipu() const noexcept;
  bool is_xla() const noexcept;
  bool is_hpu() const noexcept;
  bool is_lazy() const noexcept;
  bool is_vulkan() const noexcept;
  bool is_metal() const noexcept;
  bool is_ort() const noexcept;
  bool is_meta() const noexcept;
  bool is_cpu() const noexcept;
  bool supports_as_strided() const noexcept;

  std::string str() const;

 private:
  DeviceType type_;
  DeviceIndex index_ = -1;
};

std::ostream& operator<<(std::ostream& stream, const Device& device);

} // namespace c10

template <>
struct std::hash<c10::Device> {
  std::size_t operator()(c10::Device d) const noexcept;
};
