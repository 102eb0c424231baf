// Streams: current, default, from the pool, set; the raw cudaStream_t is reported.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("cpu");

void work(torchdevice::Stream stream) { stream.synchronize(); }

int main() {
  torchdevice::Stream current = torchdevice::current_stream();
  torchdevice::Stream byDefault = torchdevice::default_stream();
  auto side = torchdevice::get_stream_from_pool(/*isHighPriority=*/true);
  torchdevice::set_stream(side);
  work(side);
  torchdevice::set_stream(current);
  auto raw = side.stream();
  (void)raw;
  return current == byDefault ? 0 : 1;
}
