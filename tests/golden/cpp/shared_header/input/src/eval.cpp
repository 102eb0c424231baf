#include "model.h"

#include <iostream>

torch::Tensor trainStep(const torch::Tensor &x);

int main() {
  auto y = trainStep(torch::ones({2}));
  std::cout << toModelDevice(y).is_cuda() << "\n";
  return 0;
}
