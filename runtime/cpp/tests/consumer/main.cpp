// What a ported CUDA program looks like after the port: <torchdevice/torchdevice.h>, the port's
// preference, torchdevice:: names in place of torch::kCUDA / c10::cuda / at::cuda.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

#include <chrono>
#include <iostream>

// Written by the port after the includes (its --target). Without MPS, the runtime falls back to the
// first available device (cpu here) and prints one warning.
TORCHDEVICE_PREFER("mps");

int main() {
  const auto device = torchdevice::device();
  std::cout << "device: " << torchdevice::device_string() << " (" << torchdevice::get_device_name() << ")\n";
  std::cout << "package version: " << TORCHDEVICE_PACKAGE_VERSION << "\n";

  auto a = torch::ones({256, 256}, torch::TensorOptions().device(device));
  torchdevice::Event ready;
  ready.record();
  torch::Tensor product;
  const auto side = torchdevice::get_stream_from_pool();
  {
    torchdevice::StreamGuard guard(side);
    side.wait_event(ready);
    product = torch::matmul(a, a);
  }
  torchdevice::current_stream().wait_stream(side);
  const bool side_ok = torch::allclose(product, torch::full({256, 256}, 256.0, a.options())) &&
                       torchdevice::current_stream() == torchdevice::default_stream();
  std::cout << "side stream result: " << (side_ok ? "ok" : "WRONG") << "\n";

  torchdevice::Event start(/*enable_timing=*/true);
  torchdevice::Event end(/*enable_timing=*/true);
  start.record();
  const auto t0 = std::chrono::steady_clock::now();
  auto big = torch::matmul(torch::rand({512, 512}), torch::rand({512, 512}));
  const auto t1 = std::chrono::steady_clock::now();
  end.record();
  const double wall_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const bool timing_ok = static_cast<double>(start.elapsed_time(end)) >= wall_ms && big.size(0) == 512;
  std::cout << "elapsed covers work: " << (timing_ok ? "ok" : "WRONG") << "\n";
  std::cout << "memory_allocated: " << torchdevice::memory_allocated() << " bytes\n";
  torchdevice::synchronize();
  return side_ok && timing_ok ? 0 : 1;
}
