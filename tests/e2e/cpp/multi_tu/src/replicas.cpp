#include "devices.h"

namespace dp {

double trainStep(std::vector<torch::nn::Linear> &replicas, const std::vector<Shard> &shards, double lr) {
  double total = 0.0;
  std::vector<std::vector<torch::Tensor>> grads;
  for (size_t rank = 0; rank < replicas.size(); ++rank) {
    c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(rank));
    replicas[rank]->zero_grad();
    torch::Tensor loss = torch::mse_loss(replicas[rank]->forward(shards[rank].x), shards[rank].y);
    loss.backward();
    total += loss.item<double>();
    std::vector<torch::Tensor> g;
    for (const torch::Tensor &p : replicas[rank]->parameters())
      g.push_back(p.grad().to(torch::Device("cuda:0")));
    grads.push_back(g);
  }
  torch::NoGradGuard noGrad;
  auto params = replicas[0]->parameters();
  for (size_t i = 0; i < params.size(); ++i) {
    torch::Tensor sum = torch::zeros_like(params[i]);
    for (const auto &g : grads)
      sum += g[i];
    params[i] -= lr * sum / static_cast<double>(grads.size());
  }
  for (size_t rank = 1; rank < replicas.size(); ++rank) {
    auto dst = replicas[rank]->parameters();
    for (size_t i = 0; i < params.size(); ++i)
      dst[i].copy_(params[i].to(deviceFor(static_cast<int>(rank))));
  }
  torch::cuda::synchronize();
  return total / static_cast<double>(replicas.size());
}

} // namespace dp
