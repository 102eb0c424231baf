#pragma once
// Streams of the selected device: the native ones on CUDA (through c10's device-generic guard
// interface), emulated with CUDA's contracts on MPS and the CPU.
//
// torchdevice::Stream is a copyable value like c10::cuda::CUDAStream and has its method names, so a
// port renames the type. Equality is identity of the underlying stream.

#include <torchdevice/export.h>

#include <c10/core/Device.h>
#include <c10/core/Stream.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <tuple>

namespace torchdevice {

class Event;

class TORCHDEVICE_API Stream {
 public:
  /// Wrap a c10::Stream of the selected device type (e.g. one from c10::Stream::unpack).
  explicit Stream(c10::Stream stream) noexcept : stream_(stream) {}

  /// The underlying c10::Stream (implicit, like CUDAStream's conversion).
  operator c10::Stream() const noexcept { return stream_; }
  c10::Stream unwrap() const noexcept { return stream_; }

  c10::Device device() const noexcept { return stream_.device(); }
  c10::DeviceType device_type() const noexcept { return stream_.device_type(); }
  c10::DeviceIndex device_index() const noexcept { return stream_.device_index(); }
  c10::StreamId id() const noexcept { return stream_.id(); }
  std::uint64_t pack() const noexcept { return stream_.pack(); }

  /// Priority: lower numbers run first (CUDA convention). Native on CUDA; emulated streams report the
  /// priority they were created with (0, or the greatest of priority_range() for high priority).
  int priority() const;
  /// (least, greatest) priority, like CUDAStream::priority_range(): native on CUDA, (0, -1) elsewhere.
  static std::tuple<int, int> priority_range();

  /// True when all work issued to this stream has completed.
  bool query() const;
  /// Block the host until all work issued to this stream has completed.
  void synchronize() const;
  /// Make future work on this stream wait for `event` (no-op if it was never recorded). Never blocks
  /// the host.
  void wait_event(const Event& event) const;
  /// Make future work on this stream wait for the work issued to `other` so far. Never blocks the host.
  void wait_stream(const Stream& other) const;
  /// Record a new event (timing disabled) on this stream and return it.
  Event record_event() const;
  /// Record `event` on this stream and return it.
  Event& record_event(Event& event) const;

  friend bool operator==(const Stream& a, const Stream& b) noexcept { return a.stream_ == b.stream_; }
  friend bool operator!=(const Stream& a, const Stream& b) noexcept { return a.stream_ != b.stream_; }

 private:
  c10::Stream stream_;
};

TORCHDEVICE_API std::ostream& operator<<(std::ostream& out, const Stream& stream);

/// This thread's current stream of a device (index -1: the current device); the default stream until
/// one is set. Replaces c10::cuda::getCurrentCUDAStream.
TORCHDEVICE_API Stream current_stream(c10::DeviceIndex index = -1);
/// The device's default stream, distinct from every pool stream. Replaces getDefaultCUDAStream.
TORCHDEVICE_API Stream default_stream(c10::DeviceIndex index = -1);
/// A stream from the device's pool (CUDA: round-robin over 32 streams per priority; emulated: a new
/// stream each call). Replaces c10::cuda::getStreamFromPool.
TORCHDEVICE_API Stream get_stream_from_pool(bool high_priority = false, c10::DeviceIndex index = -1);
/// Make `stream` the current stream of its device in this thread (does not change the current
/// device). Replaces c10::cuda::setCurrentCUDAStream.
TORCHDEVICE_API void set_stream(const Stream& stream);

} // namespace torchdevice

template <>
struct std::hash<torchdevice::Stream> {
  std::size_t operator()(const torchdevice::Stream& stream) const noexcept {
    return std::hash<c10::Stream>{}(stream.unwrap());
  }
};
