// Parse-only check for lib/cpp/shims (see tests/shims/CMakeLists.txt).
//
// A CUDA-using LibTorch program of the kind torchdevice-port translates. It
// is never compiled to an object file or linked: CTest runs
//   clang++-19 -std=c++17 -fsyntax-only -idirafter lib/cpp/shims ...
// on it and fails on any diagnostic of error severity. Without the shims the
// very first CUDA header stops the parse with
//   fatal error: 'cuda_runtime_api.h' file not found

#include <torch/torch.h>

#include <ATen/cuda/CUDAContext.h>
#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGeneratorImpl.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAException.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/cuda.h>

#include <cuda_runtime.h>

#include <cstdint>
#include <iostream>
#include <vector>

namespace {

// The shims must make these resolve to the real LibTorch declarations.
static_assert(std::is_same<decltype(c10::cuda::getCurrentCUDAStream(0)),
                           c10::cuda::CUDAStream>::value,
              "getCurrentCUDAStream returns c10::cuda::CUDAStream");
static_assert(std::is_same<at::cuda::CUDAStream, c10::cuda::CUDAStream>::value,
              "at::cuda re-exports c10::cuda");
static_assert(std::is_convertible<c10::cuda::CUDAStream, cudaStream_t>::value,
              "CUDAStream converts to the runtime's stream handle");
static_assert(CUDA_VERSION >= 11000, "graph code paths are enabled");

torch::Tensor scaled_add(const torch::Tensor& a, const torch::Tensor& b) {
  const c10::cuda::OptionalCUDAGuard device_guard(a.device());
  return a * 2 + b;
}

float time_matmul(int64_t n, c10::DeviceIndex device) {
  c10::cuda::CUDAGuard guard(device);
  auto opts = torch::TensorOptions().device(torch::kCUDA, device);
  auto x = torch::randn({n, n}, opts);

  at::cuda::CUDAEvent start(cudaEventDefault);
  at::cuda::CUDAEvent stop(cudaEventDefault);
  c10::cuda::CUDAStream stream = at::cuda::getCurrentCUDAStream(device);
  start.record(stream);
  auto y = torch::matmul(x, x);
  stop.record(stream);
  stop.synchronize();
  (void)y;
  return start.elapsed_time(stop);
}

void overlap_on_side_stream(const torch::Tensor& input) {
  c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(
      /*isHighPriority=*/false, input.device().index());
  c10::cuda::CUDAStream main_stream = c10::cuda::getCurrentCUDAStream();

  at::cuda::CUDAEvent ready;
  ready.record(main_stream);
  ready.block(side);
  {
    c10::cuda::CUDAStreamGuard stream_guard(side);
    auto out = input.sin();
    c10::cuda::CUDACachingAllocator::recordStream(
        out.storage().data_ptr(), side);
  }
  at::cuda::CUDAEvent done;
  done.record(side);
  if (!done.query()) {
    done.block(main_stream);
  }

  c10::cuda::setCurrentCUDAStream(side);
  c10::cuda::setCurrentCUDAStream(c10::cuda::getDefaultCUDAStream());
  side.synchronize();
  std::cout << "side stream " << side << " id " << side.id()
            << " idle: " << side.query() << "\n";
}

void raw_runtime_calls(c10::cuda::CUDAStream stream) {
  int device = 0;
  C10_CUDA_CHECK(cudaGetDevice(&device));
  int count = 0;
  C10_CUDA_CHECK(cudaGetDeviceCount(&count));

  std::vector<float> host(256, 1.0f);
  void* dev = nullptr;
  C10_CUDA_CHECK(cudaMalloc(&dev, host.size() * sizeof(float)));
  C10_CUDA_CHECK(cudaMemcpyAsync(dev, host.data(), host.size() * sizeof(float),
                                 cudaMemcpyHostToDevice, stream.stream()));
  C10_CUDA_CHECK(cudaStreamSynchronize(stream));
  C10_CUDA_CHECK(cudaFree(dev));

  cudaEvent_t ev = nullptr;
  C10_CUDA_CHECK(cudaEventCreateWithFlags(&ev, cudaEventDisableTiming));
  C10_CUDA_CHECK(cudaEventRecord(ev, stream));
  if (cudaEventQuery(ev) == cudaErrorNotReady) {
    C10_CUDA_CHECK(cudaEventSynchronize(ev));
  }
  C10_CUDA_CHECK(cudaEventDestroy(ev));
  C10_CUDA_KERNEL_LAUNCH_CHECK();

  cudaDeviceProp* prop = at::cuda::getCurrentDeviceProperties();
  std::cout << prop->name << " sm_" << prop->major << prop->minor << " x"
            << prop->multiProcessorCount << " : "
            << cudaGetErrorString(cudaGetLastError()) << "\n";
  cublasHandle_t blas = at::cuda::getCurrentCUDABlasHandle();
  (void)blas;
}

}  // namespace

int main() {
  if (!torch::cuda::is_available()) {
    std::cerr << "CUDA not available\n";
    return 0;
  }
  std::cout << "devices: " << torch::cuda::device_count()
            << " cudnn: " << torch::cuda::cudnn_is_available() << "\n";
  torch::cuda::manual_seed(42);
  torch::cuda::manual_seed_all(42);

  auto a = torch::ones({4, 4}, torch::kCUDA);
  auto b = torch::zeros_like(a);
  auto c = scaled_add(a, b).to(torch::kCPU);
  std::cout << c << "\n";

  overlap_on_side_stream(a);
  raw_runtime_calls(at::cuda::getCurrentCUDAStream());
  std::cout << "matmul ms: " << time_matmul(512, 0) << "\n";

  auto& gen = at::cuda::detail::getDefaultCUDAGenerator();
  (void)gen;
  at::cuda::CUDAGraph graph;
  (void)graph;

  torch::cuda::synchronize();
  c10::cuda::device_synchronize();
  c10::cuda::CUDACachingAllocator::emptyCache();
  return 0;
}
