// Process and machine facts from the operating system; see host_info.h.
#include "backend/host_info.h"

#include <sys/resource.h>
#include <unistd.h>
#if defined(__APPLE__)
#include <sys/sysctl.h>
#endif

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace torchdevice::detail::host {
namespace {

constexpr std::int64_t kKiB = 1024;

std::int64_t page_size() {
  const long size = ::sysconf(_SC_PAGESIZE);
  return size > 0 ? static_cast<std::int64_t>(size) : 4096;
}

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) {
    return {};
  }
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

/// A "kB" field of /proc/self/status (e.g. VmHWM) in bytes.
std::optional<std::int64_t> status_kib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) {
      std::istringstream values(line.substr(field.size() + 1));
      std::int64_t kib = 0;
      if (values >> kib) {
        return kib * kKiB;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> maxrss_bytes() {
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) {
    return std::nullopt;
  }
#if defined(__APPLE__)
  return static_cast<std::int64_t>(usage.ru_maxrss); // bytes on macOS
#else
  return static_cast<std::int64_t>(usage.ru_maxrss) * kKiB; // KiB elsewhere
#endif
}

std::map<std::string, std::int64_t> meminfo() {
  std::map<std::string, std::int64_t> values;
  std::ifstream file("/proc/meminfo");
  std::string line;
  while (std::getline(file, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      continue;
    }
    std::istringstream rest(line.substr(colon + 1));
    std::int64_t value = 0;
    std::string unit;
    if (rest >> value) {
      rest >> unit;
      values[line.substr(0, colon)] = unit == "kB" ? value * kKiB : value;
    }
  }
  return values;
}

} // namespace

std::int64_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size_pages = 0;
  std::int64_t resident_pages = 0;
  if (statm >> size_pages >> resident_pages) {
    return resident_pages * page_size();
  }
  return maxrss_bytes().value_or(0);
}

std::int64_t peak_rss_bytes() {
  auto peak = status_kib("VmHWM");
  if (!peak) {
    peak = maxrss_bytes();
  }
  return std::max(peak.value_or(0), rss_bytes());
}

bool reset_peak_rss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  if (!clear_refs) {
    return false;
  }
  clear_refs << "5"; // resets the peak RSS (VmHWM) to the current RSS
  clear_refs.flush();
  return static_cast<bool>(clear_refs);
}

std::pair<std::int64_t, std::int64_t> system_memory() {
  const auto info = meminfo();
  if (const auto total = info.find("MemTotal"); total != info.end()) {
    auto available = info.find("MemAvailable");
    if (available == info.end()) {
      available = info.find("MemFree");
    }
    return {available == info.end() ? 0 : available->second, total->second};
  }
  const std::int64_t page = page_size();
  const long total_pages = ::sysconf(_SC_PHYS_PAGES);
  const std::int64_t total = total_pages > 0 ? static_cast<std::int64_t>(total_pages) * page : 0;
#if defined(_SC_AVPHYS_PAGES)
  const long free_pages = ::sysconf(_SC_AVPHYS_PAGES);
  if (free_pages > 0) {
    return {static_cast<std::int64_t>(free_pages) * page, total};
  }
#endif
  return {std::max<std::int64_t>(total - rss_bytes(), 0), total};
}

std::string cpu_name() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      continue;
    }
    const auto key = trim(line.substr(0, colon));
    const auto value = trim(line.substr(colon + 1));
    if ((key == "model name" || key == "Model" || key == "Hardware") && !value.empty()) {
      return value;
    }
  }
#if defined(__APPLE__)
  char brand[256] = {};
  std::size_t size = sizeof(brand);
  if (::sysctlbyname("machdep.cpu.brand_string", brand, &size, nullptr, 0) == 0 && brand[0] != '\0') {
    return brand;
  }
#endif
  return "CPU";
}

} // namespace torchdevice::detail::host
