// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// at::cuda:: declares only these few functions itself; getCurrentCUDAStream(), CUDAStream,
// device_count(), ... reached as at::cuda::X are c10::cuda::X (using-directive in c10/macros/Macros.h).
#pragma once

#include <ATen/Context.h>
#include <ATen/cuda/Exceptions.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAStream.h>

#include <cuda_runtime_api.h>

#include <cstdint>

namespace at {
namespace cuda {

int64_t getNumGPUs();
bool is_available();
cudaDeviceProp* getCurrentDeviceProperties();
int warp_size();
cudaDeviceProp* getDeviceProperties(int64_t device);
bool canDeviceAccessPeer(int64_t device, int64_t peer_device);

} // namespace cuda
} // namespace at
