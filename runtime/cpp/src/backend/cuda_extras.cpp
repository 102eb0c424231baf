// CUDA pieces without a device-generic c10 interface; compiled only against a LibTorch with CUDA
// (TORCHDEVICE_RUNTIME_WITH_CUDA). Everything else on CUDA goes through native_backend.cpp.
#include "backend/cuda_extras.h"

#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAException.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include <cstddef>

namespace torchdevice::detail::cuda {
namespace {

namespace allocator = c10::cuda::CUDACachingAllocator;

constexpr std::size_t kAggregate = 0; // StatType::AGGREGATE: all pools together

} // namespace

bool compiled() noexcept {
  return true;
}

std::string device_name(c10::DeviceIndex index) {
  cudaDeviceProp properties{};
  C10_CUDA_CHECK(cudaGetDeviceProperties(&properties, index));
  return properties.name;
}

int stream_priority(const c10::Stream& stream) {
  return c10::cuda::CUDAStream(stream).priority();
}

std::tuple<int, int> priority_range() {
  return c10::cuda::CUDAStream::priority_range();
}

std::int64_t memory_allocated(c10::DeviceIndex index) {
  return allocator::getDeviceStats(index).allocated_bytes[kAggregate].current;
}

std::int64_t max_memory_allocated(c10::DeviceIndex index) {
  return allocator::getDeviceStats(index).allocated_bytes[kAggregate].peak;
}

std::int64_t memory_reserved(c10::DeviceIndex index) {
  return allocator::getDeviceStats(index).reserved_bytes[kAggregate].current;
}

std::int64_t max_memory_reserved(c10::DeviceIndex index) {
  return allocator::getDeviceStats(index).reserved_bytes[kAggregate].peak;
}

void empty_cache() {
  allocator::emptyCache();
}

std::pair<std::int64_t, std::int64_t> mem_get_info(c10::DeviceIndex index) {
  c10::cuda::CUDAGuard guard(index);
  std::size_t free_bytes = 0;
  std::size_t total_bytes = 0;
  C10_CUDA_CHECK(cudaMemGetInfo(&free_bytes, &total_bytes));
  return {static_cast<std::int64_t>(free_bytes), static_cast<std::int64_t>(total_bytes)};
}

void reset_peak_memory_stats(c10::DeviceIndex index) {
  allocator::resetPeakStats(index);
}

} // namespace torchdevice::detail::cuda
