// Runs Body(i) for i in [0, Count) on up to Jobs threads (work is taken one index at a time).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace tdp {

template <typename BodyFn> void parallelFor(std::size_t Count, unsigned Jobs, BodyFn &&Body) {
  std::atomic<std::size_t> Next{0};
  auto Worker = [&] {
    for (std::size_t I = Next++; I < Count; I = Next++)
      Body(I);
  };
  auto Threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, Jobs), Count));
  if (Threads <= 1) {
    Worker();
    return;
  }
  std::vector<std::thread> Pool;
  for (unsigned T = 0; T < Threads; ++T)
    Pool.emplace_back(Worker);
  for (std::thread &T : Pool)
    T.join();
}

} // namespace tdp
