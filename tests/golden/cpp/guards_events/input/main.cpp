// Guards and events, with the event flags of the CUDA runtime.
#include <torch/torch.h>
#include <c10/cuda/CUDAGuard.h>
#include <ATen/cuda/CUDAEvent.h>

#include <iostream>

float timed(const torch::Tensor &a) {
  at::cuda::CUDAEvent start(cudaEventDefault), stop(cudaEventDefault);
  at::cuda::CUDAEvent marker(cudaEventDisableTiming);
  auto stream = at::cuda::getCurrentCUDAStream();
  start.record(stream);
  auto b = a.matmul(a);
  stop.record(stream);
  marker.record();
  marker.block(stream);
  stop.synchronize();
  std::cout << "done: " << stop.query() << " " << b.sum().item<float>() << "\n";
  return start.elapsed_time(stop);
}

int main() {
  c10::cuda::CUDAGuard guard(0);
  {
    c10::cuda::OptionalCUDAGuard maybe;
    at::cuda::OptionalCUDAStreamGuard maybeStream;
  }
  auto side = c10::cuda::getStreamFromPool();
  {
    c10::cuda::CUDAStreamGuard onSide(side);
    std::cout << timed(torch::ones({64, 64})) << " ms\n";
  }
  return 0;
}
