// Streams, events and guards of the C++ runtime, pinned on the CPU where they are emulated with
// CUDA's contracts: per-thread current streams, identity equality, unrecorded events, timing of
// completed work, no host blocking, correct results with side streams.
#include <torchdevice/testing.h>
#include <torchdevice/torchdevice.h>

#include <ATen/core/Tensor.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/full.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/mul.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/rand.h>
#include <c10/util/Exception.h>
#include <gtest/gtest.h>

#include <barrier>
#include <chrono>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>

namespace {

using torchdevice::Event;
using torchdevice::Stream;

class StreamsEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv(torchdevice::kDeviceEnvVar);
    torchdevice::testing::reset();
    torchdevice::prefer("cpu");
  }
  void TearDown() override { torchdevice::testing::reset(); }
};

std::optional<Stream> recorded_on(const Event& event) {
  return torchdevice::testing::recorded_stream(event);
}

// Streams -------------------------------------------------------------------------------------------

TEST_F(StreamsEvents, CurrentStreamIsTheDefaultStreamUntilSet) {
  const auto current = torchdevice::current_stream();
  EXPECT_EQ(current, torchdevice::default_stream());
  EXPECT_EQ(current.id(), 0);
  EXPECT_EQ(current.device(), c10::Device(c10::kCPU)); // named like CPU tensors' device
  EXPECT_EQ(current.device_type(), c10::kCPU);
  EXPECT_EQ(current.device(), at::ones({1}).device());
  EXPECT_EQ(torchdevice::current_stream(3), current); // one device: the index is ignored
}

TEST_F(StreamsEvents, PoolStreamsAreDistinctFromTheDefaultStreamAndEachOther) {
  const auto first = torchdevice::get_stream_from_pool();
  const auto second = torchdevice::get_stream_from_pool();
  const auto copy = first;
  EXPECT_NE(first, torchdevice::default_stream());
  EXPECT_NE(first, second);
  EXPECT_EQ(copy, first); // a copy is the same stream
  EXPECT_EQ(std::hash<Stream>{}(copy), std::hash<Stream>{}(first));
  const std::unordered_set<Stream> streams{first, second, copy, torchdevice::default_stream()};
  EXPECT_EQ(streams.size(), 3U);
  const c10::Stream raw = first; // converts like CUDAStream
  EXPECT_EQ(Stream(raw), first);
  EXPECT_EQ(Stream(c10::Stream::unpack(first.pack())), first);
}

TEST_F(StreamsEvents, SetStreamReallySetsTheCurrentStream) {
  const auto side = torchdevice::get_stream_from_pool();
  torchdevice::set_stream(side);
  EXPECT_EQ(torchdevice::current_stream(), side);
  EXPECT_EQ(torchdevice::current_stream(0), side);
  EXPECT_NE(torchdevice::current_stream(), torchdevice::default_stream());
  torchdevice::set_stream(torchdevice::default_stream());
  EXPECT_EQ(torchdevice::current_stream(), torchdevice::default_stream());
}

TEST_F(StreamsEvents, PrioritiesFollowCudaConventions) {
  const auto [least, greatest] = Stream::priority_range();
  EXPECT_EQ(least, 0);
  EXPECT_EQ(greatest, -1);
  EXPECT_EQ(torchdevice::default_stream().priority(), least);
  EXPECT_EQ(torchdevice::get_stream_from_pool(false).priority(), least);
  EXPECT_EQ(torchdevice::get_stream_from_pool(true).priority(), greatest);
}

TEST_F(StreamsEvents, EmulatedStreamsAreAlwaysCompleteOnCpu) {
  const auto side = torchdevice::get_stream_from_pool();
  const auto product = at::matmul(at::rand({64, 64}), at::rand({64, 64}));
  EXPECT_TRUE(side.query());
  EXPECT_TRUE(torchdevice::default_stream().query());
  side.synchronize();
  torchdevice::synchronize();
  EXPECT_EQ(product.size(0), 64);
}

