// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// c10::TensorOptions (at::TensorOptions is a using-declaration of it, see ATen/core/ATen_fwd.h) and
// the free builders c10::device(), c10::dtype(), ... that torch::device(...) names.
#pragma once

#include <c10/core/Device.h>
#include <c10/core/Layout.h>
#include <c10/core/MemoryFormat.h>
#include <c10/core/ScalarType.h>
#include <c10/core/ScalarTypeToTypeMeta.h>
#include <c10/util/Optional.h>
#include <c10/util/typeid.h>

#include <cstdint>
#include <iosfwd>
#include <type_traits>
#include <utility>

namespace c10 {

struct TensorOptions {
  TensorOptions();
  /* implicit */ TensorOptions(Layout layout);
  template <typename T, typename = std::enable_if_t<std::is_same<std::decay_t<T>, Device>::value>>
  /* implicit */ TensorOptions(T&& device);
  /// A device built from the arguments: TensorOptions(kCUDA), TensorOptions(kCUDA, 1).
  template <typename... Args, typename = std::enable_if_t<std::is_constructible<Device, Args&&...>::value>>
  /* implicit */ TensorOptions(Args&&... args);
  /* implicit */ TensorOptions(caffe2::TypeMeta dtype);
  /* implicit */ TensorOptions(ScalarType dtype);
  /* implicit */ TensorOptions(MemoryFormat memory_format);

  C10_NODISCARD TensorOptions device(c10::optional<Device> device) const noexcept;
  template <typename... Args>
  C10_NODISCARD TensorOptions device(Args&&... args) const noexcept;
  C10_NODISCARD TensorOptions device_index(c10::DeviceIndex device_index) const noexcept;
  C10_NODISCARD TensorOptions dtype(c10::optional<caffe2::TypeMeta> dtype) const noexcept;
  C10_NODISCARD TensorOptions dtype(c10::optional<ScalarType> dtype) const noexcept;
  template <typename T>
  TensorOptions& dtype();
  C10_NODISCARD TensorOptions layout(c10::optional<Layout> layout) const noexcept;
  C10_NODISCARD TensorOptions requires_grad(c10::optional<bool> requires_grad) const noexcept;
  C10_NODISCARD TensorOptions pinned_memory(c10::optional<bool> pinned_memory) const noexcept;
  C10_NODISCARD TensorOptions memory_format(c10::optional<MemoryFormat> memory_format) const noexcept;

  Device device() const noexcept;
  bool has_device() const noexcept;
  c10::optional<Device> device_opt() const noexcept;
  int32_t device_index() const noexcept;
  caffe2::TypeMeta dtype() const noexcept;
  bool has_dtype() const noexcept;
  c10::optional<caffe2::TypeMeta> dtype_opt() const noexcept;
  Layout layout() const noexcept;
  bool has_layout() const noexcept;
  bool requires_grad() const noexcept;
  bool has_requires_grad() const noexcept;
  bool pinned_memory() const noexcept;
  bool has_pinned_memory() const noexcept;
  c10::optional<bool> pinned_memory_opt() const noexcept;
  bool has_memory_format() const noexcept;
  c10::optional<MemoryFormat> memory_format_opt() const noexcept;
  TensorOptions merge_in(TensorOptions options) const noexcept;

 private:
  uint16_t flags_;
};

TensorOptions dtype(caffe2::TypeMeta dtype);
TensorOptions dtype(ScalarType dtype);
TensorOptions layout(Layout layout);
TensorOptions device(Device device);
TensorOptions device_index(int16_t device_index);
TensorOptions requires_grad(bool requires_grad = true);
TensorOptions memory_format(MemoryFormat memory_format);

std::ostream& operator<<(std::ostream& stream, const TensorOptions& options);

} // namespace c10
