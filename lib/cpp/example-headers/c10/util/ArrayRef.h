// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/macros/Macros.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace c10 {

template <typename T>
class ArrayRef final {
 public:
  using iterator = const T*;
  using const_iterator = const T*;
  using size_type = size_t;
  using value_type = T;

  ArrayRef();
  ArrayRef(const T& one);
  ArrayRef(const T* data, size_t length);
  ArrayRef(const T* begin, const T* end);
  template <typename A>
  ArrayRef(const std::vector<T, A>& vec);
  template <size_t N>
  ArrayRef(const std::array<T, N>& arr);
  template <size_t N>
  ArrayRef(const T (&arr)[N]);
  ArrayRef(const std::initializer_list<T>& list);

  iterator begin() const;
  iterator end() const;
  bool empty() const;
  const T* data() const;
  size_t size() const;
  const T& front() const;
  const T& back() const;
  bool equals(ArrayRef other) const;
  ArrayRef<T> slice(size_t start, size_t length) const;
  ArrayRef<T> slice(size_t start) const;
  const T& operator[](size_t index) const;
  const T& at(size_t index) const;
  std::vector<T> vec() const;

 private:
  const T* data_;
  size_type length_;
};

template <typename T>
bool operator==(ArrayRef<T> a, ArrayRef<T> b);
template <typename T>
bool operator!=(ArrayRef<T> a, ArrayRef<T> b);

using IntArrayRef = ArrayRef<int64_t>;

} // namespace c10
