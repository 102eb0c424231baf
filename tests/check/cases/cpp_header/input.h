// A header without includes (as a pre-commit hook sees a lone header): names do not resolve, so
// the C++ frontend matches them by their spelling at token level (lower confidence). Still found.
// check-args: -- -std=c++17 -xc++
#pragma once

inline auto toGpu(torch::Tensor t) { return t.to(torch::kCUDA); }  // expect: DEV501@50*
inline void wait() { torch::cuda::synchronize(); }  // expect: SYN501@22*
inline void waitKept() { torch::cuda::synchronize(); }  // torchdevice: ignore  // suppressed: SYN501@26*
inline const char *name() { return "torch::kCUDA"; }
