#pragma once
// Internal: the CUDA calls that have no device-generic c10 interface (memory statistics, device
// names, stream priorities). cuda_extras.cpp implements them against a LibTorch built with CUDA;
// cuda_extras_unavailable.cpp (LibTorch without CUDA, where CUDA is never selected) throws.

#include <c10/core/Device.h>
#include <c10/core/Stream.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

namespace torchdevice::detail::cuda {

/// True when this build has the CUDA pieces.
bool compiled() noexcept;
std::string device_name(c10::DeviceIndex index);
int stream_priority(const c10::Stream& stream);
std::tuple<int, int> priority_range();
std::int64_t memory_allocated(c10::DeviceIndex index);
std::int64_t max_memory_allocated(c10::DeviceIndex index);
std::int64_t memory_reserved(c10::DeviceIndex index);
std::int64_t max_memory_reserved(c10::DeviceIndex index);
void empty_cache();
std::pair<std::int64_t, std::int64_t> mem_get_info(c10::DeviceIndex index);
void reset_peak_memory_stats(c10::DeviceIndex index);

} // namespace torchdevice::detail::cuda
