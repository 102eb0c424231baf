// Progress of a long `migrate` run on standard error: on a terminal a line redrawn in place
// (files done / total, phase, ETA); otherwise a plain line every 1000 files or 10 seconds.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace tdp::migrate {

class Progress {
public:
  enum class Mode { Off, Bar, Lines };
  Progress(std::ostream &Err, Mode M);
  ~Progress();
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  /// Starts a phase ("porting", "copying", ...) of Total units; resets the count.
  void phase(const std::string &Name, std::size_t Total);
  /// Counts units done (thread-safe).
  void advance(std::size_t N = 1) { Done.fetch_add(N, std::memory_order_relaxed); }
  /// Stops drawing and clears the line; Err may be written to afterwards.
  void stop();

  /// "1:05", "0:42", "1:02:03".
  static std::string formatDuration(double Seconds);

private:
  void loop();
  void draw(bool Final);

  std::ostream &Err;
  Mode TheMode;
  std::mutex Lock;
  std::condition_variable Wake;
  bool Stopping = false;
  std::string Phase;
  std::size_t Total = 0;
  std::atomic<std::size_t> Done{0};
  std::chrono::steady_clock::time_point PhaseStart, LastLine;
  std::size_t LastLineDone = 0;
  std::size_t Drawn = 0; ///< width of the line on screen (Bar)
  std::thread Thread;
};

} // namespace tdp::migrate
