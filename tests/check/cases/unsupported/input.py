"""UNS: no automatic port (CUDA graphs, nvtx, extensions, Triton, CuPy, ...)."""
import cupy
import torch
import triton
import triton.language as tl
from torch.utils.cpp_extension import CUDAExtension, load, load_inline

g = torch.cuda.CUDAGraph()  # expect: UNS001@5
with torch.cuda.graph(g):  # expect: UNS001@6
    pass
torch.cuda.nvtx.range_push("step")  # expect: UNS002@1
torch.cuda.nvtx.range_pop()  # expect: UNS002@1
ext = CUDAExtension("k", ["k.cu"])  # expect: UNS004@7
mod = load_inline("m", cpp_sources="", cuda_sources="__global__ void k() {}")  # expect: UNS005@53
mod2 = load("m", ["m.cpp"], with_cuda=True)  # expect: UNS006@39


@triton.jit  # expect: UNS010@2
def kernel(ptr):
    pid = tl.program_id(0)  # expect: UNS010@11
    return pid


arr = cupy.zeros(3)  # expect: UNS011@7
torch.cuda.tunable.enable(True)  # expect: UNS012@1
torch.cuda.profiler.start()  # expect: UNS014@1
torch.mps.profiler.start()  # expect: UNS015@1
torch.cuda.some_future_api()  # expect: UNS017@1

g2 = torch.cuda.CUDAGraph()  # torchdevice: ignore[UNS001]  # suppressed: UNS001@6
torch.cuda.nvtx.range_pop()  # torchdevice: ignore  # suppressed: UNS002@1

# Near misses.
mod3 = load("m", ["m.cpp"], with_cuda=False)
mod4 = load_inline("m", cpp_sources="int f() { return 0; }")
label = "torch.cuda.CUDAGraph"


def graph():
    return None


graph()
