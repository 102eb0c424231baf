// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// torch::nn::ModuleHolder: `model->to(...)` on a holder calls the contained module's method
// (torch::nn::Module::to for every module).
#pragma once

#include <c10/macros/Macros.h>

#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

namespace torch {
namespace detail {
struct ModuleHolderIndicator {};
} // namespace detail

namespace nn {

template <typename Contained>
class ModuleHolder : torch::detail::ModuleHolderIndicator {
 protected:
  std::shared_ptr<Contained> impl_;

 public:
  using ContainedType = Contained;

  ModuleHolder();
  /* implicit */ ModuleHolder(std::nullptr_t);
  template <typename Head, typename... Tail,
            typename = typename std::enable_if<
                !(std::is_same<std::decay_t<Head>, ModuleHolder>::value && (sizeof...(Tail) == 0))>::type>
  explicit ModuleHolder(Head&& head, Tail&&... tail);
  /* implicit */ ModuleHolder(std::shared_ptr<Contained> module);

  explicit operator bool() const noexcept;
  Contained* operator->();
  const Contained* operator->() const;
  Contained& operator*();
  const Contained& operator*() const;
  const std::shared_ptr<Contained>& ptr() const;
  Contained* get();
  const Contained* get() const;
  template <typename... Args>
  auto operator()(Args&&... args) -> decltype(std::declval<Contained&>().forward(std::forward<Args>(args)...));
  bool is_empty() const noexcept;
};

} // namespace nn
} // namespace torch

#define TORCH_MODULE_IMPL(Name, ImplType)                            \
  class Name : public torch::nn::ModuleHolder<ImplType> { /* NOLINT */ \
   public:                                                           \
    using torch::nn::ModuleHolder<ImplType>::ModuleHolder;           \
    using Impl C10_UNUSED = ImplType;                                \
  }

#define TORCH_MODULE(Name) TORCH_MODULE_IMPL(Name, Name##Impl)
