// The caching allocator's peak statistics are ported; its raw allocations and settings, streams
// wrapping a raw cudaStream_t, the multi-stream guard and raw-stream synchronization are reported.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

namespace alloc = c10::cuda::CUDACachingAllocator;

int main() {
  const int devices = torchdevice::device_count();
  torchdevice::reset_peak_memory_stats(0);
  void *block = alloc::raw_alloc(1024);
  alloc::raw_delete(block);
  alloc::setMemoryFraction(0.5, 0);
  auto side = torchdevice::get_stream_from_pool();
  cudaStream_t raw = side.stream();
  auto wrapped = c10::cuda::getStreamFromExternal(raw, 0);
  {
    c10::cuda::CUDAMultiStreamGuard guard(wrapped);
    c10::cuda::stream_synchronize(raw);
  }
  return devices > 0 ? 0 : 1;
}
