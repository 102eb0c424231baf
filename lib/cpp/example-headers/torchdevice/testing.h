// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/testing.h> (not included by torchdevice.h).
#pragma once

#include <torchdevice/event.h>
#include <torchdevice/stream.h>

#include <c10/core/DeviceType.h>

#include <functional>
#include <optional>

namespace torchdevice::testing {

void reset();
void set_availability_probe(std::function<bool(c10::DeviceType)> probe);
std::optional<Stream> recorded_stream(const Event& event);

} // namespace torchdevice::testing
