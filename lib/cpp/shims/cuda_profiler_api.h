// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
#ifndef TORCHDEVICE_PORT_SHIM_CUDA_PROFILER_API_H
#define TORCHDEVICE_PORT_SHIM_CUDA_PROFILER_API_H

#include <cuda_runtime_api.h>

#if defined(__cplusplus)
extern "C" {
#endif

cudaError_t CUDARTAPI cudaProfilerStart(void);
cudaError_t CUDARTAPI cudaProfilerStop(void);

#if defined(__cplusplus)
} // extern "C"
#endif

#endif // TORCHDEVICE_PORT_SHIM_CUDA_PROFILER_API_H
