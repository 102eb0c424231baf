// Guards and events, with the event flags of the CUDA runtime.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

#include <iostream>
TORCHDEVICE_PREFER("mps");

float timed(const torch::Tensor &a) {
  torchdevice::Event start(true), stop(true);
  torchdevice::Event marker(false);
  auto stream = torchdevice::current_stream();
  start.record(stream);
  auto b = a.matmul(a);
  stop.record(stream);
  marker.record();
  marker.block(stream);
  stop.synchronize();
  std::cout << "done: " << stop.query() << " " << b.sum().item<float>() << "\n";
  return start.elapsed_time(stop);
}

int main() {
  torchdevice::DeviceGuard guard(0);
  {
    torchdevice::OptionalDeviceGuard maybe;
    torchdevice::OptionalStreamGuard maybeStream;
  }
  auto side = torchdevice::get_stream_from_pool();
  {
    torchdevice::StreamGuard onSide(side);
    std::cout << timed(torch::ones({64, 64})) << " ms\n";
  }
  return 0;
}
