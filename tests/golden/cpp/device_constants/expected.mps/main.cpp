// Every spelling of the CUDA and MPS device types.
#include <torch/torch.h>

#include <iostream>
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("mps");

namespace {
using torch::kCUDA;
}

torch::Tensor onTorchConstant(const torch::Tensor &t) { return t.to(torchdevice::device_type()); }
torch::Tensor onAtConstant(const torch::Tensor &t) { return t.to(torchdevice::device_type()); }
torch::Tensor onC10Constant(const torch::Tensor &t) { return t.to(torchdevice::device_type()); }
torch::Tensor onEnumerator(const torch::Tensor &t) { return t.to(torchdevice::device_type()); }
torch::Tensor onUsingDeclaration(const torch::Tensor &t) { return t.to(torchdevice::device_type()); }
torch::Tensor onMps(const torch::Tensor &t) { return t.to(torchdevice::device_type()); }

int main() {
  const auto type = torchdevice::device_type(); // auto keeps the constant's type
  torch::Device device(type);
  std::cout << (device.type() == torchdevice::device_type()) << "\n";
  torch::Tensor x = torch::ones({2, 2});
  // A comment that mentions torch::kCUDA is left alone, and so is a string: "torch::kCUDA".
  std::cout << onTorchConstant(x).sum().item<float>() + onMps(x).sum().item<float>() << "\n";
  return 0;
}
