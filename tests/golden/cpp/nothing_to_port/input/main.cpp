// CPU-only LibTorch code: nothing changes (a name that only looks like CUDA stays).
#include <torch/torch.h>

#include <iostream>

namespace mine {
int cuda() { return 3; }
} // namespace mine

int main() {
  auto t = torch::ones({2, 2}).to(torch::kCPU);
  std::cout << t.sum().item<float>() << " " << mine::cuda() << "\n";
  return 0;
}
