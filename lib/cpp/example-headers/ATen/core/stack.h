// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <ATen/core/ivalue.h>

#include <vector>

namespace torch {
namespace jit {
using c10::IValue;
using Stack = std::vector<IValue>;
} // namespace jit
} // namespace torch
