// A small CUDA-only LibTorch training program, written for torchdevice-port's end-to-end test:
// it trains a two-layer network on a synthetic regression task on the GPU, prefetches the next
// batch on a side stream, times each epoch with CUDA events and prints the loss.
#include <torch/torch.h>

#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDAGuard.h>

#include <cstdio>
#include <vector>

struct Net : torch::nn::Module {
  Net() : fc1(register_module("fc1", torch::nn::Linear(8, 32))), fc2(register_module("fc2", torch::nn::Linear(32, 1))) {}
  torch::Tensor forward(torch::Tensor x) { return fc2->forward(torch::relu(fc1->forward(x))); }
  torch::nn::Linear fc1, fc2;
};

int main() {
  torch::manual_seed(0);
  torch::cuda::manual_seed_all(0);
  const torch::Device device(torch::kCUDA, 0);
  const int batches = 16, batch_size = 64;

  // Synthetic data on the host: y = sum(x * w) + noise.
  torch::Tensor w = torch::linspace(-1, 1, 8);
  std::vector<torch::Tensor> xs, ys;
  for (int b = 0; b < batches; ++b) {
    torch::Tensor x = torch::randn({batch_size, 8});
    xs.push_back(x);
    ys.push_back((x * w).sum(1, true) + 0.01 * torch::randn({batch_size, 1}));
  }

  auto net = std::make_shared<Net>();
  net->to(device);
  torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(0.05));

  c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool();
  at::cuda::CUDAEvent start(cudaEventDefault), stop(cudaEventDefault);
  float first_loss = 0, last_loss = 0;
  for (int epoch = 0; epoch < 8; ++epoch) {
    start.record(at::cuda::getCurrentCUDAStream());
    double total = 0;
    torch::Tensor next_x, next_y;
    {
      c10::cuda::CUDAStreamGuard guard(side);
      next_x = xs[0].to(device, /*non_blocking=*/true);
      next_y = ys[0].cuda();
    }
    for (int b = 0; b < batches; ++b) {
      at::cuda::getCurrentCUDAStream().synchronize();
      side.synchronize();
      torch::Tensor x = next_x, y = next_y;
      if (b + 1 < batches) {
        c10::cuda::CUDAStreamGuard guard(side);
        next_x = xs[b + 1].to(device, /*non_blocking=*/true);
        next_y = ys[b + 1].cuda();
      }
      optimizer.zero_grad();
      torch::Tensor loss = torch::mse_loss(net->forward(x), y);
      loss.backward();
      optimizer.step();
      total += loss.item<double>();
    }
    stop.record(at::cuda::getCurrentCUDAStream());
    torch::cuda::synchronize();
    float mean = static_cast<float>(total / batches);
    if (epoch == 0)
      first_loss = mean;
    last_loss = mean;
    std::printf("epoch %d loss %.6f time %.2f ms on %s\n", epoch, mean, start.elapsed_time(stop),
                next_x.device().str().c_str());
  }
  bool ok = last_loss < 0.5f * first_loss;
  std::printf("RESULT loss_first=%.6f loss_last=%.6f ok=%s\n", first_loss, last_loss, ok ? "True" : "False");
  return ok ? 0 : 1;
}
