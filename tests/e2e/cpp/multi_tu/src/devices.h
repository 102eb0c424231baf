// Shared by every translation unit of the program: where tensors of replica `rank` live.
#pragma once

#include <torch/torch.h>
#include <c10/cuda/CUDAGuard.h>

#include <vector>

namespace dp {

inline torch::TensorOptions optionsFor(int rank) {
  return torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCUDA, rank);
}

inline torch::Device deviceFor(int rank) { return torch::Device(torch::kCUDA, rank); }

inline int replicaCount() { return static_cast<int>(torch::cuda::device_count()); }

inline bool allOnGpu(const std::vector<torch::Tensor> &tensors) {
  for (const torch::Tensor &t : tensors)
    if (!t.is_cuda())
      return false;
  return true;
}

struct Shard {
  torch::Tensor x, y;
};

/// Synthetic regression data: y = x . w + 0.5, split into one shard per replica.
std::vector<Shard> makeShards(int replicas, int perShard);

/// One data-parallel step: forward/backward on every replica, gradients averaged on replica 0,
/// the update applied there and broadcast. Returns the mean loss.
double trainStep(std::vector<torch::nn::Linear> &replicas, const std::vector<Shard> &shards, double lr);

} // namespace dp
