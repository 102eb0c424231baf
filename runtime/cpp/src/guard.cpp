// RAII stream and device guards on top of the backends' exchange_device / exchange_stream.
#include "backend/backend.h"

#include <torchdevice/device.h>
#include <torchdevice/guard.h>

#include <c10/util/Exception.h>

namespace torchdevice {
namespace {

const detail::Backend& backend_of(const c10::Stream& stream) {
  return detail::backend_for(stream.device_type());
}

/// A device argument (possibly written for CUDA) as the selected backend names it.
c10::Device guarded_device(c10::Device device) {
  const auto mapped = detail::map_device(device);
  const auto type = device_type();
  TORCH_CHECK(mapped.type() == type, "torchdevice: a device guard expected a ", type, " device, got ",
              device);
  return detail::selected_backend().device_at(mapped.index());
}

c10::Device guarded_device(c10::DeviceIndex index) {
  return detail::selected_backend().device_at(index);
}

/// Makes `device` current and returns the previous current device.
c10::Device enter_device(c10::Device device) {
  return detail::backend_for(device.type()).exchange_device(device);
}

} // namespace

// StreamGuard -------------------------------------------------------------------------------------

StreamGuard::StreamGuard(const Stream& stream)
    : original_device_(enter_device(stream.device())),
      current_device_(stream.device()),
      original_stream_(backend_of(stream.unwrap()).exchange_stream(stream.unwrap())),
      current_stream_(stream.unwrap()) {}

StreamGuard::~StreamGuard() {
  const auto& backend = backend_of(current_stream_);
  (void)backend.exchange_stream(original_stream_);
  detail::backend_for(original_device_.type()).restore_device(original_device_);
}

void StreamGuard::reset_stream(const Stream& stream) {
  if (stream.device() == current_device_) {
    (void)backend_of(stream.unwrap()).exchange_stream(stream.unwrap());
  } else {
    // Another device: restore the stream of the one left, then guard the new one.
    (void)backend_of(current_stream_).exchange_stream(original_stream_);
    (void)enter_device(stream.device());
    current_device_ = stream.device();
    original_stream_ = backend_of(stream.unwrap()).exchange_stream(stream.unwrap());
  }
  current_stream_ = stream.unwrap();
}

// OptionalStreamGuard -----------------------------------------------------------------------------

OptionalStreamGuard::OptionalStreamGuard(const std::optional<Stream>& stream) {
  if (stream) {
    reset_stream(*stream);
  }
}

OptionalStreamGuard::~OptionalStreamGuard() {
  reset();
}

void OptionalStreamGuard::reset_stream(const Stream& stream) {
  if (current_stream_ && current_stream_->device() == stream.device()) {
    (void)backend_of(stream.unwrap()).exchange_stream(stream.unwrap());
    current_stream_ = stream.unwrap();
    return;
  }
  if (current_stream_) { // another device: restore the stream of the one left
    (void)backend_of(*current_stream_).exchange_stream(*original_stream_);
  }
  const auto previous_device = enter_device(stream.device());
  if (!original_device_) {
    original_device_ = previous_device;
  }
  original_stream_ = backend_of(stream.unwrap()).exchange_stream(stream.unwrap());
  current_stream_ = stream.unwrap();
}

void OptionalStreamGuard::reset() {
  if (current_stream_) {
    (void)backend_of(*current_stream_).exchange_stream(*original_stream_);
    detail::backend_for(original_device_->type()).restore_device(*original_device_);
  }
  original_device_.reset();
  original_stream_.reset();
  current_stream_.reset();
}

std::optional<Stream> OptionalStreamGuard::original_stream() const {
  return original_stream_ ? std::optional<Stream>(Stream(*original_stream_)) : std::nullopt;
}

std::optional<Stream> OptionalStreamGuard::current_stream() const {
  return current_stream_ ? std::optional<Stream>(Stream(*current_stream_)) : std::nullopt;
}

// DeviceGuard -------------------------------------------------------------------------------------

DeviceGuard::DeviceGuard(c10::DeviceIndex index) : DeviceGuard(guarded_device(index)) {}

DeviceGuard::DeviceGuard(c10::Device device)
    : original_device_(enter_device(guarded_device(device))), current_device_(guarded_device(device)) {}

DeviceGuard::~DeviceGuard() {
  detail::backend_for(original_device_.type()).restore_device(original_device_);
}

void DeviceGuard::set_device(c10::Device device) {
  current_device_ = guarded_device(device);
  (void)enter_device(current_device_);
}

void DeviceGuard::set_index(c10::DeviceIndex index) {
  current_device_ = guarded_device(index);
  (void)enter_device(current_device_);
}

// OptionalDeviceGuard -----------------------------------------------------------------------------

OptionalDeviceGuard::OptionalDeviceGuard(std::optional<c10::Device> device) {
  if (device) {
    set_device(*device);
  }
}

OptionalDeviceGuard::OptionalDeviceGuard(std::optional<c10::DeviceIndex> index) {
  if (index) {
    set_index(*index);
  }
}

OptionalDeviceGuard::~OptionalDeviceGuard() {
  reset();
}

void OptionalDeviceGuard::set_device(c10::Device device) {
  const auto target = guarded_device(device);
  const auto previous = enter_device(target);
  if (!original_device_) {
    original_device_ = previous;
  }
  current_device_ = target;
}

void OptionalDeviceGuard::set_index(c10::DeviceIndex index) {
  set_device(guarded_device(index));
}

void OptionalDeviceGuard::reset() {
  if (original_device_) {
    detail::backend_for(original_device_->type()).restore_device(*original_device_);
  }
  original_device_.reset();
  current_device_.reset();
}

} // namespace torchdevice
