// Tensor and module moves, device checks, pinned memory (reported).
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() : fc(register_module("fc", torch::nn::Linear(4, 2))) {}
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc;
};

int main() {
  auto net = std::make_shared<Net>();
  net->to(torch::kCUDA);
  torch::Tensor x = torch::randn({3, 4}).cuda();
  torch::Tensor y = torch::randn({3, 4}).to(torch::kCUDA, /*non_blocking=*/true);
  bool onGpu = x.is_cuda() && y.is_cuda();
  const torch::Tensor *p = &x;
  bool viaPointer = p->is_cuda();
  bool apple = x.is_mps();
  auto host = torch::empty({16}, torch::TensorOptions().pinned_memory(true));
  auto pinned = torch::randn({16}).pin_memory();
  return onGpu && viaPointer && !apple && host.numel() == pinned.numel() ? 0 : 1;
}
