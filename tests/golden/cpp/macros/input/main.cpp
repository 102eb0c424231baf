// Macros: an edit wholly inside a macro body is made in the definition (once, however many
// expansions); one that would span the macro and its argument is reported, never half-applied.
#include <torch/torch.h>

#define DEVICE_TYPE torch::kCUDA
#define TO_GPU(t) (t).cuda()
#define SYNC_ALL() torch::cuda::synchronize()
#define CALL_METHOD(m) m()
#define IS_AVAILABLE torch::cuda::is_available

int main() {
  auto a = torch::ones({2}).to(DEVICE_TYPE);
  auto b = TO_GPU(a);
  auto c = TO_GPU(b + 1);
  SYNC_ALL();
  auto d = CALL_METHOD(c.cuda);
  bool ok = IS_AVAILABLE();
  return ok && d.is_cuda() ? 0 : 1;
}