TEST_F(StreamsEvents, WaitEventAndWaitStreamKeepResultsOrderedWithoutBlocking) {
  const auto producer = torchdevice::get_stream_from_pool();
  const auto consumer = torchdevice::get_stream_from_pool();
  at::Tensor value;
  {
    torchdevice::StreamGuard guard(producer);
    value = at::full({4}, 2.0);
  }
  Event produced;
  produced.record(producer);
  Event never_recorded;
  consumer.wait_event(never_recorded); // no-op
  consumer.wait_event(produced);
  consumer.wait_stream(producer);
  produced.block(consumer);
  produced.wait(consumer);
  produced.wait();
  {
    torchdevice::StreamGuard guard(consumer);
    value = at::mul(value, 3);
  }
  EXPECT_TRUE(at::allclose(value, at::full({4}, 6.0)));
  EXPECT_TRUE(produced.query());
}

TEST_F(StreamsEvents, CurrentStreamsArePerThread) {
  const auto first = torchdevice::get_stream_from_pool();
  const auto second = torchdevice::get_stream_from_pool();
  std::barrier both_set(2);
  std::optional<Stream> seen_by_first;
  std::optional<Stream> seen_by_second;
  std::optional<Stream> initial_in_thread;
  std::thread a([&] {
    initial_in_thread = torchdevice::current_stream();
    torchdevice::set_stream(first);
    both_set.arrive_and_wait(); // the other thread has set its stream too
    seen_by_first = torchdevice::current_stream();
  });
  std::thread b([&] {
    torchdevice::set_stream(second);
    both_set.arrive_and_wait();
    seen_by_second = torchdevice::current_stream();
  });
  a.join();
  b.join();
  EXPECT_EQ(initial_in_thread, torchdevice::default_stream()); // a new thread starts on the default
  EXPECT_EQ(seen_by_first, first);
  EXPECT_EQ(seen_by_second, second);
  EXPECT_EQ(torchdevice::current_stream(), torchdevice::default_stream()); // main thread untouched
}

TEST_F(StreamsEvents, StreamPrintsItsDeviceAndId) {
  std::ostringstream out;
  const auto side = torchdevice::get_stream_from_pool();
  out << side;
  EXPECT_EQ(out.str(), "torchdevice::Stream(device=cpu, id=" + std::to_string(side.id()) + ")");
}

// Guards --------------------------------------------------------------------------------------------

TEST_F(StreamsEvents, StreamGuardSetsAndRestoresNested) {
  const auto outer_stream = torchdevice::get_stream_from_pool();
  const auto inner_stream = torchdevice::get_stream_from_pool();
  {
    torchdevice::StreamGuard outer(outer_stream);
    EXPECT_EQ(torchdevice::current_stream(), outer_stream);
    EXPECT_EQ(outer.original_stream(), torchdevice::default_stream());
    EXPECT_EQ(outer.current_stream(), outer_stream);
    EXPECT_EQ(outer.original_device(), c10::Device(c10::kCPU));
    EXPECT_EQ(outer.current_device(), c10::Device(c10::kCPU));
    {
      torchdevice::StreamGuard inner(inner_stream);
      EXPECT_EQ(torchdevice::current_stream(), inner_stream);
      EXPECT_EQ(inner.original_stream(), outer_stream);
    }
    EXPECT_EQ(torchdevice::current_stream(), outer_stream);
    outer.reset_stream(inner_stream);
    EXPECT_EQ(torchdevice::current_stream(), inner_stream);
    EXPECT_EQ(outer.original_stream(), torchdevice::default_stream());
  }
  EXPECT_EQ(torchdevice::current_stream(), torchdevice::default_stream());
}

TEST_F(StreamsEvents, OptionalStreamGuardWithNothingIsANoOp) {
  const auto side = torchdevice::get_stream_from_pool();
  torchdevice::set_stream(side);
  {
    torchdevice::OptionalStreamGuard none(std::nullopt);
    EXPECT_EQ(torchdevice::current_stream(), side);
    EXPECT_FALSE(none.original_stream().has_value());
    EXPECT_FALSE(none.current_stream().has_value());
  }
  EXPECT_EQ(torchdevice::current_stream(), side);
  torchdevice::set_stream(torchdevice::default_stream());
}

