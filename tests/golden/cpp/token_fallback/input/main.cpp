// The include path lacks a generated header that brings in LibTorch: nothing resolves, so
// qualified names are matched at token level (lower confidence in --stats); member calls and
// device strings, which need types, are left as written. The file is still ported, never dropped.
#include "generated/torch_all.h"

torch::Tensor run(torch::Tensor x) {
  c10::cuda::CUDAGuard guard(x.device());
  auto stream = at::cuda::getCurrentCUDAStream();
  torch::cuda::synchronize();
  return x.cuda().to(torch::kCUDA);
}
