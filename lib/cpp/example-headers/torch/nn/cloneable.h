// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>
#include <string>

namespace torch {
namespace nn {

template <typename Derived>
class Cloneable : public Module {
 public:
  using Module::Module;
  virtual void reset() = 0;
  std::shared_ptr<Module> clone(const optional<Device>& device = nullopt) const override;
};

} // namespace nn
} // namespace torch
