// The tool's version, from the CMake project version.
#pragma once

#include <string_view>

namespace tdp {
std::string_view toolVersion();
} // namespace tdp
