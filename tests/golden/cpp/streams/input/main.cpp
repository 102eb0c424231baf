// Streams: current, default, from the pool, set; the raw cudaStream_t is reported.
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>

void work(c10::cuda::CUDAStream stream) { stream.synchronize(); }

int main() {
  c10::cuda::CUDAStream current = c10::cuda::getCurrentCUDAStream();
  at::cuda::CUDAStream byDefault = at::cuda::getDefaultCUDAStream();
  auto side = c10::cuda::getStreamFromPool(/*isHighPriority=*/true);
  c10::cuda::setCurrentCUDAStream(side);
  work(side);
  at::cuda::setCurrentCUDAStream(current);
  auto raw = side.stream();
  (void)raw;
  return current == byDefault ? 0 : 1;
}
