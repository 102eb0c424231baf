// parse shim for torchdevice-port: declares just enough of the CUDA runtime
// API for LibTorch's CUDA headers to parse; never used to compile or link.
//
// The real <cuda_runtime.h> layers C++ conveniences over the C runtime API;
// for parsing, the C declarations are all that is needed.
#ifndef TORCHDEVICE_PORT_SHIM_CUDA_RUNTIME_H
#define TORCHDEVICE_PORT_SHIM_CUDA_RUNTIME_H

#include "cuda_runtime_api.h"

#endif // TORCHDEVICE_PORT_SHIM_CUDA_RUNTIME_H
