// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// bfloat16 storage types, the companion of cuda_fp16.h.
#ifndef TORCHDEVICE_PORT_SHIM_CUDA_BF16_H
#define TORCHDEVICE_PORT_SHIM_CUDA_BF16_H

#include "host_defines.h"

struct __nv_bfloat16 {
  unsigned short __x;
};
struct __nv_bfloat162 {
  struct __nv_bfloat16 x;
  struct __nv_bfloat16 y;
};
typedef struct __nv_bfloat16 nv_bfloat16;
typedef struct __nv_bfloat162 nv_bfloat162;

/* Host-side conversions (declared only). */
__host__ __device__ struct __nv_bfloat16 __float2bfloat16(const float a);
__host__ __device__ float __bfloat162float(const struct __nv_bfloat16 a);

#endif // TORCHDEVICE_PORT_SHIM_CUDA_BF16_H
