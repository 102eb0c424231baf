#include "devices.h"

namespace dp {

std::vector<Shard> makeShards(int replicas, int perShard) {
  torch::cuda::manual_seed_all(11);
  torch::Tensor w = torch::tensor({1.5F, -2.0F, 0.25F, 3.0F});
  std::vector<Shard> shards;
  for (int rank = 0; rank < replicas; ++rank) {
    c10::cuda::CUDAGuard guard(rank);
    torch::Tensor x = torch::randn({perShard, 4}).to(deviceFor(rank), /*non_blocking=*/true);
    torch::Tensor y = torch::mv(x, w.to(deviceFor(rank))) + torch::full({perShard}, 0.5, optionsFor(rank));
    shards.push_back({x, y.unsqueeze(1)});
  }
  return shards;
}

} // namespace dp
