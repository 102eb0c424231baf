// The parse shims under lib/cpp/shims and the example headers under lib/cpp/example-headers,
// embedded into the binary at build time.
#pragma once

#include "core/EmbeddedFile.h"

namespace tdp {

std::span<const EmbeddedFile> parseShimFiles();
/// The lite LibTorch headers under lib/cpp/example-headers (rule examples only).
std::span<const EmbeddedFile> exampleHeaderFiles();

} // namespace tdp
