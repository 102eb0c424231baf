// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// As in LibTorch, torch::jit::load needs <torch/script.h>; <torch/torch.h> only brings torch::jit::Module.
#pragma once

#include <torch/csrc/jit/api/module.h>
