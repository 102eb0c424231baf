#pragma once
// Memory queries of the selected device. Index -1: the current device.
//
//   CUDA: the native caching-allocator counters and cudaMemGetInfo.
//   MPS:  LibTorch's MPS counters where it has them (0 otherwise); peaks are the largest values seen
//         by these queries.
//   CPU:  honest process numbers, never invented GPU figures: "allocated" and "reserved" are the
//         process's resident set size (/proc/self/statm), the peaks its high-water mark (VmHWM),
//         mem_get_info is (MemAvailable, MemTotal) of the machine (/proc/meminfo).

#include <torchdevice/export.h>

#include <c10/core/Device.h>

#include <cstdint>
#include <utility>

namespace torchdevice {

/// Bytes in use: tensor memory on CUDA/MPS; the process resident set size on cpu.
TORCHDEVICE_API std::int64_t memory_allocated(c10::DeviceIndex index = -1);
/// Peak of memory_allocated() since start or the last reset_peak_memory_stats().
TORCHDEVICE_API std::int64_t max_memory_allocated(c10::DeviceIndex index = -1);
/// Bytes held by the allocator: CUDA cache, MPS driver allocations; the resident set size on cpu.
TORCHDEVICE_API std::int64_t memory_reserved(c10::DeviceIndex index = -1);
/// Peak of memory_reserved() since start or the last reset_peak_memory_stats().
TORCHDEVICE_API std::int64_t max_memory_reserved(c10::DeviceIndex index = -1);
/// Release cached device memory (no-op on cpu: no cache).
TORCHDEVICE_API void empty_cache();
/// (free, total) bytes: device memory on CUDA/MPS; available and total system memory on cpu.
TORCHDEVICE_API std::pair<std::int64_t, std::int64_t> mem_get_info(c10::DeviceIndex index = -1);
/// Restart the max_* counters at the current values (cpu: see docs/runtime.md for the fallback
/// where the kernel's high-water mark cannot be reset).
TORCHDEVICE_API void reset_peak_memory_stats(c10::DeviceIndex index = -1);

} // namespace torchdevice
