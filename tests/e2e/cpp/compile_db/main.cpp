// Ported with `torchdevice-port . -p <build dir>`: the compile database supplies the include
// directory of app/stream_helpers.h and USE_SIDE_STREAM.
#include <app/stream_helpers.h>

#include <cstdio>

int main() {
  torch::Tensor x = torch::arange(6, torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCUDA));
#if USE_SIDE_STREAM
  torch::Tensor y = app::scaledOn(c10::cuda::getStreamFromPool(), x, 2.0);
#else
  torch::Tensor y = x * 2.0;
#endif
  torch::cuda::synchronize();
  const double sum = y.sum().item<double>();
  const bool ok = sum == 30.0 && y.is_cuda();
  std::printf("RESULT sum=%.1f ok=%s\n", sum, ok ? "True" : "False");
  return ok ? 0 : 1;
}