TEST_F(StreamsEvents, OptionalStreamGuardWithAStreamSetsResetsAndRestores) {
  const auto side = torchdevice::get_stream_from_pool();
  {
    torchdevice::OptionalStreamGuard guard(side);
    EXPECT_EQ(torchdevice::current_stream(), side);
    EXPECT_EQ(guard.original_stream(), torchdevice::default_stream());
    guard.reset();
    EXPECT_EQ(torchdevice::current_stream(), torchdevice::default_stream());
    EXPECT_FALSE(guard.current_stream().has_value());
    guard.reset_stream(side);
    EXPECT_EQ(torchdevice::current_stream(), side);
  }
  EXPECT_EQ(torchdevice::current_stream(), torchdevice::default_stream());
}

TEST_F(StreamsEvents, DeviceGuardsAreNoOpsOnTheSingleCpuDevice) {
  {
    torchdevice::DeviceGuard guard(1); // written for a second GPU
    EXPECT_EQ(torchdevice::current_device(), 0);
    EXPECT_EQ(guard.original_device(), c10::Device(c10::kCPU));
    EXPECT_EQ(guard.current_device(), c10::Device(c10::kCPU));
    guard.set_index(0);
    guard.set_device(c10::Device("cuda:1"));
    EXPECT_EQ(guard.current_device(), c10::Device(c10::kCPU));
  }
  {
    torchdevice::OptionalDeviceGuard guard;
    EXPECT_FALSE(guard.original_device().has_value());
    guard.set_index(0);
    EXPECT_EQ(guard.original_device(), c10::Device(c10::kCPU));
    EXPECT_EQ(guard.current_device(), c10::Device(c10::kCPU));
    guard.reset();
    EXPECT_FALSE(guard.current_device().has_value());
  }
  torchdevice::OptionalDeviceGuard empty(std::optional<c10::Device>{});
  EXPECT_FALSE(empty.current_device().has_value());
  EXPECT_EQ(torchdevice::current_device(), 0);
}

// Events --------------------------------------------------------------------------------------------

TEST_F(StreamsEvents, UnrecordedEventIsCompleteAndNotCreated) {
  Event event;
  EXPECT_TRUE(event.query());
  EXPECT_FALSE(event.isCreated());
  EXPECT_FALSE(event.device().has_value());
  EXPECT_EQ(event.device_index(), -1);
  EXPECT_FALSE(event.enable_timing());
  EXPECT_FALSE(event.blocking());
  event.synchronize(); // returns at once
  event.block(torchdevice::current_stream());
  event.wait();
  EXPECT_FALSE(recorded_on(event).has_value());
}

TEST_F(StreamsEvents, RecordWithoutStreamUsesTheCurrentStream) {
  const auto side = torchdevice::get_stream_from_pool();
  Event event(/*enable_timing=*/false, /*blocking=*/true);
  EXPECT_TRUE(event.blocking());
  event.record();
  EXPECT_EQ(recorded_on(event), torchdevice::default_stream());
  {
    torchdevice::StreamGuard guard(side);
    event.record();
  }
  EXPECT_EQ(recorded_on(event), side);
  EXPECT_TRUE(event.isCreated());
  EXPECT_EQ(event.device(), c10::Device(c10::kCPU));
  EXPECT_TRUE(event.query());
}

TEST_F(StreamsEvents, RecordOnceRecordsOnlyTheFirstTime) {
  const auto first = torchdevice::get_stream_from_pool();
  const auto second = torchdevice::get_stream_from_pool();
  Event event;
  event.recordOnce(first);
  event.recordOnce(second);
  EXPECT_EQ(recorded_on(event), first);
}

