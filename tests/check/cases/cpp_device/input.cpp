// DEV5xx (C++): device types and device strings in LibTorch code.
// check-args: -- -std=c++17 -xc++ -I/__torchdevice_port__/example-headers
#include <torch/torch.h>

extern "C" int printf(const char *, ...);

using namespace torch;
namespace dev = c10;

// Findings: the written name with its qualifier, or the string literal.
torch::Tensor devices(torch::Tensor t, int rank) {
  auto a = t.to(torch::kCUDA);  // expect: DEV501@17*
  auto b = t.to(at::kCUDA);  // expect: DEV501@17*
  auto c = t.to(c10::DeviceType::CUDA);  // expect: DEV501@17*
  auto d = t.to(kCUDA);  // expect: DEV501@17*
  auto e = t.to(dev::kCUDA);  // expect: DEV501@17*
  auto f = t.to(torch::kMPS);  // expect: DEV502@17*
  torch::Device g("cuda");  // expect: DEV503@19*
  torch::Device h("cuda:1");  // expect: DEV504@19*
  torch::Device i("mps");  // expect: DEV505@19*
  torch::Device j("mps:0");  // expect: DEV506@19*
  auto k = t.to(torch::Device("cuda"));  // expect: DEV503@31*
  (void)g, (void)h, (void)i, (void)j, (void)rank;
  return a + b + c + d + e + f + k;
}

// Suppressed: the comment names the rule, a prefix of it, or nothing.
torch::Tensor kept(torch::Tensor t) {
  auto a = t.to(torch::kCUDA);  // torchdevice: ignore[DEV501]  // suppressed: DEV501@17*
  auto b = t.to(torch::kCUDA);  /* torchdevice: ignore[DEV] */  // suppressed: DEV501@17*
  torch::Device c("cuda");  // torchdevice: ignore  // suppressed: DEV503@19*
  // A suppression for another rule does not hide this one.
  auto d = t.to(torch::kCUDA);  // torchdevice: ignore[MOV]  // expect: DEV501@17*
  (void)c;
  return a + b + d;
}

// Near misses: "cuda" as text, a variable named cuda, CPU devices.
void nearMisses(torch::Tensor t) {
  printf("running on cuda\n");
  const char *name = "cuda";
  int cuda = 3;
  torch::Device cpu("cpu");
  auto u = t.to(torch::kCPU);
  printf("%s %d %d\n", name, cuda, static_cast<int>(u.dim()));
  (void)cpu;
}
