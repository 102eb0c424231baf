// Queries, seeding, synchronization and the caching allocator.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

#include <iostream>
TORCHDEVICE_PREFER("mps");

int main() {
  if (!torchdevice::is_available()) {
    std::cerr << "no GPU\n";
    return 1;
  }
  std::cout << "devices: " << torchdevice::device_count() << " / " << torchdevice::device_count() << "\n";
  std::cout << "cudnn: " << torch::cuda::cudnn_is_available() << "\n";
  torchdevice::set_device(0);
  std::cout << "current: " << static_cast<int>(torchdevice::current_device()) << "\n";
  torchdevice::manual_seed(42);
  torchdevice::manual_seed_all(42);
  auto x = torch::randn({8, 8});
  torchdevice::synchronize();
  torchdevice::synchronize();
  torchdevice::empty_cache();
  std::cout << x.sum().item<float>() << "\n";
  return 0;
}
