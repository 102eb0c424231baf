// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/core/InferenceMode.h>

namespace torch {
namespace autograd {
using InferenceMode = c10::InferenceMode;
}
} // namespace torch
