// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/core/Device.h>
#include <c10/cuda/CUDAException.h>

#include <cuda_runtime_api.h>

#include <cstdint>

namespace c10 {
namespace cuda {

DeviceIndex device_count() noexcept;
DeviceIndex device_count_ensure_non_zero();
DeviceIndex current_device();
void set_device(DeviceIndex device);
void device_synchronize();
void warn_or_error_on_sync();

enum class SyncDebugMode { L_DISABLED = 0, L_WARN, L_ERROR };

class WarningState {
 public:
  void set_sync_debug_mode(SyncDebugMode l);
  SyncDebugMode get_sync_debug_mode();

 private:
  SyncDebugMode sync_debug_mode = SyncDebugMode::L_DISABLED;
};

WarningState& warning_state();
void memcpy_and_sync(void* dst, void* src, int64_t nbytes, cudaMemcpyKind kind, cudaStream_t stream);
void stream_synchronize(cudaStream_t stream);

} // namespace cuda
} // namespace c10
