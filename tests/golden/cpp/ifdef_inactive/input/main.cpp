// WITH_CUDA is not defined: the CUDA branches are inactive. Qualified LibTorch names there are
// ported at token level (lower confidence); what needs types (member calls, device strings,
// includes) is left as written.
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
