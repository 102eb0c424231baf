#include "migrate/Interrupt.h"

#include <atomic>
#include <csignal>

namespace tdp::migrate {
namespace {

std::atomic<int> Received{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free atomic");
struct sigaction OldInt, OldTerm;

extern "C" void onInterrupt(int Signal) { Received.store(Signal); }

} // namespace

InterruptGuard::InterruptGuard() {
  Received.store(0);
  struct sigaction Action {};
  Action.sa_handler = onInterrupt;
  sigemptyset(&Action.sa_mask);
  // A second signal takes the default action: the process ends.
  Action.sa_flags = static_cast<int>(SA_RESETHAND);
  sigaction(SIGINT, &Action, &OldInt);
  sigaction(SIGTERM, &Action, &OldTerm);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &OldInt, nullptr);
  sigaction(SIGTERM, &OldTerm, nullptr);
}

bool interruptRequested() { return Received.load() != 0; }
int interruptSignal() { return Received.load(); }

} // namespace tdp::migrate
