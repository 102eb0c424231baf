#include "model.h"

torch::Tensor trainStep(const torch::Tensor &x) {
  auto y = toModelDevice(x);
  torch::cuda::synchronize();
  return y * 2;
}
