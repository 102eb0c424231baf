// Every spelling of the CUDA and MPS device types.
#include <torch/torch.h>

#include <iostream>

namespace {
using torch::kCUDA;
}

torch::Tensor onTorchConstant(const torch::Tensor &t) { return t.to(torch::kCUDA); }
torch::Tensor onAtConstant(const torch::Tensor &t) { return t.to(at::kCUDA); }
torch::Tensor onC10Constant(const torch::Tensor &t) { return t.to(c10::kCUDA); }
torch::Tensor onEnumerator(const torch::Tensor &t) { return t.to(c10::DeviceType::CUDA); }
torch::Tensor onUsingDeclaration(const torch::Tensor &t) { return t.to(kCUDA); }
torch::Tensor onMps(const torch::Tensor &t) { return t.to(torch::kMPS); }

int main() {
  const auto type = torch::kCUDA; // auto keeps the constant's type
  torch::Device device(type);
  std::cout << (device.type() == c10::DeviceType::CUDA) << "\n";
  torch::Tensor x = torch::ones({2, 2});
  // A comment that mentions torch::kCUDA is left alone, and so is a string: "torch::kCUDA".
  std::cout << onTorchConstant(x).sum().item<float>() + onMps(x).sum().item<float>() << "\n";
  return 0;
}
