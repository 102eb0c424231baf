// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// Half-precision storage types. ATen/cuda/ATenCUDAGeneral.h (included by
// ATen/cuda/CUDAEvent.h) includes this header unconditionally.
#ifndef TORCHDEVICE_PORT_SHIM_CUDA_FP16_H
#define TORCHDEVICE_PORT_SHIM_CUDA_FP16_H

#include "host_defines.h"

struct __half {
  unsigned short __x;
};
struct __half2 {
  struct __half x;
  struct __half y;
};
typedef struct __half half;
typedef struct __half2 half2;

/* Host-side conversions (declared only). */
__host__ __device__ struct __half __float2half(const float a);
__host__ __device__ float __half2float(const struct __half a);

#endif // TORCHDEVICE_PORT_SHIM_CUDA_FP16_H
