#include "migrate/Progress.h"

#include <cstdio>
#include <ostream>

namespace tdp::migrate {

Progress::Progress(std::ostream &E, Mode M) : Err(E), TheMode(M) {
  PhaseStart = LastLine = std::chrono::steady_clock::now();
  if (TheMode != Mode::Off)
    Thread = std::thread([this] { loop(); });
}

Progress::~Progress() { stop(); }

void Progress::phase(const std::string &Name, std::size_t N) {
  std::lock_guard<std::mutex> G(Lock);
  if (TheMode == Mode::Bar && !Phase.empty() && Total)
    draw(true);
  Phase = Name;
  Total = N;
  Done.store(0);
  PhaseStart = LastLine = std::chrono::steady_clock::now();
  LastLineDone = 0;
  if (TheMode == Mode::Lines && N)
    Err << "migrate: " << Name << " " << N << " file" << (N == 1 ? "" : "s") << "\n" << std::flush;
}

void Progress::stop() {
  {
    std::lock_guard<std::mutex> G(Lock);
    if (Stopping)
      return;
    Stopping = true;
  }
  Wake.notify_all();
  if (Thread.joinable())
    Thread.join();
  if (TheMode == Mode::Bar && Drawn) {
    Err << "\r" << std::string(Drawn, ' ') << "\r" << std::flush;
    Drawn = 0;
  }
}

std::string Progress::formatDuration(double Seconds) {
  auto S = static_cast<long long>(Seconds + 0.5);
  char Buf[32];
  if (S >= 3600)
    std::snprintf(Buf, sizeof Buf, "%lld:%02lld:%02lld", S / 3600, (S / 60) % 60, S % 60);
  else
    std::snprintf(Buf, sizeof Buf, "%lld:%02lld", S / 60, S % 60);
  return Buf;
}

void Progress::draw(bool Final) {
  if (Phase.empty() || Total == 0)
    return;
  std::size_t D = std::min(Done.load(std::memory_order_relaxed), Total);
  auto Now = std::chrono::steady_clock::now();
  double Elapsed = std::chrono::duration<double>(Now - PhaseStart).count();
  std::string Eta = "--:--";
  if (D > 0 && D < Total && Elapsed > 0.5)
    Eta = formatDuration(Elapsed / static_cast<double>(D) * static_cast<double>(Total - D));
  else if (D == Total)
    Eta = formatDuration(0);
  auto Pct = static_cast<unsigned>(100 * D / Total);
  std::string Line = "migrate: " + Phase + " " + std::to_string(D) + "/" + std::to_string(Total) + " files (" +
                     std::to_string(Pct) + "%), ETA " + Eta;
  if (TheMode == Mode::Bar) {
    constexpr std::size_t Width = 24;
    std::size_t Filled = Width * D / Total;
    Line = "migrate: [" + std::string(Filled, '#') + std::string(Width - Filled, '.') + "] " + Phase + " " +
           std::to_string(D) + "/" + std::to_string(Total) + " (" + std::to_string(Pct) + "%) ETA " + Eta;
    std::string Pad = Line.size() < Drawn ? std::string(Drawn - Line.size(), ' ') : "";
    Err << "\r" << Line << Pad << std::flush;
    Drawn = Line.size();
    (void)Final;
    return;
  }
  // Lines: every 1000 files or 10 seconds (when something happened).
  bool Due = D - LastLineDone >= 1000 || (D != LastLineDone && Now - LastLine >= std::chrono::seconds(10));
  if (Due && !Final) {
    Err << Line << "\n" << std::flush;
    LastLine = Now;
    LastLineDone = D;
  }
}

void Progress::loop() {
  std::unique_lock<std::mutex> G(Lock);
  auto Period = TheMode == Mode::Bar ? std::chrono::milliseconds(150) : std::chrono::milliseconds(500);
  while (!Stopping) {
    Wake.wait_for(G, Period);
    if (Stopping)
      break;
    draw(false);
  }
}

} // namespace tdp::migrate
