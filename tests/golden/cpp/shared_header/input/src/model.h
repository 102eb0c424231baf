// A project header included by two translation units: ported once.
#pragma once
#include <torch/torch.h>
#include <c10/cuda/CUDAGuard.h>

inline torch::Device modelDevice() { return torch::Device(torch::kCUDA, 0); }

inline torch::Tensor toModelDevice(const torch::Tensor &t) {
  c10::cuda::OptionalCUDAGuard guard(modelDevice());
  return t.cuda();
}
