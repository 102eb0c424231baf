// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/core/ScalarType.h>
#include <c10/util/BFloat16.h>
#include <c10/util/Half.h>

#include <cstdint>
#include <iosfwd>
#include <type_traits>

namespace c10 {

class Scalar {
 public:
  Scalar();
  Scalar(uint8_t value);
  Scalar(int8_t value);
  Scalar(int16_t value);
  Scalar(int value);
  Scalar(int64_t value);
  Scalar(at::Half value);
  Scalar(float value);
  Scalar(double value);
  Scalar(at::BFloat16 value);
  template <typename T, typename std::enable_if<std::is_same<T, bool>::value, bool>::type* = nullptr>
  Scalar(T value);
  Scalar(const Scalar& other);
  Scalar(Scalar&& other) noexcept;
  Scalar& operator=(const Scalar& other);
  Scalar& operator=(Scalar&& other) noexcept;

  double toDouble() const;
  float toFloat() const;
  int64_t toLong() const;
  int toInt() const;
  bool toBool() const;
  template <typename T>
  T to() const;

  bool isFloatingPoint() const;
  bool isIntegral(bool includeBool) const;
  bool isComplex() const;
  bool isBoolean() const;
  ScalarType type() const;
  Scalar operator-() const;

 private:
  int tag_;
};

std::ostream& operator<<(std::ostream& out, const Scalar& s);

} // namespace c10
