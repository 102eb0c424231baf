#pragma once
// Device selection and device-wide calls of the TorchDevice runtime.
//
// The device type (cuda, mps or cpu) is chosen once per process, lazily, on the first call that needs
// it, from (highest priority first):
//   1. the environment variable TORCHDEVICE_DEVICE = cuda | mps | cpu | auto ("auto": ignore 2.);
//   2. the port's preference: torchdevice::prefer("mps") or TORCHDEVICE_PREFER("mps");
//   3. auto: the first available of cuda, mps, cpu.
// If the wanted type is not available, the first available of cuda -> mps -> cpu is used and one
// warning is issued per process (see set_warning_handler). The choice never changes afterwards.

#include <torchdevice/export.h>

#include <c10/core/Device.h>
#include <c10/core/DeviceType.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace torchdevice {

/// Name of the environment variable that overrides the port's preference.
inline constexpr const char* kDeviceEnvVar = "TORCHDEVICE_DEVICE";

/// Record the device type the code was ported to (c10::kCUDA, c10::kMPS or c10::kCPU). Selects
/// nothing. Before the first use the latest call wins; afterwards a different type is ignored with
/// one warning. TORCHDEVICE_DEVICE overrides it. Other types throw c10::ValueError.
TORCHDEVICE_API void prefer(c10::DeviceType type);
/// Same with a name: "cuda", "cuda:1" (the index is ignored), "mps", "cpu", or "auto" (no preference).
/// Unknown names throw c10::ValueError.
TORCHDEVICE_API void prefer(std::string_view name);

/// The selected device: cuda (index -1, i.e. the current CUDA device), mps or cpu.
TORCHDEVICE_API c10::Device device();
/// The selected device with an index: cuda:<index> on CUDA; the index is ignored on mps and cpu
/// (one device), so code written for several GPUs runs unchanged.
TORCHDEVICE_API c10::Device device(c10::DeviceIndex index);
/// c10::kCUDA, c10::kMPS or c10::kCPU (replaces torch::kCUDA in ported code).
TORCHDEVICE_API c10::DeviceType device_type();
/// "cuda", "cuda:1", "mps" or "cpu": the string form of device(index).
TORCHDEVICE_API std::string device_string(c10::DeviceIndex index = -1);
/// True: the selected device is usable (selection falls back to one that is). Code guarded by
/// torch::cuda::is_available() runs on the selected device. See is_accelerator().
TORCHDEVICE_API bool is_available();
/// True when the selected device is not the CPU.
TORCHDEVICE_API bool is_accelerator();
/// Number of devices of the selected type (1 for mps and cpu).
TORCHDEVICE_API std::size_t device_count();
/// Index of the current device (0 for mps and cpu).
TORCHDEVICE_API c10::DeviceIndex current_device();
/// Make a device current: native on CUDA; accepted and ignored on mps and cpu (one device).
TORCHDEVICE_API void set_device(c10::DeviceIndex index);
/// Same with a device; its type must be the selected one (or "cuda", mapped onto the selected type).
TORCHDEVICE_API void set_device(c10::Device device);
/// GPU name on CUDA; the chip / CPU model name on mps and cpu (from the operating system).
TORCHDEVICE_API std::string get_device_name(c10::DeviceIndex index = -1);

/// True when `tensor` lives on the selected device type (replaces tensor.is_cuda()).
template <class TensorLike>
bool is_on_device(const TensorLike& tensor) {
  return tensor.device().type() == device_type();
}

/// Wait until all work issued to the device has completed (index -1: the current device).
/// No-op on the CPU, whose work has completed when the call that issued it returns.
TORCHDEVICE_API void synchronize(std::int64_t device_index = -1);

/// Seed the generator of the current device (the CPU generator on cpu; mps: the MPS generator where
/// this LibTorch has one, else the CPU generator that MPS random ops use there).
TORCHDEVICE_API void manual_seed(std::uint64_t seed);
/// Seed the generators of all devices of the selected type.
TORCHDEVICE_API void manual_seed_all(std::uint64_t seed);

/// Receives the runtime's warnings (the one fallback warning, a conflicting prefer()).
using WarningHandler = std::function<void(const std::string& message)>;
/// Install a warning handler and return the previous one. An empty handler restores the default,
/// which prints "torchdevice: warning: <message>" to std::cerr.
TORCHDEVICE_API WarningHandler set_warning_handler(WarningHandler handler);

namespace detail {
/// Used by TORCHDEVICE_PREFER: prefer(target) that never throws (an error becomes a warning).
TORCHDEVICE_API bool prefer_at_startup(const char* target) noexcept;
} // namespace detail

} // namespace torchdevice

#define TORCHDEVICE_DETAIL_CONCAT2(a, b) a##b
#define TORCHDEVICE_DETAIL_CONCAT(a, b) TORCHDEVICE_DETAIL_CONCAT2(a, b)

/// The port's preference, at namespace scope in each ported translation unit, after its includes:
///     TORCHDEVICE_PREFER("mps");
/// Records torchdevice::prefer("mps") when the program (or shared library) starts; selects nothing.
#define TORCHDEVICE_PREFER(target)                                                              \
  [[maybe_unused]] static const bool TORCHDEVICE_DETAIL_CONCAT(torchdevice_preference_, __COUNTER__) = \
      ::torchdevice::detail::prefer_at_startup(target)
