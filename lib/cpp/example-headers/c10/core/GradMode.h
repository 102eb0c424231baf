// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/macros/Macros.h>

namespace c10 {

struct GradMode {
  static bool is_enabled();
  static void set_enabled(bool enabled);
};

struct AutoGradMode {
  AutoGradMode(bool enabled);
  ~AutoGradMode();

 private:
  bool prev_mode;
};

struct NoGradGuard : public AutoGradMode {
  NoGradGuard();
};

} // namespace c10
