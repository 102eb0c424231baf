// The same program built with -DWITH_CUDA (flags.txt): the CUDA branches are active and ported
// semantically; the #else branches are inactive and have nothing to port.
#include <torch/torch.h>
#ifdef WITH_CUDA
#include <torchdevice/torchdevice.h>
#endif

#include <iostream>

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
  x = x.to(torchdevice::device());
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
