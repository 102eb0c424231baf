// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/memory.h>.
#pragma once

#include <c10/core/Device.h>

#include <cstdint>
#include <utility>

namespace torchdevice {

std::int64_t memory_allocated(c10::DeviceIndex index = -1);
std::int64_t max_memory_allocated(c10::DeviceIndex index = -1);
std::int64_t memory_reserved(c10::DeviceIndex index = -1);
std::int64_t max_memory_reserved(c10::DeviceIndex index = -1);
void empty_cache();
std::pair<std::int64_t, std::int64_t> mem_get_info(c10::DeviceIndex index = -1);
void reset_peak_memory_stats(c10::DeviceIndex index = -1);

} // namespace torchdevice
