// Batched inference written for one NVIDIA GPU: a plain torch::nn module (no TorchScript), batches
// copied with non_blocking moves and spread over two streams from the pool, the streams joined
// with events, per-batch timing with CUDA events, an OptionalCUDAGuard around the whole run, and
// the caching allocator emptied at the end. The results are checked against the same model on the
// CPU.
#include <torch/torch.h>
#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

torch::nn::Sequential makeModel() {
  return torch::nn::Sequential(torch::nn::Linear(16, 32), torch::nn::ReLU(), torch::nn::Linear(32, 4));
}

} // namespace

int main() {
  if (!torch::cuda::is_available()) {
    std::fprintf(stderr, "this program needs a CUDA GPU\n");
    return 2;
  }
  torch::manual_seed(3);
  torch::cuda::manual_seed(3);
  const torch::Device gpu("cuda:0");
  c10::cuda::OptionalCUDAGuard deviceGuard(gpu);

  torch::nn::Sequential reference = makeModel();
  reference->eval();
  torch::nn::Sequential model = makeModel();
  {
    torch::NoGradGuard noGrad;
    auto from = reference->parameters();
    auto to = model->parameters();
    for (size_t i = 0; i < from.size(); ++i)
      to[i].copy_(from[i]);
  }
  model->to(torch::kCUDA);
  model->eval();

  constexpr int Batches = 8;
  std::vector<torch::Tensor> inputs;
  for (int b = 0; b < Batches; ++b)
    inputs.push_back(torch::randn({32, 16}));

  std::vector<at::cuda::CUDAStream> streams = {at::cuda::getStreamFromPool(), at::cuda::getStreamFromPool()};
  at::cuda::CUDAStream mainStream = at::cuda::getCurrentCUDAStream();
  std::vector<torch::Tensor> outputs(Batches);
  std::vector<float> millis;
  {
    torch::NoGradGuard noGrad;
    for (int b = 0; b < Batches; ++b) {
      at::cuda::CUDAStream stream = streams[b % streams.size()];
      at::cuda::CUDAEvent inputReady;
      inputReady.record(mainStream);
      inputReady.block(stream);
      c10::cuda::CUDAStreamGuard onStream(stream);
      at::cuda::CUDAEvent start(cudaEventDefault), stop(cudaEventDefault);
      start.record(stream);
      torch::Tensor x = inputs[b].to(gpu, /*non_blocking=*/true);
      outputs[b] = model->forward(x);
      stop.record(stream);
      stop.synchronize();
      millis.push_back(start.elapsed_time(stop));
    }
  }
  for (auto &stream : streams)
    stream.synchronize();
  torch::cuda::synchronize();

  bool onDevice = true;
  double maxErr = 0.0;
  {
    torch::NoGradGuard noGrad;
    for (int b = 0; b < Batches; ++b) {
      onDevice = onDevice && outputs[b].is_cuda();
      torch::Tensor want = reference->forward(inputs[b]);
      maxErr = std::max(maxErr, (outputs[b].to(torch::kCPU) - want).abs().max().item<double>());
    }
  }
  double total = 0.0;
  for (float m : millis)
    total += m;
  c10::cuda::CUDACachingAllocator::emptyCache();
  const bool ok = onDevice && maxErr < 1e-4 && static_cast<int>(millis.size()) == Batches && total >= 0.0;
  std::printf("RESULT batches=%d max_abs_err=%.3g mean_ms=%.3f on_device=%d ok=%s\n", Batches, maxErr,
              total / Batches, onDevice ? 1 : 0, ok ? "True" : "False");
  return ok ? 0 : 1;
}
