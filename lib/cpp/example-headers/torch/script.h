// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <ATen/ATen.h>
#include <torch/csrc/autograd/InferenceMode.h>
#include <torch/csrc/autograd/generated/variable_factories.h>
#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/serialization/import.h>
#include <torch/types.h>
