#include "migrate/RuntimeVendor.h"

#include "core/Version.h"
#include "driver/FileIO.h"
#include "migrate/RuntimeLocation.h"

#include <cstdlib>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tdp::migrate {

bool isVendoredRuntime(const fs::path &Dir) {
  std::error_code EC;
  return Dir.filename() == "torchdevice" && fs::exists(Dir / VendoredMarker, EC);
}

namespace {

bool holdsPackage(const fs::path &Dir) {
  std::error_code EC;
  return fs::is_regular_file(Dir / "torchdevice" / "__init__.py", EC);
}

std::optional<fs::path> executableDir() {
  std::error_code EC;
  fs::path Exe = fs::read_symlink("/proc/self/exe", EC);
  if (EC)
    return std::nullopt;
  return Exe.parent_path();
}

} // namespace

std::optional<fs::path> findPythonRuntime(std::vector<std::string> &Tried) {
  if (const char *Env = std::getenv("TORCHDEVICE_RUNTIME_DIR"); Env && *Env) {
    fs::path P(Env);
    Tried.push_back("$TORCHDEVICE_RUNTIME_DIR=" + P.string());
    if (holdsPackage(P))
      return P;
    if (P.filename() == "torchdevice" && holdsPackage(P.parent_path()))
      return P.parent_path();
    return std::nullopt; // an explicit setting that is wrong is not silently replaced
  }
  if (std::optional<fs::path> Bin = executableDir()) {
    fs::path Installed = *Bin / ".." / "share" / "torchdevice-port" / "runtime" / "python";
    Tried.push_back(Installed.lexically_normal().string());
    if (holdsPackage(Installed))
      return Installed.lexically_normal();
  }
  fs::path Source(configuredPythonRuntimeDir());
  Tried.push_back(Source.string());
  if (holdsPackage(Source))
    return Source;
  return std::nullopt;
}

std::string cppRuntimeNote() {
  return "C++: ported LibTorch code needs the C++ runtime `TorchDevice::runtime` (build and install runtime/cpp, "
         "then `find_package(TorchDevice)` and `target_link_libraries(<target> TorchDevice::runtime)`); the ported "
         "sources `#include <torchdevice/torchdevice.h>`.";
}

VendorResult vendorRuntime(const fs::path &RuntimeDir, const fs::path &Dest) {
  VendorResult R;
  std::error_code EC;
  fs::path From = RuntimeDir / "torchdevice";
  fs::path To = Dest / "torchdevice";
  if (fs::is_symlink(fs::symlink_status(To, EC)) ||
      (fs::exists(fs::symlink_status(To, EC)) && !isVendoredRuntime(To))) {
    R.Problems.push_back(To.string() + " exists and is not a vendored copy of the runtime; not replaced");
    return R;
  }
  auto Put = [&](const fs::path &Path, const std::string &Content, const std::optional<fs::path> &ModeFrom) {
    std::string Ignored;
    if (fs::is_regular_file(fs::symlink_status(Path, EC))) {
      std::optional<std::string> Existing = readWholeFile(Path, Ignored);
      if (Existing && *Existing == Content)
        return;
    }
    writeFileAtomically(Path, Content, ModeFrom);
    ++R.FilesWritten;
  };
  try {
    for (fs::recursive_directory_iterator It(From, EC), End; !EC && It != End; It.increment(EC)) {
      const fs::path &P = It->path();
      if (It->is_directory(EC)) {
        if (P.filename() == "__pycache__")
          It.disable_recursion_pending();
        continue;
      }
      if (!It->is_regular_file(EC) || P.extension() == ".pyc")
        continue;
      std::string Error;
      std::optional<std::string> Text = readWholeFile(P, Error);
      if (!Text) {
        R.Problems.push_back(P.string() + ": " + Error);
        continue;
      }
      Put(To / P.lexically_relative(From), *Text, P);
    }
    if (EC)
      R.Problems.push_back(From.string() + ": " + EC.message());
    Put(To / VendoredMarker,
        "This copy of the torchdevice runtime package was written by torchdevice-port " + std::string(toolVersion()) +
            " (--vendor-runtime).\nDo not edit it here: update it by running `torchdevice-port migrate` again.\n",
        std::nullopt);
    Put(Dest / RuntimeNoteName,
        "# The torchdevice runtime\n\n"
        "This tree was ported by `torchdevice-port migrate` (" + std::string(toolVersion()) + ").\n\n"
        "- Python: the ported code imports `torchdevice`; a copy of the package is in `torchdevice/` next to this\n"
        "  file. Run from this directory, or put it on `PYTHONPATH` (`PYTHONPATH=$PWD python3 ...`).\n"
        "  `TORCHDEVICE_DEVICE=auto|cuda|mps|cpu` chooses the device at run time.\n"
        "- " + cppRuntimeNote() + "\n",
        std::nullopt);
  } catch (const std::exception &E) {
    R.Problems.push_back(E.what());
  }
  return R;
}

} // namespace tdp::migrate
