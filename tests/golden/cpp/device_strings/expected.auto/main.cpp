// Device strings and indexed devices.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

torch::Device first() { return torch::Device(torchdevice::device()); }
torch::Device second() { return torch::Device(torchdevice::device(1)); }
torch::Device apple() { return torch::Device(torchdevice::device()); }
torch::Device appleIndexed() { return torch::Device(torchdevice::device(0)); }
torch::Device byIndex(int i) { return torch::Device(torchdevice::device(i)); }
torch::Device notADevice() { return torch::Device("cpu"); }

torch::Tensor place(int rank) {
  auto options = torch::TensorOptions().dtype(torch::kFloat32).device(torchdevice::device(rank));
  return torch::zeros({4}, options);
}

int main() {
  torch::Device d(torchdevice::device(0));
  auto t = torch::ones({3}).to(d);
  return t.device() == byIndex(0) && first() != second() && apple() == appleIndexed() ? 0 : 1;
}
