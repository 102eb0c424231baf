// Memory queries: the selected backend answers (CUDA allocator, MPS counters, CPU process numbers).
#include "backend/backend.h"

#include <torchdevice/memory.h>

namespace torchdevice {
namespace {

template <class Query>
auto on_device(c10::DeviceIndex index, Query query) {
  const auto& backend = detail::selected_backend();
  return query(backend, backend.device_at(index));
}

} // namespace

std::int64_t memory_allocated(c10::DeviceIndex index) {
  return on_device(index, [](const detail::Backend& b, c10::Device d) { return b.memory_allocated(d); });
}

std::int64_t max_memory_allocated(c10::DeviceIndex index) {
  return on_device(index, [](const detail::Backend& b, c10::Device d) { return b.max_memory_allocated(d); });
}

std::int64_t memory_reserved(c10::DeviceIndex index) {
  return on_device(index, [](const detail::Backend& b, c10::Device d) { return b.memory_reserved(d); });
}

std::int64_t max_memory_reserved(c10::DeviceIndex index) {
  return on_device(index, [](const detail::Backend& b, c10::Device d) { return b.max_memory_reserved(d); });
}

void empty_cache() {
  detail::selected_backend().empty_cache();
}

std::pair<std::int64_t, std::int64_t> mem_get_info(c10::DeviceIndex index) {
  return on_device(index, [](const detail::Backend& b, c10::Device d) { return b.mem_get_info(d); });
}

void reset_peak_memory_stats(c10::DeviceIndex index) {
  on_device(index, [](const detail::Backend& b, c10::Device d) { b.reset_peak_memory_stats(d); });
}

} // namespace torchdevice
