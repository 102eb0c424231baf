// Device selection (prefer(), TORCHDEVICE_DEVICE, fallback cuda -> mps -> cpu with one warning),
// the public device functions, synchronize(), seeds, and the runtime's warnings.
#include "backend/backend.h"

#include <torchdevice/device.h>
#include <torchdevice/testing.h>

#include <c10/util/Exception.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <mutex>
#include <optional>
#include <sstream>

namespace torchdevice {
namespace detail {
namespace {

/// Known backends, in fallback order.
constexpr std::array<c10::DeviceType, 3> kFallbackOrder{c10::kCUDA, c10::kMPS, c10::kCPU};
constexpr int kNotSelected = -1;

struct Config {
  std::mutex mutex;
  std::atomic<int> selected{kNotSelected}; // a c10::DeviceType once selected
  std::optional<c10::DeviceType> preferred;
  bool fallback_warned = false;
  bool conflict_warned = false;
  std::function<bool(c10::DeviceType)> probe; // testing::set_availability_probe
  WarningHandler handler;
};

Config& config() {
  static auto* const state = new Config(); // leaked: usable during static destruction
  return *state;
}

std::string name_of(c10::DeviceType type) {
  return c10::DeviceTypeName(type, /*lower_case=*/true);
}

/// "cuda", " CUDA:1 " -> kCUDA; "auto" -> nullopt; anything else throws c10::ValueError.
std::optional<c10::DeviceType> parse_device(std::string_view text, const char* what) {
  std::string name;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (name == "auto") {
    return std::nullopt;
  }
  const auto colon = name.find(':');
  const auto base = name.substr(0, colon);
  for (const auto type : kFallbackOrder) {
    if (base == name_of(type)) {
      return type;
    }
  }
  TORCH_CHECK_VALUE(false, what, ": unknown device '", std::string(text),
                    "'; expected one of cuda, mps, cpu, auto");
}

void check_known(c10::DeviceType type) {
  TORCH_CHECK_VALUE(std::find(kFallbackOrder.begin(), kFallbackOrder.end(), type) != kFallbackOrder.end(),
                    "prefer(): unsupported device type ", type, "; expected cuda, mps or cpu");
}

/// The value of TORCHDEVICE_DEVICE: empty when unset or blank.
std::string env_value() {
  const char* raw = std::getenv(kDeviceEnvVar);
  std::string value = raw == nullptr ? std::string() : std::string(raw);
  const bool blank = std::all_of(value.begin(), value.end(),
                                 [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
  return blank ? std::string() : value;
}

bool probe(const Config& state, c10::DeviceType type) {
  if (state.probe) {
    return state.probe(type);
  }
  return backend_for(type).is_available();
}

/// Choose the device (caller holds the lock). Returns the choice and the warning to emit, if any.
std::pair<c10::DeviceType, std::string> resolve(Config& state) {
  std::optional<c10::DeviceType> wanted;
  std::string source;
  const auto env = env_value();
  if (!env.empty()) {
    wanted = parse_device(env, kDeviceEnvVar);
    source = std::string(kDeviceEnvVar) + "=" + (wanted ? name_of(*wanted) : std::string("auto"));
  } else {
    wanted = state.preferred;
    source = wanted ? "prefer()" : "auto";
  }
  if (wanted && probe(state, *wanted)) {
    return {*wanted, {}};
  }
  c10::DeviceType chosen = c10::kCPU;
  for (const auto type : kFallbackOrder) {
    if ((!wanted || type != *wanted) && probe(state, type)) {
      chosen = type;
      break;
    }
  }
  std::string warning;
  if (wanted && !state.fallback_warned) {
    state.fallback_warned = true;
    warning = name_of(*wanted) + " requested by " + source + " is not available; using " + name_of(chosen);
  }
  return {chosen, warning};
}

c10::DeviceType selected_type() {
  auto& state = config();
  const int selected = state.selected.load(std::memory_order_acquire);
  if (selected != kNotSelected) {
    return static_cast<c10::DeviceType>(selected);
  }
  std::string warning;
  c10::DeviceType chosen = c10::kCPU;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    const int again = state.selected.load(std::memory_order_acquire);
    if (again != kNotSelected) {
      return static_cast<c10::DeviceType>(again);
    }
    std::tie(chosen, warning) = resolve(state);
    state.selected.store(static_cast<int>(chosen), std::memory_order_release);
  }
  if (!warning.empty()) {
    warn(warning); // outside the lock: a handler may call the runtime
  }
  return chosen;
}

void prefer_type(std::optional<c10::DeviceType> type) {
  auto& state = config();
  std::string warning;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    const int selected = state.selected.load(std::memory_order_acquire);
    if (selected == kNotSelected) {
      state.preferred = type; // the latest call before the first use wins
      return;
    }
    if (!type || !env_value().empty()) {
      return; // "auto", or the environment decides anyway: silent
    }
    const auto chosen = static_cast<c10::DeviceType>(selected);
    const auto first = state.preferred.value_or(chosen);
    if (*type != first && !state.conflict_warned) {
      state.conflict_warned = true;
      warning = "prefer(\"" + name_of(*type) + "\") ignored, device already selected as " +
                name_of(chosen) + " (first preference: " + name_of(first) + ")";
    }
  }
  if (!warning.empty()) {
    warn(warning);
  }
}

c10::DeviceIndex checked_index(std::int64_t index) {
  TORCH_CHECK(index >= -1 && index <= std::numeric_limits<c10::DeviceIndex>::max(),
              "torchdevice: invalid device index ", index);
  return static_cast<c10::DeviceIndex>(index);
}

} // namespace

void warn(const std::string& message) {
  WarningHandler handler;
  {
    auto& state = config();
    std::lock_guard<std::mutex> lock(state.mutex);
    handler = state.handler;
  }
  if (handler) {
    handler(message);
  } else {
    std::cerr << "torchdevice: warning: " << message << std::endl;
  }
}

const Backend& backend_for(c10::DeviceType type) {
  switch (type) {
    case c10::kCPU:
      return cpu_backend();
    case c10::kMPS:
      return mps_backend();
    default:
      return native_backend(type);
  }
}

const Backend& selected_backend() {
  return backend_for(selected_type());
}

c10::Device map_device(c10::Device device) {
  if (device.type() != c10::kCUDA && device.type() != c10::kMPS) {
    return device; // cpu (and other types) stay as written
  }
  const auto type = selected_type();
  if (type == c10::kCUDA) {
    return c10::Device(c10::kCUDA, device.index());
  }
  return backend_for(type).device_at(-1);
}

bool prefer_at_startup(const char* target) noexcept {
  try {
    prefer(std::string_view(target == nullptr ? "auto" : target));
    return true;
  } catch (const std::exception& error) {
    try {
      warn(std::string("TORCHDEVICE_PREFER ignored: ") + error.what());
    } catch (...) { // NOLINT(bugprone-empty-catch): nothing left to report to
    }
    return false;
  }
}

} // namespace detail

void prefer(c10::DeviceType type) {
  detail::check_known(type);
  detail::prefer_type(type);
}

void prefer(std::string_view name) {
  detail::prefer_type(detail::parse_device(name, "prefer()"));
}

c10::Device device() {
  return device(-1);
}

c10::Device device(c10::DeviceIndex index) {
  const auto type = detail::selected_type();
  if (type == c10::kCUDA) {
    return c10::Device(c10::kCUDA, index);
  }
  return c10::Device(type); // one device: the index is ignored
}

c10::DeviceType device_type() {
  return detail::selected_type();
}

std::string device_string(c10::DeviceIndex index) {
  return device(index).str();
}

bool is_available() {
  (void)detail::selected_type();
  return true;
}

bool is_accelerator() {
  return detail::selected_type() != c10::kCPU;
}

std::size_t device_count() {
  return detail::selected_backend().device_count();
}

c10::DeviceIndex current_device() {
  return detail::selected_backend().current_device();
}

void set_device(c10::DeviceIndex index) {
  const auto& backend = detail::selected_backend();
  (void)backend.exchange_device(backend.device_at(index));
}

void set_device(c10::Device device) {
  const auto mapped = detail::map_device(device);
  const auto type = detail::selected_type();
  TORCH_CHECK(mapped.type() == type, "torchdevice::set_device: expected a ", type, " device, got ", device);
  set_device(mapped.index());
}

std::string get_device_name(c10::DeviceIndex index) {
  return detail::selected_backend().device_name(index);
}

void synchronize(std::int64_t device_index) {
  detail::selected_backend().synchronize_device(detail::checked_index(device_index));
}

void manual_seed(std::uint64_t seed) {
  detail::selected_backend().manual_seed(seed, /*all_devices=*/false);
}

void manual_seed_all(std::uint64_t seed) {
  detail::selected_backend().manual_seed(seed, /*all_devices=*/true);
}

WarningHandler set_warning_handler(WarningHandler handler) {
  auto& state = detail::config();
  std::lock_guard<std::mutex> lock(state.mutex);
  std::swap(state.handler, handler);
  return handler;
}

namespace testing {

void reset() {
  auto& state = detail::config();
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    state.selected.store(detail::kNotSelected, std::memory_order_release);
    state.preferred.reset();
    state.fallback_warned = false;
    state.conflict_warned = false;
    state.probe = nullptr;
  }
  detail::reset_stream_emulation();
}

void set_availability_probe(std::function<bool(c10::DeviceType)> probe) {
  auto& state = detail::config();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.probe = std::move(probe);
}

} // namespace testing
} // namespace torchdevice
