#pragma once
// Internal: facts about this process and this machine, from the operating system (Linux /proc;
// getrusage / sysconf / sysctl elsewhere). Real numbers or a documented best effort, never invented.

#include <cstdint>
#include <string>
#include <utility>

namespace torchdevice::detail::host {

/// Resident set size of this process now, in bytes (/proc/self/statm; else the getrusage peak, an
/// upper bound).
std::int64_t rss_bytes();
/// Peak resident set size of this process in bytes (VmHWM of /proc/self/status, else ru_maxrss), at
/// least rss_bytes().
std::int64_t peak_rss_bytes();
/// Ask the kernel to restart the peak at the current RSS (/proc/self/clear_refs, Linux >= 4.0).
/// False where that is not possible.
bool reset_peak_rss();
/// (available, total) physical memory in bytes: MemAvailable / MemTotal of /proc/meminfo; else
/// sysconf page counts (available is then the free pages, a lower bound).
std::pair<std::int64_t, std::int64_t> system_memory();
/// The CPU model ("model name" of /proc/cpuinfo; machdep.cpu.brand_string on macOS), else "CPU".
std::string cpu_name();

} // namespace torchdevice::detail::host
