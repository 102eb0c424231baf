// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/macros/Macros.h>

#include <cstdint>
#include <iosfwd>

namespace c10 {

enum class MemoryFormat : int8_t { Contiguous, Preserve, ChannelsLast, ChannelsLast3d, NumOptions };

std::ostream& operator<<(std::ostream& stream, at::MemoryFormat memory_format);

} // namespace c10
