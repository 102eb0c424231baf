// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// c10::cuda::CUDAStream and the stream functions; at::cuda:: reaches them through the using-directive
// in c10/macros/Macros.h (at::cuda::getCurrentCUDAStream is c10::cuda::getCurrentCUDAStream).
#pragma once

#include <c10/core/Device.h>
#include <c10/core/DeviceGuard.h>
#include <c10/core/Stream.h>
#include <c10/cuda/CUDAException.h>
#include <c10/cuda/CUDAFunctions.h>

#include <cuda_runtime_api.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <tuple>

namespace c10 {
namespace cuda {

class CUDAStream {
 public:
  enum Unchecked { UNCHECKED };

  explicit CUDAStream(Stream stream);
  explicit CUDAStream(Unchecked, Stream stream);

  bool operator==(const CUDAStream& other) const noexcept;
  bool operator!=(const CUDAStream& other) const noexcept;

  /// Implicit conversions to the raw stream and to the device-generic c10::Stream.
  operator cudaStream_t() const;
  operator Stream() const;

  DeviceIndex device_index() const;
  Device device() const;
  StreamId id() const;
  bool query() const;
  void synchronize() const;
  int priority() const;
  cudaStream_t stream() const;
  Stream unwrap() const;
  uint64_t pack() const noexcept;
  static CUDAStream unpack(uint64_t bits);
  static std::tuple<int, int> priority_range();

 private:
  Stream stream_;
};

CUDAStream getStreamFromPool(const bool isHighPriority = false, DeviceIndex device = -1);
CUDAStream getStreamFromExternal(cudaStream_t ext_stream, DeviceIndex device_index);
CUDAStream getDefaultCUDAStream(DeviceIndex device_index = -1);
CUDAStream getCurrentCUDAStream(DeviceIndex device_index = -1);
void setCurrentCUDAStream(CUDAStream stream);

std::ostream& operator<<(std::ostream& stream, const CUDAStream& s);

} // namespace cuda
} // namespace c10

template <>
struct std::hash<c10::cuda::CUDAStream> {
  std::size_t operator()(c10::cuda::CUDAStream s) const noexcept;
};
