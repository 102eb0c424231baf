// UNS5xx (C++): raw CUDA runtime, kernels, cuBLAS/cuDNN handles, CUDA checks and graphs: reported,
// never rewritten.
// check-args: -- -std=c++17 -xc++ -I/__torchdevice_port__/example-headers
#include <torch/torch.h>
#include <cuda_runtime.h>

extern "C" int printf(const char *, ...);

// Findings: the token.
void raw(float *p, const float *q, unsigned long n) {
  cudaMalloc(&p, n);  // expect: UNS501@3
  cudaMemcpy(p, q, n, cudaMemcpyDeviceToHost);  // expect: UNS501@3
  cudaFree(p);  // expect: UNS501@3
}

// Suppressed.
void kept(float *p) {
  cudaFree(p);  // torchdevice: ignore[UNS501]  // suppressed: UNS501@3
}

// Near misses: the names in strings and comments (cudaMalloc, cudaFree), and a user function
// whose name merely starts like one.
void cudaMallocTracker() {}
void nearMisses() {
  printf("cudaMalloc failed; call cudaFree\n");
  cudaMallocTracker();
}
