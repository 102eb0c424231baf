// CUDA pieces of a runtime built against a LibTorch without CUDA: CUDA is never selected there, so
// these are reached only by a misuse; they say so.
#include "backend/cuda_extras.h"

#include <c10/util/Exception.h>

namespace torchdevice::detail::cuda {
namespace {

[[noreturn]] void unavailable(const char* what) {
  TORCH_CHECK(false, "torchdevice: ", what,
              " needs CUDA, but TorchDevice was built against a LibTorch without CUDA; rebuild it "
              "against the CUDA LibTorch this program uses");
}

} // namespace

bool compiled() noexcept {
  return false;
}
std::string device_name(c10::DeviceIndex) {
  unavailable("get_device_name");
}
int stream_priority(const c10::Stream&) {
  return 0;
}
std::tuple<int, int> priority_range() {
  return {0, 0};
}
std::int64_t memory_allocated(c10::DeviceIndex) {
  unavailable("memory_allocated");
}
std::int64_t max_memory_allocated(c10::DeviceIndex) {
  unavailable("max_memory_allocated");
}
std::int64_t memory_reserved(c10::DeviceIndex) {
  unavailable("memory_reserved");
}
std::int64_t max_memory_reserved(c10::DeviceIndex) {
  unavailable("max_memory_reserved");
}
void empty_cache() {}
std::pair<std::int64_t, std::int64_t> mem_get_info(c10::DeviceIndex) {
  unavailable("mem_get_info");
}
void reset_peak_memory_stats(c10::DeviceIndex) {
  unavailable("reset_peak_memory_stats");
}

} // namespace torchdevice::detail::cuda
