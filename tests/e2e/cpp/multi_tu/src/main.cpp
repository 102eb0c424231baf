// A data-parallel-ish LibTorch program written for NVIDIA GPUs, in three translation units that
// share a project header: one linear-model replica per GPU (TensorOptions().device(kCUDA, rank)),
// gradients averaged on GPU 0 and broadcast back.
#include "devices.h"

#include <cstdio>

int main() {
  if (!torch::cuda::is_available()) {
    std::fprintf(stderr, "this program needs CUDA GPUs\n");
    return 2;
  }
  torch::manual_seed(5);
  const int replicas = dp::replicaCount();
  std::vector<torch::nn::Linear> models;
  for (int rank = 0; rank < replicas; ++rank) {
    models.emplace_back(4, 1);
    models.back()->to(dp::deviceFor(rank));
    if (rank > 0) {
      torch::NoGradGuard noGrad;
      auto src = models.front()->parameters();
      auto dst = models.back()->parameters();
      for (size_t i = 0; i < src.size(); ++i)
        dst[i].copy_(src[i].to(dp::deviceFor(rank)));
    }
  }
  const std::vector<dp::Shard> shards = dp::makeShards(replicas, 64);
  double first = 0.0, last = 0.0;
  for (int step = 0; step < 200; ++step) {
    last = dp::trainStep(models, shards, 0.05);
    if (step == 0)
      first = last;
  }
  const bool onGpu = dp::allOnGpu(models.front()->parameters());
  const bool ok = onGpu && last < first * 0.01;
  std::printf("RESULT replicas=%d loss_first=%.4f loss_last=%.6f on_gpu=%d ok=%s\n", replicas, first, last,
              onGpu ? 1 : 0, ok ? "True" : "False");
  return ok ? 0 : 1;
}
