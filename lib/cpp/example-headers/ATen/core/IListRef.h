// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// c10::IListRef, the list type at::cat takes (at::ITensorListRef).
#pragma once

#include <c10/util/ArrayRef.h>

#include <cstddef>
#include <initializer_list>
#include <vector>

namespace c10 {

template <typename T>
class IListRef {
 public:
  IListRef();
  IListRef(const std::initializer_list<T>& list);
  IListRef(ArrayRef<T> unboxed);
  IListRef(const std::vector<T>& unboxed);
  size_t size() const;
  bool empty() const;
  const T* begin() const;
  const T* end() const;
  const T& front() const;
};

} // namespace c10
