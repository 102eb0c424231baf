#pragma once
// TorchDevice C++ runtime: the device-neutral replacement for LibTorch's CUDA API in ported code.
//
//   #include <torchdevice/torchdevice.h>
//   TORCHDEVICE_PREFER("mps");                      // written by the port, after the includes
//   auto x = torch::ones({2, 2}, torchdevice::device());
//   torchdevice::StreamGuard guard(torchdevice::get_stream_from_pool());
//
// CMake: find_package(TorchDevice) and target_link_libraries(app PRIVATE TorchDevice::runtime).
// Semantics per backend (CUDA native, MPS and CPU emulated): docs/runtime.md, "C++ runtime".

#include <torchdevice/device.h>
#include <torchdevice/event.h>
#include <torchdevice/guard.h>
#include <torchdevice/memory.h>
#include <torchdevice/stream.h>
