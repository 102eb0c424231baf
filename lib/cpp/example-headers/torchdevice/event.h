// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/event.h>.
#pragma once

#include <torchdevice/stream.h>

#include <c10/core/Device.h>

#include <memory>
#include <optional>

namespace torchdevice {

namespace detail {
struct EventState;
struct EventAccess;
} // namespace detail

class Event {
 public:
  explicit Event(bool enable_timing = false, bool blocking = false, bool interprocess = false);
  ~Event();
  Event(Event&& other) noexcept;
  Event& operator=(Event&& other) noexcept;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  bool enable_timing() const noexcept;
  bool blocking() const noexcept;
  bool isCreated() const noexcept;
  std::optional<c10::Device> device() const noexcept;
  c10::DeviceIndex device_index() const noexcept;

  void record();
  void record(const Stream& stream);
  void recordOnce(const Stream& stream);
  void block(const Stream& stream) const;
  void wait() const;
  void wait(const Stream& stream) const;
  bool query() const;
  void synchronize() const;
  float elapsed_time(const Event& end) const;

 private:
  friend struct detail::EventAccess;
  std::unique_ptr<detail::EventState> state_;
};

} // namespace torchdevice
