// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// at::Context and the at::has*() / at::manual_seed() helpers (torch::manual_seed is a
// using-declaration of at::manual_seed, see torch/utils.h).
#pragma once

#include <ATen/core/Generator.h>
#include <c10/core/Device.h>
#include <c10/core/DeviceType.h>

#include <cstddef>
#include <cstdint>

namespace at {

class Context {
 public:
  Context();
  const Generator& defaultGenerator(Device device);
  Device getDeviceFromPtr(void* data, DeviceType device_type);
  static bool isPinnedPtr(void* data);
  static bool hasCUDA();
  static bool hasCUDART();
  static bool hasCuDNN();
  static bool hasHIP();
  static bool hasMPS();
  void lazyInitCUDA();
  bool userEnabledCuDNN() const;
  void setUserEnabledCuDNN(bool e);
  bool benchmarkCuDNN() const;
  void setBenchmarkCuDNN(bool);
  bool deterministicCuDNN() const;
  void setDeterministicCuDNN(bool);
  bool deterministicAlgorithms() const;
  void setDeterministicAlgorithms(bool, bool);
  bool allowTF32CuBLAS() const;
  void setAllowTF32CuBLAS(bool);
  bool allowTF32CuDNN() const;
  void setAllowTF32CuDNN(bool);
};

Context& globalContext();

bool hasCUDA();
bool hasHIP();
bool hasMPS();
size_t getNumGPUs();
void manual_seed(uint64_t seed);

} // namespace at
