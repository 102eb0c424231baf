// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <ATen/core/ATen_fwd.h>
#include <c10/core/Device.h>

#include <cstdint>

namespace at {

struct Generator {
  Generator();
  bool operator==(const Generator& rhs) const;
  bool operator!=(const Generator& rhs) const;
  bool defined() const;
  void set_current_seed(uint64_t seed);
  uint64_t current_seed() const;
  uint64_t seed();
  void set_state(const at::Tensor& new_state);
  at::Tensor get_state() const;
  Device device() const;

 private:
  void* impl_;
};

} // namespace at
