// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/macros/Macros.h>

#include <cstdint>

namespace c10 {

struct alignas(2) Half {
  uint16_t x;
  Half() = default;
  Half(float value);
  operator float() const;
};

} // namespace c10
