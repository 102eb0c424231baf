// --vendor-runtime: copies the Python runtime package (runtime/python/torchdevice) into a ported
// repository, with a note that says what C++ code needs (TorchDevice::runtime).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tdp::migrate {

/// The file that marks a vendored copy of the runtime (discovery neither ports nor re-vendors
/// below it).
inline constexpr const char *VendoredMarker = "VENDORED_BY_TORCHDEVICE_PORT.txt";
/// The note written next to the vendored package.
inline constexpr const char *RuntimeNoteName = "TORCHDEVICE_RUNTIME.md";

/// True for a directory named torchdevice that holds the vendored marker.
bool isVendoredRuntime(const std::filesystem::path &Dir);

/// The directory holding the `torchdevice` package: $TORCHDEVICE_RUNTIME_DIR (the package itself
/// or its parent), else share/torchdevice-port/runtime/python next to the installed binary, else
/// the source tree's runtime/python (configured by CMake). Where looked is appended to Tried.
std::optional<std::filesystem::path> findPythonRuntime(std::vector<std::string> &Tried);

struct VendorResult {
  std::size_t FilesWritten = 0;
  std::vector<std::string> Problems;
};

/// Copies the package from RuntimeDir/torchdevice into Dest/torchdevice (only files that differ)
/// and writes Dest/TORCHDEVICE_RUNTIME.md. Refuses (a problem) when Dest/torchdevice exists and is
/// not a vendored copy.
VendorResult vendorRuntime(const std::filesystem::path &RuntimeDir, const std::filesystem::path &Dest);

/// The sentence the report carries about the C++ runtime.
std::string cppRuntimeNote();

} // namespace tdp::migrate
