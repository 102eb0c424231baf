// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// cuSOLVER dense: the handle type returned by
// at::cuda::getCurrentCUDASolverDnHandle() and handle/stream management.
// No solver routines.
#ifndef TORCHDEVICE_PORT_SHIM_CUSOLVERDN_H
#define TORCHDEVICE_PORT_SHIM_CUSOLVERDN_H

#include <cuda_runtime_api.h>
#include <cusolver_common.h>

typedef struct cusolverDnContext* cusolverDnHandle_t;

#if defined(__cplusplus)
extern "C" {
#endif

cusolverStatus_t CUSOLVERAPI cusolverDnCreate(cusolverDnHandle_t* handle);
cusolverStatus_t CUSOLVERAPI cusolverDnDestroy(cusolverDnHandle_t handle);
cusolverStatus_t CUSOLVERAPI cusolverDnSetStream(cusolverDnHandle_t handle,
                                                 cudaStream_t streamId);
cusolverStatus_t CUSOLVERAPI cusolverDnGetStream(cusolverDnHandle_t handle,
                                                 cudaStream_t* streamId);

#if defined(__cplusplus)
} // extern "C"
#endif

#endif // TORCHDEVICE_PORT_SHIM_CUSOLVERDN_H
