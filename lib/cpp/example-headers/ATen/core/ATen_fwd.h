// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// at:: aliases of c10:: types. As in LibTorch, at::Stream, at::Scalar and at::TensorOptions are
// using-declarations (torch::TensorOptions therefore names at::TensorOptions), while at::Device,
// at::DeviceType, ... are only reached through `using namespace c10`.
#pragma once

#include <c10/macros/Macros.h>

#include <cstdint>

namespace c10 {
template <typename T>
class optional;
template <typename T>
class ArrayRef;
template <typename T>
class IListRef;
class Stream;
class Scalar;
struct TensorOptions;
} // namespace c10

namespace at {

class Tensor;
struct Generator;
using TensorList = c10::ArrayRef<Tensor>;
using ITensorListRef = c10::IListRef<Tensor>;
using IntArrayRef = c10::ArrayRef<int64_t>;

using c10::Scalar;
using c10::Stream;
using c10::TensorOptions;

} // namespace at
