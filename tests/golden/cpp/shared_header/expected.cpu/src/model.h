// A project header included by two translation units: ported once.
#pragma once
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

inline torch::Device modelDevice() { return torch::Device(torchdevice::device(0)); }

inline torch::Tensor toModelDevice(const torch::Tensor &t) {
  torchdevice::OptionalDeviceGuard guard(modelDevice());
  return t.to(torchdevice::device());
}
