// torchdevice::Stream and the stream functions: thin calls into the stream's backend.
#include "backend/backend.h"

#include <torchdevice/event.h>
#include <torchdevice/stream.h>

#include <ostream>

namespace torchdevice {
namespace {

const detail::Backend& backend_of(const c10::Stream& stream) {
  return detail::backend_for(stream.device_type());
}

} // namespace

int Stream::priority() const {
  return backend_of(stream_).stream_priority(stream_);
}

std::tuple<int, int> Stream::priority_range() {
  return detail::selected_backend().priority_range();
}

bool Stream::query() const {
  return backend_of(stream_).query_stream(stream_);
}

void Stream::synchronize() const {
  backend_of(stream_).synchronize_stream(stream_);
}

void Stream::wait_event(const Event& event) const {
  event.block(*this);
}

void Stream::wait_stream(const Stream& other) const {
  backend_of(stream_).wait_stream(stream_, other.stream_);
}

Event Stream::record_event() const {
  Event event;
  event.record(*this);
  return event;
}

Event& Stream::record_event(Event& event) const {
  event.record(*this);
  return event;
}

std::ostream& operator<<(std::ostream& out, const Stream& stream) {
  return out << "torchdevice::Stream(device=" << stream.device() << ", id=" << stream.id() << ")";
}

Stream current_stream(c10::DeviceIndex index) {
  const auto& backend = detail::selected_backend();
  return Stream(backend.current_stream(backend.device_at(index)));
}

Stream default_stream(c10::DeviceIndex index) {
  const auto& backend = detail::selected_backend();
  return Stream(backend.default_stream(backend.device_at(index)));
}

Stream get_stream_from_pool(bool high_priority, c10::DeviceIndex index) {
  const auto& backend = detail::selected_backend();
  return Stream(backend.pool_stream(backend.device_at(index), high_priority));
}

void set_stream(const Stream& stream) {
  (void)backend_of(stream.unwrap()).exchange_stream(stream.unwrap());
}

} // namespace torchdevice
