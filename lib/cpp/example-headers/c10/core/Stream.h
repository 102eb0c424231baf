// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// c10::Stream, the device-generic stream value (at::Stream is an alias of it, see ATen/core/ATen_fwd.h).
#pragma once

#include <c10/core/Device.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace c10 {

using StreamId = int64_t;

class Stream final {
 private:
  Device device_;
  StreamId id_;

 public:
  enum Unsafe { UNSAFE };
  enum Default { DEFAULT };

  explicit Stream(Unsafe, Device device, StreamId id);
  explicit Stream(Default, Device device);

  bool operator==(const Stream& other) const noexcept;
  bool operator!=(const Stream& other) const noexcept;

  Device device() const noexcept;
  DeviceType device_type() const noexcept;
  DeviceIndex device_index() const noexcept;
  StreamId id() const noexcept;

  /// Makes this stream wait for `event` (any event type with block(const Stream&)).
  template <typename T>
  void wait(const T& event) const;
  bool query() const;
  void synchronize() const;

  uint64_t pack() const noexcept;
  static Stream unpack(uint64_t bits);
};

std::ostream& operator<<(std::ostream& stream, const Stream& s);

} // namespace c10

template <>
struct std::hash<c10::Stream> {
  std::size_t operator()(c10::Stream s) const noexcept;
};
