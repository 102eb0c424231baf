// The same program built with -DWITH_CUDA (flags.txt): the CUDA branches are active and ported
// semantically; the #else branches are inactive and have nothing to port.
#include <torch/torch.h>
#ifdef WITH_CUDA
#include <c10/cuda/CUDAGuard.h>
#endif

#include <iostream>

torch::Device pick() {
#ifdef WITH_CUDA
  if (torch::cuda::is_available())
    return torch::Device(torch::kCUDA);
#endif
  return torch::Device(torch::kCPU);
}

int main() {
  auto x = torch::ones({2}).to(pick());
#if defined(WITH_CUDA)
  c10::cuda::CUDAGuard guard(0);
  x = x.cuda();
  torch::cuda::synchronize();
#else
  std::cout << "cpu build\n";
#endif
#ifndef WITH_CUDA
  std::cout << "still cpu\n";
#else
  std::cout << torch::cuda::device_count() << "\n";
#endif
  std::cout << x.sum().item<float>() << "\n";
  return 0;
}
