// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <ATen/core/TensorBody.h>
#include <c10/core/Device.h>
#include <c10/core/Scalar.h>

#include <cstdint>
#include <string>
#include <vector>

namespace c10 {

struct IValue final {
  IValue();
  IValue(const IValue& rhs);
  IValue(IValue&& rhs) noexcept;
  IValue& operator=(IValue&& rhs) & noexcept;
  IValue& operator=(IValue const& rhs) &;
  ~IValue();

  IValue(at::TensorBase t);
  IValue(double d);
  IValue(int64_t i);
  IValue(int32_t i);
  IValue(bool b);
  IValue(std::string v);
  IValue(const char* v);
  IValue(const at::Scalar& s);
  IValue(c10::Device d);
  IValue(std::vector<at::Tensor> v);

  bool isTensor() const;
  at::Tensor toTensor() &&;
  at::Tensor& toTensor() &;
  const at::Tensor& toTensor() const&;
  bool isDouble() const;
  double toDouble() const;
  bool isInt() const;
  int64_t toInt() const;
  bool isBool() const;
  bool toBool() const;
  bool isNone() const;
  bool isDevice() const;
  c10::Device toDevice() const;
  bool isTensorList() const;
  std::vector<at::Tensor> toTensorVector() const;
};

} // namespace c10
