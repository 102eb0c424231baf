// Lite LibTorch declarations for torchdevice-port's C++ rule examples: same qualified names as LibTorch 1.13, nothing else; never compiled into programs.
//
// The namespace layout every other header relies on: at:: and caffe2:: see all of c10:: through
// using-directives, and at::cuda:: sees c10::cuda:: (and c10::hip::) the same way, so at::kCUDA
// names c10::kCUDA and at::cuda::getCurrentCUDAStream names c10::cuda::getCurrentCUDAStream.
#pragma once

#define C10_LIKELY(expr) (__builtin_expect(static_cast<bool>(expr), 1))
#define C10_UNLIKELY(expr) (__builtin_expect(static_cast<bool>(expr), 0))
#define C10_UNUSED __attribute__((__unused__))
#define C10_NODISCARD [[nodiscard]]

namespace c10 {
namespace cuda {}
namespace hip {}
} // namespace c10

namespace caffe2 {
using namespace c10;
}

namespace at {
using namespace c10;
namespace cuda {
using namespace c10::cuda;
using namespace c10::hip;
} // namespace cuda
} // namespace at
