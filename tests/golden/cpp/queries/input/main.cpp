// Queries, seeding, synchronization and the caching allocator.
#include <torch/torch.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDACachingAllocator.h>

#include <iostream>

int main() {
  if (!torch::cuda::is_available()) {
    std::cerr << "no GPU\n";
    return 1;
  }
  std::cout << "devices: " << torch::cuda::device_count() << " / " << c10::cuda::device_count() << "\n";
  std::cout << "cudnn: " << torch::cuda::cudnn_is_available() << "\n";
  c10::cuda::set_device(0);
  std::cout << "current: " << static_cast<int>(c10::cuda::current_device()) << "\n";
  torch::cuda::manual_seed(42);
  torch::cuda::manual_seed_all(42);
  auto x = torch::randn({8, 8});
  torch::cuda::synchronize();
  c10::cuda::device_synchronize();
  c10::cuda::CUDACachingAllocator::emptyCache();
  std::cout << x.sum().item<float>() << "\n";
  return 0;
}
