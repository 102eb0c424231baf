// STR5xx (C++): CUDA streams, guards and events.
// check-args: -- -std=c++17 -xc++ -I/__torchdevice_port__/example-headers
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>  // expect: INC501@10*
#include <c10/cuda/CUDAGuard.h>  // expect: INC501@10*
#include <ATen/cuda/CUDAEvent.h>  // expect: INC501@10*

// Findings: the written type or function name with its qualifier; event flags are tokens.
void streams(c10::cuda::CUDAStream s) {  // expect: STR501@14*
  auto a = at::cuda::getCurrentCUDAStream();  // expect: STR502@12*
  auto b = c10::cuda::getDefaultCUDAStream();  // expect: STR503@12*
  auto c = c10::cuda::getStreamFromPool();  // expect: STR504@12*
  c10::cuda::setCurrentCUDAStream(s);  // expect: STR505@3*
  c10::cuda::CUDAStreamGuard g(s);  // expect: STR506@3*
  c10::cuda::OptionalCUDAStreamGuard h;  // expect: STR507@3*
  c10::cuda::CUDAGuard i(0);  // expect: STR508@3*
  c10::cuda::OptionalCUDAGuard j;  // expect: STR509@3*
  at::cuda::CUDAEvent k;  // expect: STR510@3*
  at::cuda::CUDAEvent l(cudaEventDisableTiming);  // expect: STR510@3* STR513@25*
  a.synchronize();
  b.synchronize();
  c.synchronize();
}

// Suppressed.
void kept() {
  c10::cuda::CUDAGuard i(0);  // torchdevice: ignore[STR508]  // suppressed: STR508@3*
}

// Near misses: a user stream type and the user's own synchronize method.
namespace mylib {
struct CUDAStream {
  void synchronize() const {}
};
} // namespace mylib

void nearMisses(const mylib::CUDAStream &s) { s.synchronize(); }
