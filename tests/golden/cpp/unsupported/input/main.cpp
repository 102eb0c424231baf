// Raw CUDA runtime calls, kernels, library handles, error checks and graphs: reported, not edited.
#include <torch/torch.h>
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAException.h>
#include <cuda_runtime_api.h>

#define __global__
struct CUDAGraph {};
struct cublasContext;
typedef cublasContext *cublasHandle_t;

__global__ void scale(float *x, float f) { *x *= f; }

void launch(float *x) {
  void *buffer = nullptr;
  C10_CUDA_CHECK(cudaMalloc(&buffer, 64));
  cudaStreamWaitEvent(nullptr, nullptr, 0);
  cublasHandle_t handle = nullptr;
  (void)handle;
  CUDAGraph graph;
  (void)graph;
#ifdef __CUDACC__
  scale<<<1, 1>>>(x, 2.0f);
#endif
  cudaFree(buffer);
}

int main() { return 0; }
