// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <cstdint>

namespace torch {
namespace nn {

struct LinearOptions {
  LinearOptions(int64_t in_features, int64_t out_features);
  LinearOptions& in_features(const int64_t& value);
  const int64_t& in_features() const noexcept;
  LinearOptions& out_features(const int64_t& value);
  const int64_t& out_features() const noexcept;
  LinearOptions& bias(const bool& value);
  const bool& bias() const noexcept;
};

} // namespace nn
} // namespace torch
