// Streams and events emulated with CUDA's contracts (CPU and MPS); see stream_emulation.h.
#include "backend/stream_emulation.h"

#include <c10/util/Exception.h>

#include <algorithm>
#include <atomic>
#include <vector>

namespace torchdevice::detail {
namespace {

constexpr c10::StreamId kHighPriorityBit = 1;
constexpr int kHighPriority = -1; // CUDA: lower numbers run first
constexpr int kLowPriority = 0;

/// Bumped by testing::reset(): every thread forgets its current streams at its next call.
std::atomic<std::uint64_t> g_generation{0};
/// Next pool stream number (ids are number * 2 + high-priority bit).
std::atomic<c10::StreamId> g_next_pool_stream{1};

struct ThreadStreams {
  std::uint64_t generation = 0;
  std::vector<c10::Stream> current; // at most one per device type
};

ThreadStreams& thread_streams() {
  thread_local ThreadStreams streams;
  const auto generation = g_generation.load(std::memory_order_acquire);
  if (streams.generation != generation) {
    streams.current.clear();
    streams.generation = generation;
  }
  return streams;
}

c10::Stream* find_current(ThreadStreams& streams, c10::DeviceType type) {
  auto it = std::find_if(streams.current.begin(), streams.current.end(),
                         [type](const c10::Stream& s) { return s.device_type() == type; });
  return it == streams.current.end() ? nullptr : &*it;
}

double milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

} // namespace

void reset_stream_emulation() noexcept {
  g_generation.fetch_add(1, std::memory_order_acq_rel);
}

c10::Device EmulatedBackend::device_at(c10::DeviceIndex) const {
  return the_device(); // one device: an index written for several GPUs means it
}

c10::Device EmulatedBackend::exchange_device(c10::Device) const {
  return the_device();
}

void EmulatedBackend::check_stream(const c10::Stream& stream) const {
  TORCH_CHECK(stream.device_type() == type(), "torchdevice: a ", stream.device_type(),
              " stream was given to the ", type(), " backend");
}

c10::Stream EmulatedBackend::current_stream(c10::Device) const {
  auto& streams = thread_streams();
  if (const auto* current = find_current(streams, type())) {
    return *current;
  }
  return c10::Stream(c10::Stream::DEFAULT, the_device());
}

c10::Stream EmulatedBackend::default_stream(c10::Device) const {
  return c10::Stream(c10::Stream::DEFAULT, the_device());
}

c10::Stream EmulatedBackend::pool_stream(c10::Device, bool high_priority) const {
  const auto number = g_next_pool_stream.fetch_add(1, std::memory_order_relaxed);
  const c10::StreamId id = number * 2 + (high_priority ? kHighPriorityBit : 0);
  return c10::Stream(c10::Stream::UNSAFE, the_device(), id);
}

c10::Stream EmulatedBackend::exchange_stream(c10::Stream stream) const {
  check_stream(stream);
  auto& streams = thread_streams();
  if (auto* current = find_current(streams, type())) {
    const auto previous = *current;
    *current = stream;
    return previous;
  }
  streams.current.push_back(stream);
  return c10::Stream(c10::Stream::DEFAULT, the_device());
}

bool EmulatedBackend::query_stream(const c10::Stream& stream) const {
  check_stream(stream);
  drain_queue(); // one queue: the stream's work is done when the queue is
  return true;
}

void EmulatedBackend::synchronize_stream(const c10::Stream& stream) const {
  check_stream(stream);
  drain_queue();
}

void EmulatedBackend::wait_stream(const c10::Stream& waiter, const c10::Stream& awaited) const {
  check_stream(waiter);
  check_stream(awaited);
  // One in-order queue: later work on `waiter` already runs after the work issued to `awaited`.
}

int EmulatedBackend::stream_priority(const c10::Stream& stream) const {
  check_stream(stream);
  return (stream.id() & kHighPriorityBit) != 0 ? kHighPriority : kLowPriority;
}

std::tuple<int, int> EmulatedBackend::priority_range() const {
  return {kLowPriority, kHighPriority};
}

void EmulatedBackend::record_event(EventState& event, const c10::Stream& stream) const {
  check_stream(stream);
  drain_queue(); // the host clock below is then the completion time of the recorded work
  event.stream = stream;
  event.host_time = Clock::now();
}

bool EmulatedBackend::query_event(const EventState&) const {
  return true; // the recorded work completed before record() returned
}

void EmulatedBackend::synchronize_event(const EventState&) const {}

void EmulatedBackend::block_event(const EventState&, const c10::Stream& stream) const {
  check_stream(stream); // in-order queue: nothing to wait for, the host is never blocked
}

double EmulatedBackend::elapsed_ms(const EventState& start, const EventState& end) const {
  TORCH_CHECK(start.host_time && end.host_time,
              "Both events must be recorded before calculating elapsed time.");
  return milliseconds(*end.host_time - *start.host_time);
}

} // namespace torchdevice::detail
