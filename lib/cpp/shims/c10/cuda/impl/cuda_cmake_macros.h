// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// Stands in for the file that LibTorch's CMake build generates next to
// c10/cuda/CUDAMacros.h. CPU-only distributions (Debian's libtorch-dev, the
// macOS builds) install the c10/cuda headers but not this generated file.
// The only setting it carries matters on Windows: LibTorch is a shared
// library, so its c10_cuda symbols are dllimport'ed there.
#ifndef TORCHDEVICE_PORT_SHIM_C10_CUDA_CMAKE_MACROS_H
#define TORCHDEVICE_PORT_SHIM_C10_CUDA_CMAKE_MACROS_H

#ifndef C10_CUDA_BUILD_SHARED_LIBS
#define C10_CUDA_BUILD_SHARED_LIBS
#endif

#endif // TORCHDEVICE_PORT_SHIM_C10_CUDA_CMAKE_MACROS_H
