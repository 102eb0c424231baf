// MOV5xx (C++): tensor moves and device queries on at::Tensor.
// check-args: -- -std=c++17 -xc++ -I/__torchdevice_port__/example-headers
#include <torch/torch.h>

// Findings: from the member name on.
torch::Tensor moves(torch::Tensor t, const torch::Tensor &u, torch::Tensor *p) {
  auto a = t.cuda();  // expect: MOV501@14*
  auto b = p->cuda();  // expect: MOV501@15*
  bool c = u.is_cuda();  // expect: MOV502@12*
  bool d = u.is_mps();  // expect: MOV503@12*
  auto e = t.pin_memory();  // expect: MOV505@14
  auto f = torch::TensorOptions().pinned_memory(true);  // expect: MOV504@35
  (void)c, (void)d, (void)f;
  return a + b + e;
}

// Suppressed.
torch::Tensor kept(torch::Tensor t) {
  auto a = t.cuda();  // torchdevice: ignore[MOV501]  // suppressed: MOV501@14*
  auto b = t.cuda();  /* torchdevice: ignore */  // suppressed: MOV501@14*
  return a + b;
}

// Near misses: a user class with a cuda() method, a variable named cuda.
struct Model {
  Model cuda() const { return *this; }
  bool is_cuda() const { return false; }
};

bool nearMisses(const Model &m, torch::Tensor t) {
  Model n = m.cuda();
  int cuda = 1;
  auto cpu = t.cpu();
  return n.is_cuda() || cuda == 0 || cpu.dim() == 0;
}
