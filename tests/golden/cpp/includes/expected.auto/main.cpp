// Several CUDA headers: the first becomes <torchdevice/torchdevice.h>, the others go away.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>

#include <iostream>

int main() {
  std::cout << torchdevice::device_count() << "\n";
  return 0;
}
