// Several CUDA headers: the first becomes <torchdevice/torchdevice.h>, the others go away.
#include <torch/torch.h>
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>
#include "c10/cuda/CUDAStream.h"
#include <ATen/cuda/CUDAEvent.h>
#include <torch/cuda.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDACachingAllocator.h>

#include <iostream>

int main() {
  std::cout << torch::cuda::device_count() << "\n";
  return 0;
}
