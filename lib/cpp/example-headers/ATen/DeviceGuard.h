// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/DeviceGuard.h>
#include <c10/util/Optional.h>

namespace at {

c10::optional<Device> device_of(const Tensor& t);
c10::optional<Device> device_of(const c10::optional<Tensor>& t);

} // namespace at
