#include "model.h"

#include <iostream>
#include <torchdevice/torchdevice.h>

torch::Tensor trainStep(const torch::Tensor &x);

int main() {
  auto y = trainStep(torch::ones({2}));
  std::cout << torchdevice::is_on_device(toModelDevice(y)) << "\n";
  return 0;
}
