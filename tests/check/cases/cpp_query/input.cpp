// QRY5xx, RNG5xx, SYN5xx, MEM5xx (C++): torch::cuda / c10::cuda queries, seeds, sync, memory.
// check-args: -- -std=c++17 -xc++ -I/__torchdevice_port__/example-headers
#include <torch/torch.h>
#include <c10/cuda/CUDAFunctions.h>  // expect: INC501@10*
#include <c10/cuda/CUDACachingAllocator.h>  // expect: INC501@10*

extern "C" int printf(const char *, ...);

namespace tc = torch::cuda;

// Findings: the written name with its qualifier.
void queries() {
  bool a = torch::cuda::is_available();  // expect: QRY501@12*
  auto b = torch::cuda::device_count();  // expect: QRY502@12*
  auto c = c10::cuda::current_device();  // expect: QRY503@12*
  c10::cuda::set_device(0);  // expect: QRY504@3*
  torch::cuda::manual_seed(7);  // expect: RNG501@3*
  torch::cuda::manual_seed_all(7);  // expect: RNG502@3*
  torch::cuda::synchronize();  // expect: SYN501@3*
  tc::synchronize();  // expect: SYN501@3*
  c10::cuda::CUDACachingAllocator::emptyCache();  // expect: MEM501@3*
  bool d = torch::cuda::cudnn_is_available();  // keep rule QRY505: no finding
  (void)a, (void)b, (void)c, (void)d;
}

// Suppressed.
void kept() {
  torch::cuda::synchronize();  // torchdevice: ignore[SYN]  // suppressed: SYN501@3*
  bool a = torch::cuda::is_available();  // torchdevice: ignore[QRY501,SYN]  // suppressed: QRY501@12*
  (void)a;
}

// Near misses: the user's own synchronize and device_count, in their own namespaces.
namespace mylib {
void synchronize() {}
int device_count() { return 1; }
namespace cuda {
void synchronize() {}
} // namespace cuda
} // namespace mylib

void nearMisses() {
  mylib::synchronize();
  mylib::cuda::synchronize();
  using namespace mylib;
  printf("cuda devices: %d\n", device_count());
}
