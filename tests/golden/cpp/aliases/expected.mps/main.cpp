// Names reached through using declarations, namespace aliases, typedefs and auto.
#include <torch/torch.h>
#include <torchdevice/torchdevice.h>
TORCHDEVICE_PREFER("mps");

namespace tc = torch::cuda;
namespace cc = c10::cuda;
using torchdevice::current_stream;
using SideStream = torchdevice::Stream;
typedef torchdevice::DeviceGuard Guard;

int main() {
  if (!torchdevice::is_available())
    return 1;
  Guard guard(0);
  SideStream s = torchdevice::get_stream_from_pool();
  auto current = torchdevice::current_stream();
  torchdevice::set_stream(s);
  torchdevice::synchronize();
  return current == s ? 1 : 0;
}
