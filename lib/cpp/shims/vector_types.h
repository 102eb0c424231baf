// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// Only dim3 (launch-configuration type that appears in host code).
#ifndef TORCHDEVICE_PORT_SHIM_VECTOR_TYPES_H
#define TORCHDEVICE_PORT_SHIM_VECTOR_TYPES_H

#include "host_defines.h"

struct dim3 {
  unsigned int x, y, z;
#if defined(__cplusplus)
  constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
#endif
};
#if !defined(__cplusplus)
typedef struct dim3 dim3;
#endif

#endif // TORCHDEVICE_PORT_SHIM_VECTOR_TYPES_H