TEST_F(StreamsEvents, StreamRecordEventRecordsOnThatStream) {
  const auto side = torchdevice::get_stream_from_pool();
  const Event fresh = side.record_event();
  EXPECT_TRUE(fresh.isCreated());
  EXPECT_EQ(recorded_on(fresh), side);
  Event given(/*enable_timing=*/true);
  Event& returned = side.record_event(given);
  EXPECT_EQ(&returned, &given);
  EXPECT_EQ(recorded_on(given), side);
}

TEST_F(StreamsEvents, ElapsedTimeThrowsCudaErrorsForUnrecordedEvents) {
  Event start(true);
  Event end(true);
  EXPECT_THROW((void)start.elapsed_time(end), c10::Error);
  start.record();
  try {
    (void)start.elapsed_time(end);
    FAIL() << "elapsed_time with an unrecorded end event did not throw";
  } catch (const c10::Error& error) {
    EXPECT_NE(std::string(error.what()).find("Both events must be recorded"), std::string::npos);
  }
}

TEST_F(StreamsEvents, ElapsedTimeThrowsCudaErrorsWithoutTiming) {
  Event start;
  Event end(true);
  start.record();
  end.record();
  try {
    (void)start.elapsed_time(end);
    FAIL() << "elapsed_time without enable_timing did not throw";
  } catch (const c10::Error& error) {
    EXPECT_NE(std::string(error.what()).find("enable_timing=True"), std::string::npos);
  }
  EXPECT_THROW((void)end.elapsed_time(start), c10::Error);
}

TEST_F(StreamsEvents, ElapsedTimeCoversAMatrixProduct) {
  const auto a = at::rand({512, 512});
  const auto b = at::rand({512, 512});
  (void)at::matmul(a, b); // warm-up
  Event start(/*enable_timing=*/true);
  Event end(/*enable_timing=*/true);
  start.record();
  const auto t0 = std::chrono::steady_clock::now();
  const auto product = at::matmul(a, b);
  const auto t1 = std::chrono::steady_clock::now();
  end.record();
  const double wall_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const float elapsed_ms = start.elapsed_time(end);
  EXPECT_GE(static_cast<double>(elapsed_ms), wall_ms);
  EXPECT_GT(elapsed_ms, 0.0F);
  EXPECT_EQ(start.elapsed_time(start), 0.0F);
  EXPECT_TRUE(at::allclose(product, at::matmul(a, b)));
}

TEST_F(StreamsEvents, SideStreamPatternWithStreamGuardGivesCorrectResults) {
  const auto input = at::rand({256, 256});
  Event input_ready;
  input_ready.record(); // on the current (default) stream
  const auto side = torchdevice::get_stream_from_pool();
  at::Tensor product;
  Event done;
  {
    torchdevice::StreamGuard guard(side);
    EXPECT_EQ(torchdevice::current_stream(), side);
    side.wait_event(input_ready);
    product = at::matmul(input, input.t());
    done.record(); // on the side stream
  }
  EXPECT_EQ(torchdevice::current_stream(), torchdevice::default_stream());
  done.block(torchdevice::current_stream());
  torchdevice::current_stream().wait_stream(side);
  EXPECT_EQ(recorded_on(done), side);
  EXPECT_TRUE(at::allclose(product, at::matmul(input, input.t())));
  EXPECT_TRUE(at::allclose(product, product.t(), 1e-4, 1e-4)); // x @ x^T is symmetric
}

TEST_F(StreamsEvents, MovedEventKeepsItsRecordAndTheSourceStartsAfresh) {
  Event source(true);
  source.record();
  Event target(std::move(source));
  EXPECT_TRUE(target.isCreated());
  EXPECT_TRUE(target.enable_timing());
  EXPECT_FALSE(source.isCreated()); // NOLINT(bugprone-use-after-move): the documented state
  EXPECT_TRUE(source.query());
  source.record();
  EXPECT_TRUE(source.isCreated());
  Event assigned;
  assigned = std::move(target);
  EXPECT_TRUE(assigned.isCreated());
}

} // namespace
