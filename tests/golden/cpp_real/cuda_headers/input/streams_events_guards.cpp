// Parsed against Debian's real LibTorch headers with no CUDA toolkit: c10/cuda and ATen/cuda
// need the parse shims, and every CUDA name below must resolve semantically.
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDAGuard.h>

#include <iostream>

namespace cc = c10::cuda;
using Event = at::cuda::CUDAEvent;

float timedMatmul(const torch::Tensor &a, c10::cuda::CUDAStream stream) {
  Event start(cudaEventDefault), stop(cudaEventDefault);
  start.record(stream);
  auto b = a.matmul(a);
  stop.record(stream);
  stop.synchronize();
  std::cout << b.sum().item<float>() << "\n";
  return start.elapsed_time(stop);
}

int main() {
  if (!torch::cuda::is_available())
    return 1;
  torch::Device device(torch::kCUDA, 0);
  c10::cuda::CUDAGuard guard(device);
  at::cuda::CUDAStream side = cc::getStreamFromPool();
  auto current = at::cuda::getCurrentCUDAStream();
  auto a = torch::randn({64, 64}, torch::TensorOptions().device(torch::kCUDA, 0));
  {
    c10::cuda::CUDAStreamGuard onSide(side);
    c10::cuda::OptionalCUDAGuard maybe(device);
    Event ready;
    ready.record(current);
    ready.block(side);
    std::cout << timedMatmul(a.cuda(), side) << " ms, ready " << ready.query() << "\n";
  }
  c10::cuda::setCurrentCUDAStream(c10::cuda::getDefaultCUDAStream());
  torch::cuda::synchronize();
  return a.is_cuda() ? 0 : 1;
}
