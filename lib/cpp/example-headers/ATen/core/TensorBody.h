// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// at::Tensor (torch::Tensor reaches it: see torch/types.h and torch/serialize.h). Methods are
// declared in the class LibTorch declares them in: cuda(), cpu(), to(), pin_memory(),
// record_stream() are at::Tensor's; is_cuda(), device(), options() are at::TensorBase's.
#pragma once

#include <ATen/core/ATen_fwd.h>
#include <ATen/core/TensorBase.h>
#include <c10/core/Device.h>
#include <c10/core/Scalar.h>
#include <c10/core/ScalarType.h>
#include <c10/core/Stream.h>
#include <c10/core/TensorOptions.h>
#include <c10/util/ArrayRef.h>
#include <c10/util/Optional.h>

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string_view>
#include <tuple>

namespace at {

class Tensor;
using TensorList = ArrayRef<Tensor>;

using Stream = c10::Stream;

class Tensor : public TensorBase {
 public:
  Tensor() = default;
  Tensor(const Tensor& tensor) = default;
  Tensor(Tensor&& tensor) = default;
  explicit Tensor(const TensorBase& base);
  /*implicit*/ Tensor(TensorBase&& base);

  Tensor contiguous(MemoryFormat memory_format = MemoryFormat::Contiguous) const;
  Tensor conj() const;

  using TensorBase::size;
  using TensorBase::stride;

  Tensor& operator=(const TensorBase& x) &;
  Tensor& operator=(TensorBase&& x) &;
  Tensor& operator=(const Tensor& x) &;
  Tensor& operator=(Tensor&& x) &;
  Tensor& operator=(Scalar v) &&;
  Tensor& operator=(const Tensor& rhs) &&;
  Tensor& operator=(Tensor&& rhs) &&;

  Tensor toType(ScalarType t) const;

  template <typename T>
  T item() const;

  Tensor operator~() const;
  Tensor operator-() const;
  Tensor& operator+=(const Tensor& other);
  Tensor& operator+=(Scalar other);
  Tensor& operator-=(const Tensor& other);
  Tensor& operator-=(Scalar other);
  Tensor& operator*=(const Tensor& other);
  Tensor& operator*=(Scalar other);
  Tensor& operator/=(const Tensor& other);
  Tensor& operator/=(Scalar other);
  Tensor operator[](Scalar index) const;
  Tensor operator[](Tensor index) const;
  Tensor operator[](int64_t index) const;

  Tensor cpu() const;
  Tensor cuda() const;
  Tensor hip() const;
  Tensor ve() const;
  Tensor vulkan() const;
  Tensor metal() const;
  Tensor meta() const;

  void backward(const Tensor& gradient = {}, c10::optional<bool> retain_graph = c10::nullopt,
                bool create_graph = false, c10::optional<TensorList> inputs = c10::nullopt) const;
  const Tensor& set_requires_grad(bool requires_grad) const;
  Tensor& mutable_grad() const;
  const Tensor& grad() const;
  Tensor data() const;
  const Tensor& requires_grad_(bool _requires_grad = true) const;

  at::Tensor abs() const;
  at::Tensor add(const at::Tensor& other, const at::Scalar& alpha = 1) const;
  at::Tensor& add_(const at::Tensor& other, const at::Scalar& alpha = 1) const;
  at::Tensor add(const at::Scalar& other, const at::Scalar& alpha = 1) const;
  at::Tensor& add_(const at::Scalar& other, const at::Scalar& alpha = 1) const;
  bool allclose(const at::Tensor& other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) const;
  at::Tensor argmax(c10::optional<int64_t> dim = c10::nullopt, bool keepdim = false) const;
  at::Tensor& copy_(const at::Tensor& src, bool non_blocking = false) const;
  at::Tensor div(const at::Tensor& other) const;
  at::Tensor div(const at::Scalar& other) const;
  at::Tensor exp() const;
  at::Tensor expand(at::IntArrayRef size, bool implicit = false) const;
  at::Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  at::Tensor& fill_(const at::Scalar& value) const;
  at::Tensor& fill_(const at::Tensor& value) const;
  at::Tensor log() const;
  at::Tensor matmul(const at::Tensor& other) const;
  ::std::tuple<at::Tensor, at::Tensor> max(int64_t dim, bool keepdim = false) const;
  at::Tensor mean(c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  ::std::tuple<at::Tensor, at::Tensor> min(int64_t dim, bool keepdim = false) const;
  at::Tensor mm(const at::Tensor& mat2) const;
  at::Tensor mul(const at::Tensor& other) const;
  at::Tensor& mul_(const at::Tensor& other) const;
  at::Tensor mul(const at::Scalar& other) const;
  at::Tensor& mul_(const at::Scalar& other) const;
  at::Tensor narrow(int64_t dim, int64_t start, int64_t length) const;
  at::Tensor permute(at::IntArrayRef dims) const;
  bool is_pinned(c10::optional<at::Device> device = c10::nullopt) const;
  at::Tensor pin_memory(c10::optional<at::Device> device = c10::nullopt) const;
  at::Tensor repeat(at::IntArrayRef repeats) const;
  at::Tensor reshape(at::IntArrayRef shape) const;
  at::Tensor relu() const;
  at::Tensor select(int64_t dim, int64_t index) const;
  at::Tensor sigmoid() const;
  at::Tensor softmax(int64_t dim, c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  at::Tensor squeeze() const;
  at::Tensor squeeze(int64_t dim) const;
  at::Tensor sum(c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  at::Tensor sqrt() const;
  at::Tensor t() const;
  at::Tensor transpose(int64_t dim0, int64_t dim1) const;
  at::Tensor type_as(const at::Tensor& other) const;
  at::Tensor unsqueeze(int64_t dim) const;
  at::Tensor sub(const at::Tensor& other, const at::Scalar& alpha = 1) const;
  at::Tensor sub(const at::Scalar& other, const at::Scalar& alpha = 1) const;
  at::Tensor& zero_() const;
  at::Tensor clone(c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor detach() const;
  at::Tensor& detach_() const;
  at::Tensor to(at::TensorOptions options = {}, bool non_blocking = false, bool copy = false,
                c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor to(c10::optional<at::ScalarType> dtype, c10::optional<at::Layout> layout,
                c10::optional<at::Device> device, c10::optional<bool> pin_memory, bool non_blocking, bool copy,
                c10::optional<at::MemoryFormat> memory_format) const;
  at::Tensor to(at::Device device, at::ScalarType dtype, bool non_blocking = false, bool copy = false,
                c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor to(at::ScalarType dtype, bool non_blocking = false, bool copy = false,
                c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor to(const at::Tensor& other, bool non_blocking = false, bool copy = false,
                c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Scalar item() const;
  at::Tensor view(at::IntArrayRef size) const;
  at::Tensor view(at::ScalarType dtype) const;
  at::Tensor masked_fill(const at::Tensor& mask, const at::Scalar& value) const;
  at::Tensor index_select(int64_t dim, const at::Tensor& index) const;
  at::Tensor max() const;
  at::Tensor min() const;
  bool equal(const at::Tensor& other) const;
  at::Tensor pow(const at::Tensor& exponent) const;
  at::Tensor pow(const at::Scalar& exponent) const;
  void record_stream(at::Stream s) const;
};

} // namespace at
