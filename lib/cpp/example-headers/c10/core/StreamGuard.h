// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
#pragma once

#include <c10/core/Device.h>
#include <c10/core/Stream.h>
#include <c10/util/Optional.h>

namespace c10 {

struct StreamGuard {
  explicit StreamGuard() = delete;
  explicit StreamGuard(Stream stream);
  StreamGuard(const StreamGuard&) = delete;
  StreamGuard& operator=(const StreamGuard&) = delete;
  StreamGuard(StreamGuard&& other) = delete;
  StreamGuard& operator=(StreamGuard&& other) = delete;

  void reset_stream(Stream stream);
  Stream original_stream() const;
  Stream current_stream() const;
  Device current_device() const;
  Device original_device() const;
};

struct OptionalStreamGuard {
  explicit OptionalStreamGuard();
  explicit OptionalStreamGuard(Stream stream);
  explicit OptionalStreamGuard(optional<Stream> stream_opt);
  OptionalStreamGuard(const OptionalStreamGuard&) = delete;
  OptionalStreamGuard& operator=(const OptionalStreamGuard&) = delete;
  OptionalStreamGuard(OptionalStreamGuard&& other) = delete;
  OptionalStreamGuard& operator=(OptionalStreamGuard&& other) = delete;

  void reset_stream(Stream stream);
  optional<Stream> original_stream() const;
  optional<Stream> current_stream() const;
  void reset();
};

} // namespace c10
