// Suppressions in C++: file level, unused (TDP100), and directives inside string literals and raw
// strings, which are text and suppress nothing.
// check-args: --report-unused-suppressions -- -std=c++17 -xc++ -I/__torchdevice_port__/example-headers
/* torchdevice: ignore-file[QRY] */
#include <torch/torch.h>

extern "C" int printf(const char *, ...);

bool fileLevel() { return torch::cuda::is_available(); }  // suppressed: QRY501@27*

torch::Tensor strings(torch::Tensor t) {
  printf("// torchdevice: ignore\n"); auto a = t.to(torch::kCUDA);  // expect: DEV501@53*
  const char *r = R"(/* torchdevice: ignore */)"; auto b = t.to(torch::kCUDA);  // expect: DEV501@65*
  (void)r;
  return a + b;
}

int unused = 0;  // torchdevice: ignore[DEV501]  // expect: TDP100@18
int unusedBlock = 0;  /* torchdevice: ignore */  // expect: TDP100@23
