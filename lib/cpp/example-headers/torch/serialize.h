// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// With <torch/torch.h>, torch::Tensor is the using-declaration `namespace torch { using at::Tensor; }`
// (LibTorch's serialize and optim headers make it); with only <torch/script.h> it is at::Tensor
// reached through `using namespace at`.
#pragma once

#include <ATen/core/Tensor.h>
#include <torch/types.h>

#include <utility>
#include <vector>

namespace torch {

using at::Tensor;

template <typename Value, typename... SaveToArgs>
void save(const Value& value, SaveToArgs&&... args);
template <typename... SaveToArgs>
void save(const std::vector<torch::Tensor>& tensor_vec, SaveToArgs&&... args);
template <typename Value, typename... LoadFromArgs>
void load(Value& value, LoadFromArgs&&... args);
template <typename... LoadFromArgs>
void load(std::vector<torch::Tensor>& tensor_vec, LoadFromArgs&&... args);

} // namespace torch
