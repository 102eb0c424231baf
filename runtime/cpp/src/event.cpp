// torchdevice::Event: argument checks and CUDA's error messages here, the work in the backend of the
// stream the event is recorded on.
#include "backend/backend.h"

#include <torchdevice/event.h>
#include <torchdevice/stream.h>
#include <torchdevice/testing.h>

#include <c10/util/Exception.h>

namespace torchdevice {
namespace {

const detail::Backend& backend_of(const detail::EventState& state) {
  return detail::backend_for(state.stream->device_type());
}

bool recorded(const detail::EventState* state) {
  return state != nullptr && state->stream.has_value();
}

} // namespace

Event::Event(bool enable_timing, bool blocking, bool /*interprocess*/)
    : state_(std::make_unique<detail::EventState>()) {
  state_->enable_timing = enable_timing;
  state_->blocking = blocking;
}

Event::~Event() = default;
Event::Event(Event&& other) noexcept = default;
Event& Event::operator=(Event&& other) noexcept = default;

bool Event::enable_timing() const noexcept {
  return state_ != nullptr && state_->enable_timing;
}

bool Event::blocking() const noexcept {
  return state_ != nullptr && state_->blocking;
}

bool Event::isCreated() const noexcept {
  return recorded(state_.get());
}

std::optional<c10::Device> Event::device() const noexcept {
  if (!recorded(state_.get())) {
    return std::nullopt;
  }
  return state_->stream->device();
}

c10::DeviceIndex Event::device_index() const noexcept {
  return recorded(state_.get()) ? state_->stream->device_index() : c10::DeviceIndex(-1);
}

void Event::record() {
  record(current_stream());
}

void Event::record(const Stream& stream) {
  if (state_ == nullptr) { // moved from: becomes a fresh event
    state_ = std::make_unique<detail::EventState>();
  }
  if (state_->stream) {
    TORCH_CHECK(state_->stream->device() == stream.device(), "Event device ", state_->stream->device(),
                " does not match recording stream's device ", stream.device(), ".");
  }
  detail::backend_for(stream.device_type()).record_event(*state_, stream.unwrap());
}

void Event::recordOnce(const Stream& stream) {
  if (!isCreated()) {
    record(stream);
  }
}

void Event::block(const Stream& stream) const {
  if (recorded(state_.get())) {
    backend_of(*state_).block_event(*state_, stream.unwrap());
  }
}

void Event::wait() const {
  if (recorded(state_.get())) {
    block(current_stream());
  }
}

bool Event::query() const {
  return !recorded(state_.get()) || backend_of(*state_).query_event(*state_);
}

void Event::synchronize() const {
  if (recorded(state_.get())) {
    backend_of(*state_).synchronize_event(*state_);
  }
}

float Event::elapsed_time(const Event& end) const {
  TORCH_CHECK(enable_timing() && end.enable_timing(),
              "Both events must be created with argument 'enable_timing=True'.");
  TORCH_CHECK(isCreated() && end.isCreated(),
              "Both events must be recorded before calculating elapsed time.");
  TORCH_CHECK(state_->stream->device_type() == end.state_->stream->device_type(),
              "Both events must belong to the same device type.");
  synchronize();
  end.synchronize(); // measure completed work, never mere enqueue time
  return static_cast<float>(backend_of(*state_).elapsed_ms(*state_, *end.state_));
}

namespace testing {

std::optional<Stream> recorded_stream(const Event& event) {
  const auto* state = detail::EventAccess::get(event);
  if (!recorded(state)) {
    return std::nullopt;
  }
  return Stream(*state->stream);
}

} // namespace testing
} // namespace torchdevice
