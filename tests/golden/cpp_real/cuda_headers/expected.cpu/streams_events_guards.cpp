// Parsed against Debian's real LibTorch headers with no CUDA toolkit: c10/cuda and ATen/cuda
// need the parse shims, and every CUDA name below must resolve semantically.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

#include <iostream>
TORCHDEVICE_PREFER("cpu");

namespace cc = c10::cuda;
using Event = torchdevice::Event;

float timedMatmul(const torch::Tensor &a, torchdevice::Stream stream) {
  Event start(true), stop(true);
  start.record(stream);
  auto b = a.matmul(a);
  stop.record(stream);
  stop.synchronize();
  std::cout << b.sum().item<float>() << "\n";
  return start.elapsed_time(stop);
}

int main() {
  if (!torchdevice::is_available())
    return 1;
  torch::Device device(torchdevice::device(0));
  torchdevice::DeviceGuard guard(device);
  torchdevice::Stream side = torchdevice::get_stream_from_pool();
  auto current = torchdevice::current_stream();
  auto a = torch::randn({64, 64}, torch::TensorOptions().device(torchdevice::device(0)));
  {
    torchdevice::StreamGuard onSide(side);
    torchdevice::OptionalDeviceGuard maybe(device);
    Event ready;
    ready.record(current);
    ready.block(side);
    std::cout << timedMatmul(a.to(torchdevice::device()), side) << " ms, ready " << ready.query() << "\n";
  }
  torchdevice::set_stream(torchdevice::default_stream());
  torchdevice::synchronize();
  return torchdevice::is_on_device(a) ? 0 : 1;
}
