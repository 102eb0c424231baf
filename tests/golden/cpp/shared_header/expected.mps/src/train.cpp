#include "model.h"
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("mps");

torch::Tensor trainStep(const torch::Tensor &x) {
  auto y = toModelDevice(x);
  torchdevice::synchronize();
  return y * 2;
}
