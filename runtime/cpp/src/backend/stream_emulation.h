#pragma once
// Internal: streams and events emulated with CUDA's contracts, for backends with one in-order queue
// (the CPU, where work is complete when the call that issued it returns; MPS, one command queue).
//
//   * one device; the current stream is per thread (and per device type); a new thread starts on the
//     default stream;
//   * the default stream has id 0; every pool stream is new (ids 1, 2, ...; the low bit is the high
//     priority flag), so equality of c10::Stream is identity;
//   * all streams share the queue, so work stays in issue order: wait_stream / wait_event / block
//     are no-ops that never block the host;
//   * record() drains the queue (nothing on the CPU) and takes the host clock: the time the recorded
//     work completed. query() of a recorded event is then true; elapsed time is the clock difference.

#include "backend/backend.h"

namespace torchdevice::detail {

class EmulatedBackend : public Backend {
 public:
  std::size_t device_count() const override { return 1; }
  c10::DeviceIndex current_device() const override { return 0; }
  c10::Device device_at(c10::DeviceIndex index) const override;
  c10::Device exchange_device(c10::Device device) const override;
  void restore_device(c10::Device) const noexcept override {}
  void synchronize_device(c10::DeviceIndex) const override { drain_queue(); }

  c10::Stream current_stream(c10::Device device) const override;
  c10::Stream default_stream(c10::Device device) const override;
  c10::Stream pool_stream(c10::Device device, bool high_priority) const override;
  c10::Stream exchange_stream(c10::Stream stream) const override;
  bool query_stream(const c10::Stream& stream) const override;
  void synchronize_stream(const c10::Stream& stream) const override;
  void wait_stream(const c10::Stream& waiter, const c10::Stream& awaited) const override;
  int stream_priority(const c10::Stream& stream) const override;
  std::tuple<int, int> priority_range() const override;

  void record_event(EventState& event, const c10::Stream& stream) const override;
  bool query_event(const EventState& event) const override;
  void synchronize_event(const EventState& event) const override;
  void block_event(const EventState& event, const c10::Stream& stream) const override;
  double elapsed_ms(const EventState& start, const EventState& end) const override;

 protected:
  /// The one device, named as tensors on it are: cpu (index -1), mps:0.
  virtual c10::Device the_device() const noexcept = 0;
  /// Block the host until all queued work has completed (the CPU: nothing to wait for).
  virtual void drain_queue() const = 0;

 private:
  void check_stream(const c10::Stream& stream) const;
};

} // namespace torchdevice::detail
