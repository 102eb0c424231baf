// Ctrl-C and SIGTERM during `migrate`: the first signal asks the run to stop after the files in
// flight (each of which is written atomically) and to save its state; a second one kills the
// process as usual (the handler resets itself).
#pragma once

namespace tdp::migrate {

/// Installs the handlers for its lifetime (restoring the previous ones afterwards).
class InterruptGuard {
public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard &) = delete;
  InterruptGuard &operator=(const InterruptGuard &) = delete;
};

/// True once SIGINT or SIGTERM arrived while an InterruptGuard was alive.
bool interruptRequested();
/// The signal that arrived (0 when none).
int interruptSignal();

} // namespace tdp::migrate
