// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <cstdint>

namespace torch {
namespace nn {

/// The setters and getters that LibTorch's TORCH_ARG(T, name) declares, for each option.
struct LinearOptions {
  LinearOptions(int64_t in_features, int64_t out_features);
  auto in_features(const int64_t& new_in_features) -> decltype(*this);
  auto in_features(int64_t&& new_in_features) -> decltype(*this);
  const int64_t& in_features() const noexcept;
  int64_t& in_features() noexcept;
  auto out_features(const int64_t& new_out_features) -> decltype(*this);
  auto out_features(int64_t&& new_out_features) -> decltype(*this);
  const int64_t& out_features() const noexcept;
  int64_t& out_features() noexcept;
  auto bias(const bool& new_bias) -> decltype(*this);
  auto bias(bool&& new_bias) -> decltype(*this);
  const bool& bias() const noexcept;
  bool& bias() noexcept;
};

} // namespace nn
} // namespace torch
