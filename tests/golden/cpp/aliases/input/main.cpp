// Names reached through using declarations, namespace aliases, typedefs and auto.
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>
#include <c10/cuda/CUDAGuard.h>

namespace tc = torch::cuda;
namespace cc = c10::cuda;
using c10::cuda::getCurrentCUDAStream;
using SideStream = c10::cuda::CUDAStream;
typedef c10::cuda::CUDAGuard Guard;

int main() {
  if (!tc::is_available())
    return 1;
  Guard guard(0);
  SideStream s = cc::getStreamFromPool();
  auto current = getCurrentCUDAStream();
  cc::setCurrentCUDAStream(s);
  tc::synchronize();
  return current == s ? 1 : 0;
}
