// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// caffe2::TypeMeta, what Tensor::dtype() returns; it compares with c10::ScalarType
// (see c10/core/ScalarTypeToTypeMeta.h).
#pragma once

#include <c10/core/ScalarType.h>

#include <cstddef>
#include <iosfwd>
#include <string_view>

namespace caffe2 {

class TypeMeta final {
 public:
  TypeMeta() noexcept;
  TypeMeta(const TypeMeta& src) noexcept = default;
  TypeMeta& operator=(const TypeMeta& src) noexcept = default;
  TypeMeta& operator=(c10::ScalarType scalar_type) noexcept;

  size_t itemsize() const noexcept;
  std::string_view name() const noexcept;
  template <typename T>
  bool Match() const noexcept;
  template <typename T>
  static TypeMeta Make();
  static TypeMeta fromScalarType(c10::ScalarType scalar_type);
  c10::ScalarType toScalarType();

 private:
  uint16_t index_;
};

bool operator==(const TypeMeta lhs, const TypeMeta rhs) noexcept;
bool operator!=(const TypeMeta lhs, const TypeMeta rhs) noexcept;
std::ostream& operator<<(std::ostream& stream, caffe2::TypeMeta typeMeta);

} // namespace caffe2
