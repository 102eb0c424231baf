// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/core/Device.h>
#include <c10/util/Optional.h>
#include <torch/csrc/jit/api/module.h>

#include <iosfwd>
#include <string>

namespace torch {
namespace jit {

Module load(std::istream& in, c10::optional<c10::Device> device = c10::nullopt);
Module load(std::istream& in, c10::optional<c10::Device> device, ExtraFilesMap& extra_files);
Module load(const std::string& filename, c10::optional<c10::Device> device = c10::nullopt);
Module load(const std::string& filename, c10::optional<c10::Device> device, ExtraFilesMap& extra_files);

} // namespace jit
} // namespace torch
