// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// Function-space qualifiers of CUDA C++. When a source is parsed as plain
// C++ (no nvcc, no clang CUDA mode) they carry no meaning, so they expand to
// nothing and host code that is sprinkled with them still parses.
#ifndef TORCHDEVICE_PORT_SHIM_HOST_DEFINES_H
#define TORCHDEVICE_PORT_SHIM_HOST_DEFINES_H

#if defined(__CUDA__)
// clang in CUDA mode: keep the semantics clang attaches to these spellings.
#ifndef __host__
#define __host__ __attribute__((host))
#endif
#ifndef __device__
#define __device__ __attribute__((device))
#endif
#ifndef __global__
#define __global__ __attribute__((global))
#endif
#ifndef __shared__
#define __shared__ __attribute__((shared))
#endif
#ifndef __constant__
#define __constant__ __attribute__((constant))
#endif
#ifndef __managed__
#define __managed__ __attribute__((managed))
#endif
#else
#ifndef __host__
#define __host__
#endif
#ifndef __device__
#define __device__
#endif
#ifndef __global__
#define __global__
#endif
#ifndef __shared__
#define __shared__
#endif
#ifndef __constant__
#define __constant__
#endif
#ifndef __managed__
#define __managed__
#endif
#endif

#ifndef __forceinline__
#define __forceinline__ inline __attribute__((always_inline))
#endif
// __noinline__ is deliberately NOT defined: libstdc++ (12+) spells
// __attribute__((__noinline__)), which such a macro would break.
#ifndef __align__
#define __align__(n) __attribute__((aligned(n)))
#endif
#ifndef __launch_bounds__
#define __launch_bounds__(...)
#endif
#ifndef __device_builtin__
#define __device_builtin__
#endif

// Marks the calling convention of runtime entry points (empty off Windows).
#ifndef CUDARTAPI
#define CUDARTAPI
#endif

#endif // TORCHDEVICE_PORT_SHIM_HOST_DEFINES_H
