// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// at::cuda::CUDAEvent. Its CUDAStream parameters are c10::cuda::CUDAStream (found through the
// using-directive). The default flags are cudaEventDisableTiming, as in LibTorch.
#pragma once

#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/Exceptions.h>
#include <c10/core/Device.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <c10/util/Optional.h>

#include <cuda_runtime_api.h>

namespace at {
namespace cuda {

struct CUDAEvent {
  CUDAEvent();
  CUDAEvent(unsigned int flags);
  CUDAEvent(DeviceIndex device_index, const cudaIpcEventHandle_t* handle);
  ~CUDAEvent();

  CUDAEvent(const CUDAEvent&) = delete;
  CUDAEvent& operator=(const CUDAEvent&) = delete;
  CUDAEvent(CUDAEvent&& other);
  CUDAEvent& operator=(CUDAEvent&& other);

  operator cudaEvent_t() const;
  friend bool operator<(const CUDAEvent& left, const CUDAEvent& right);

  optional<at::Device> device() const;
  bool isCreated() const;
  DeviceIndex device_index() const;
  cudaEvent_t event() const;
  bool query() const;
  void record();
  void recordOnce(const CUDAStream& stream);
  void record(const CUDAStream& stream);
  void block(const CUDAStream& stream);
  float elapsed_time(const CUDAEvent& other) const;
  void synchronize() const;
  void ipc_handle(cudaIpcEventHandle_t* handle);

 private:
  unsigned int flags_ = cudaEventDisableTiming;
};

} // namespace cuda
} // namespace at
