// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// Lite form of the TorchDevice runtime's <torchdevice/stream.h>.
#pragma once

#include <c10/core/Device.h>
#include <c10/core/Stream.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <tuple>

namespace torchdevice {

class Event;

class Stream {
 public:
  explicit Stream(c10::Stream stream) noexcept;

  operator c10::Stream() const noexcept;
  c10::Stream unwrap() const noexcept;

  c10::Device device() const noexcept;
  c10::DeviceType device_type() const noexcept;
  c10::DeviceIndex device_index() const noexcept;
  c10::StreamId id() const noexcept;
  std::uint64_t pack() const noexcept;

  int priority() const;
  static std::tuple<int, int> priority_range();

  bool query() const;
  void synchronize() const;
  void wait_event(const Event& event) const;
  void wait_stream(const Stream& other) const;
  Event record_event() const;
  Event& record_event(Event& event) const;

  friend bool operator==(const Stream& a, const Stream& b) noexcept;
  friend bool operator!=(const Stream& a, const Stream& b) noexcept;

 private:
  c10::Stream stream_;
};

std::ostream& operator<<(std::ostream& out, const Stream& stream);

Stream current_stream(c10::DeviceIndex index = -1);
Stream default_stream(c10::DeviceIndex index = -1);
Stream get_stream_from_pool(bool high_priority = false, c10::DeviceIndex index = -1);
void set_stream(const Stream& stream);

} // namespace torchdevice

template <>
struct std::hash<torchdevice::Stream> {
  std::size_t operator()(const torchdevice::Stream& stream) const noexcept;
};
