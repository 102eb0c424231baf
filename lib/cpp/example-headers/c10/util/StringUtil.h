// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/macros/Macros.h>

#include <cstdint>
#include <iosfwd>
#include <string>

namespace c10 {

/// A place in the source code (function, file, line), as TORCH_CHECK and TORCH_WARN pass it.
struct SourceLocation {
  const char* function;
  const char* file;
  uint32_t line;
};

std::ostream& operator<<(std::ostream& out, const SourceLocation& loc);

/// Concatenates its arguments with operator<<.
template <typename... Args>
std::string str(const Args&... args);

} // namespace c10
