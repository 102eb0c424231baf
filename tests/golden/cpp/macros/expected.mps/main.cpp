// Macros: an edit wholly inside a macro body is made in the definition (once, however many
// expansions); one that would span the macro and its argument is reported, never half-applied.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("mps");

#define DEVICE_TYPE torch::kCUDA
#define TO_GPU(t) (t).to(torchdevice::device())
#define SYNC_ALL() torchdevice::synchronize()
#define CALL_METHOD(m) m()
#define IS_AVAILABLE torch::cuda::is_available

int main() {
  auto a = torch::ones({2}).to(torchdevice::device_type());
  auto b = TO_GPU(a);
  auto c = TO_GPU(b + 1);
  SYNC_ALL();
  auto d = CALL_METHOD(c.cuda);
  bool ok = torchdevice::is_available();
  return ok && torchdevice::is_on_device(d) ? 0 : 1;
}
