// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// c10::optional is its own class template in LibTorch 1.13 (not an alias of std::optional).
#pragma once

#include <c10/macros/Macros.h>

#include <type_traits>
#include <utility>

namespace c10 {

struct nullopt_t {
  constexpr explicit nullopt_t(int) {}
};
constexpr nullopt_t nullopt{0};

struct in_place_t {
  explicit in_place_t() = default;
};
constexpr in_place_t in_place{};

template <class T>
class optional {
 public:
  using value_type = T;

  optional() noexcept;
  optional(nullopt_t) noexcept;
  optional(const optional& other);
  optional(optional&& other) noexcept;
  optional(const T& value);
  optional(T&& value);
  template <class U = T,
            typename = std::enable_if_t<std::is_constructible<T, U&&>::value && std::is_convertible<U&&, T>::value &&
                                        !std::is_same<std::decay_t<U>, optional<T>>::value &&
                                        !std::is_same<std::decay_t<U>, nullopt_t>::value>>
  optional(U&& value);
  template <class... Args>
  explicit optional(in_place_t, Args&&... args);

  optional& operator=(nullopt_t) noexcept;
  optional& operator=(const optional& other);
  optional& operator=(optional&& other) noexcept;
  template <class U = T, typename = std::enable_if_t<std::is_constructible<T, U&&>::value &&
                                                     !std::is_same<std::decay_t<U>, optional<T>>::value>>
  optional& operator=(U&& value);

  template <class... Args>
  T& emplace(Args&&... args);
  void reset() noexcept;

  bool has_value() const noexcept;
  explicit operator bool() const noexcept;
  const T& value() const&;
  T& value() &;
  T&& value() &&;
  const T& operator*() const&;
  T& operator*() &;
  T&& operator*() &&;
  const T* operator->() const;
  T* operator->();
  template <class U>
  T value_or(U&& fallback) const&;
  template <class U>
  T value_or(U&& fallback) &&;

 private:
  bool engaged_;
};

template <class T>
optional<std::decay_t<T>> make_optional(T&& value);

template <class T>
bool operator==(const optional<T>& x, nullopt_t) noexcept;
template <class T>
bool operator==(nullopt_t, const optional<T>& x) noexcept;
template <class T>
bool operator!=(const optional<T>& x, nullopt_t) noexcept;
template <class T>
bool operator!=(nullopt_t, const optional<T>& x) noexcept;
template <class T>
bool operator==(const optional<T>& x, const optional<T>& y);
template <class T>
bool operator!=(const optional<T>& x, const optional<T>& y);
template <class T, class U>
bool operator==(const optional<T>& x, const U& v);
template <class T, class U>
bool operator==(const U& v, const optional<T>& x);
template <class T, class U>
bool operator!=(const optional<T>& x, const U& v);
template <class T, class U>
bool operator!=(const U& v, const optional<T>& x);

} // namespace c10
