// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/device.h> (runtime/cpp/include): the same
// names and signatures, declarations only, and the same TORCHDEVICE_PREFER macro.
#pragma once

#include <c10/core/Device.h>
#include <c10/core/DeviceType.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace torchdevice {

inline constexpr const char* kDeviceEnvVar = "TORCHDEVICE_DEVICE";

void prefer(c10::DeviceType type);
void prefer(std::string_view name);

c10::Device device();
c10::Device device(c10::DeviceIndex index);
c10::DeviceType device_type();
std::string device_string(c10::DeviceIndex index = -1);
bool is_available();
bool is_accelerator();
std::size_t device_count();
c10::DeviceIndex current_device();
void set_device(c10::DeviceIndex index);
void set_device(c10::Device device);
std::string get_device_name(c10::DeviceIndex index = -1);

template <class TensorLike>
bool is_on_device(const TensorLike& tensor) {
  return tensor.device().type() == device_type();
}

void synchronize(std::int64_t device_index = -1);

void manual_seed(std::uint64_t seed);
void manual_seed_all(std::uint64_t seed);

using WarningHandler = std::function<void(const std::string& message)>;
WarningHandler set_warning_handler(WarningHandler handler);

namespace detail {
bool prefer_at_startup(const char* target) noexcept;
} // namespace detail

} // namespace torchdevice

#define TORCHDEVICE_DETAIL_CONCAT2(a, b) a##b
#define TORCHDEVICE_DETAIL_CONCAT(a, b) TORCHDEVICE_DETAIL_CONCAT2(a, b)

#define TORCHDEVICE_PREFER(target)                                                              \
  [[maybe_unused]] static const bool TORCHDEVICE_DETAIL_CONCAT(torchdevice_preference_, __COUNTER__) = \
      ::torchdevice::detail::prefer_at_startup(target)
