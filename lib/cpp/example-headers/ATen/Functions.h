// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// A few at:: factory functions and operations. torch::ones, torch::zeros, ... are separate
// functions in namespace torch (torch/csrc/autograd/generated/variable_factories.h) that hide these.
#pragma once

#include <ATen/core/IListRef.h>
#include <ATen/core/Tensor.h>
#include <c10/core/Scalar.h>
#include <c10/core/TensorOptions.h>
#include <c10/util/ArrayRef.h>
#include <c10/util/Optional.h>

#include <cstdint>
#include <functional>

namespace at {

Tensor ones(at::IntArrayRef size, at::TensorOptions options = {});
Tensor zeros(at::IntArrayRef size, at::TensorOptions options = {});
Tensor empty(at::IntArrayRef size, at::TensorOptions options = {},
             c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
Tensor rand(at::IntArrayRef size, at::TensorOptions options = {});
Tensor randn(at::IntArrayRef size, at::TensorOptions options = {});
Tensor randint(int64_t high, at::IntArrayRef size, at::TensorOptions options = at::kLong);
Tensor randint(int64_t low, int64_t high, at::IntArrayRef size, at::TensorOptions options = at::kLong);
Tensor full(at::IntArrayRef size, const at::Scalar& fill_value, at::TensorOptions options = {});
Tensor arange(const at::Scalar& end, at::TensorOptions options = {});
Tensor arange(const at::Scalar& start, const at::Scalar& end, at::TensorOptions options = {});
Tensor eye(int64_t n, at::TensorOptions options = {});
Tensor ones_like(const at::Tensor& self, at::TensorOptions options = {},
                 c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
Tensor zeros_like(const at::Tensor& self, at::TensorOptions options = {},
                  c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
Tensor empty_like(const at::Tensor& self, at::TensorOptions options = {},
                  c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const std::function<void(void*)>& deleter,
                 const TensorOptions& options = {}, const c10::optional<Device> target_device = c10::nullopt);
Tensor from_blob(void* data, IntArrayRef sizes, std::function<void(void*)> deleter, const TensorOptions& options = {},
                 const c10::optional<Device> target_device = c10::nullopt);
Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const TensorOptions& options = {});
Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options = {});

Tensor cat(const at::ITensorListRef& tensors, int64_t dim = 0);
Tensor stack(at::TensorList tensors, int64_t dim = 0);
Tensor matmul(const at::Tensor& self, const at::Tensor& other);
Tensor mm(const at::Tensor& self, const at::Tensor& mat2);
Tensor relu(const at::Tensor& self);
Tensor sigmoid(const at::Tensor& self);
Tensor softmax(const at::Tensor& self, int64_t dim, c10::optional<at::ScalarType> dtype = c10::nullopt);
Tensor sum(const at::Tensor& self, c10::optional<at::ScalarType> dtype = c10::nullopt);
Tensor mean(const at::Tensor& self, c10::optional<at::ScalarType> dtype = c10::nullopt);
Tensor abs(const at::Tensor& self);
Tensor exp(const at::Tensor& self);
Tensor log(const at::Tensor& self);
Tensor sqrt(const at::Tensor& self);
bool allclose(const at::Tensor& self, const at::Tensor& other, double rtol = 1e-05, double atol = 1e-08,
              bool equal_nan = false);
bool equal(const at::Tensor& self, const at::Tensor& other);

} // namespace at
