// Tensor and module moves, device checks, pinned memory (reported).
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("cpu");

struct Net : torch::nn::Module {
  Net() : fc(register_module("fc", torch::nn::Linear(4, 2))) {}
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc;
};

int main() {
  auto net = std::make_shared<Net>();
  net->to(torchdevice::device_type());
  torch::Tensor x = torch::randn({3, 4}).to(torchdevice::device());
  torch::Tensor y = torch::randn({3, 4}).to(torchdevice::device_type(), /*non_blocking=*/true);
  bool onGpu = torchdevice::is_on_device(x) && torchdevice::is_on_device(y);
  const torch::Tensor *p = &x;
  bool viaPointer = torchdevice::is_on_device((*p));
  bool apple = torchdevice::is_on_device(x);
  auto host = torch::empty({16}, torch::TensorOptions().pinned_memory(true));
  auto pinned = torch::randn({16}).pin_memory();
  return onGpu && viaPointer && !apple && host.numel() == pinned.numel() ? 0 : 1;
}
