// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// torch::jit::Module, the TorchScript module that torch::jit::load returns.
#pragma once

#include <ATen/core/Tensor.h>
#include <ATen/core/ivalue.h>
#include <ATen/core/stack.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace torch {
namespace jit {

using Kwargs = std::unordered_map<std::string, at::IValue>;
using ExtraFilesMap = std::unordered_map<std::string, std::string>;

struct Object {
  Object() = default;
  void setattr(const std::string& name, c10::IValue v);
  c10::IValue attr(const std::string& name) const;
  c10::IValue attr(const std::string& name, c10::IValue or_else) const;
  bool hasattr(const std::string& name) const;
  template <typename... Types>
  IValue run_method(const std::string& method_name, Types&&... args);
};

struct Module : public Object {
  Module() = default;
  ~Module() = default;

  IValue forward(std::vector<IValue> inputs, const Kwargs& kwargs = Kwargs());

  void register_buffer(const std::string& name, at::Tensor v);
  void register_parameter(const std::string& name, at::Tensor v, bool is_buffer);
  void register_module(const std::string& name, const Module& module);

  std::vector<at::Tensor> buffers(bool recurse = true) const;
  std::vector<Module> children() const;
  std::vector<Module> modules() const;
  std::vector<at::Tensor> parameters(bool recurse = true) const;

  void train(bool on = true);
  void eval();
  bool is_training() const;

  void to(at::Device device, at::ScalarType dtype, bool non_blocking = false);
  void to(at::ScalarType dtype, bool non_blocking = false);
  void to(at::Device device, bool non_blocking = false);

  void save(const std::string& filename, const ExtraFilesMap& extra_files = ExtraFilesMap()) const;

  Module copy() const;
  Module deepcopy() const;
  Module clone(bool inplace = false) const;
};

namespace script {
using Module = ::torch::jit::Module;
using ExtraFilesMap = ::torch::jit::ExtraFilesMap;
} // namespace script

} // namespace jit
} // namespace torch
