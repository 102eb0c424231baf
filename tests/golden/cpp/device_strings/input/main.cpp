// Device strings and indexed devices.
#include <torch/torch.h>

torch::Device first() { return torch::Device("cuda"); }
torch::Device second() { return torch::Device("cuda:1"); }
torch::Device apple() { return torch::Device("mps"); }
torch::Device appleIndexed() { return torch::Device("mps:0"); }
torch::Device byIndex(int i) { return torch::Device(torch::kCUDA, i); }
torch::Device notADevice() { return torch::Device("cpu"); }

torch::Tensor place(int rank) {
  auto options = torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCUDA, rank);
  return torch::zeros({4}, options);
}

int main() {
  torch::Device d("cuda:0");
  auto t = torch::ones({3}).to(d);
  return t.device() == byIndex(0) && first() != second() && apple() == appleIndexed() ? 0 : 1;
}
