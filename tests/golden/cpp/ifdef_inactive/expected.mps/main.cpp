// WITH_CUDA is not defined: the CUDA branches are inactive. Qualified LibTorch names there are
// ported at token level (lower confidence); what needs types (member calls, device strings,
// includes) is left as written.
#include <torch/torch.h>
#ifdef WITH_CUDA
#include <c10/cuda/CUDAGuard.h>
#endif

#include <iostream>
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("mps");

torch::Device pick() {
#ifdef WITH_CUDA
  if (torchdevice::is_available())
    return torch::Device(torchdevice::device_type());
#endif
  return torch::Device(torch::kCPU);
}

int main() {
  auto x = torch::ones({2}).to(pick());
#if defined(WITH_CUDA)
  torchdevice::DeviceGuard guard(0);
  x = x.cuda();
  torchdevice::synchronize();
#else
  std::cout << "cpu build\n";
#endif
#ifndef WITH_CUDA
  std::cout << "still cpu\n";
#else
  std::cout << torchdevice::device_count() << "\n";
#endif
  std::cout << x.sum().item<float>() << "\n";
  return 0;
}
