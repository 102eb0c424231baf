"""MEM: memory statistics and the caching allocator."""
import torch
from torch.cuda import memory

used = torch.cuda.memory_allocated()  # expect: MEM001@8*
peak = torch.cuda.max_memory_allocated(0)  # expect: MEM002@8*
res = torch.cuda.memory_reserved()  # expect: MEM003@7*
torch.cuda.empty_cache()  # expect: MEM007@1*
torch.mps.empty_cache()  # expect: MEM007@1*
free, total = torch.cuda.mem_get_info()  # expect: MEM008@15*
torch.cuda.reset_peak_memory_stats()  # expect: MEM009@1*
stats = torch.cuda.memory_stats()  # expect: MEM013@9*
print(torch.cuda.memory_summary())  # expect: MEM014@7*
torch.cuda.set_per_process_memory_fraction(0.5)  # expect: MEM015@1*
mps_used = torch.mps.current_allocated_memory()  # expect: MEM001@12*
via_module = memory.memory_allocated()  # expect: MEM001@14*
snap = torch.cuda.memory_snapshot()  # expect: MEM017@8
torch.cuda.ipc_collect()  # expect: MEM018@1
try:
    pass
except torch.cuda.OutOfMemoryError:  # expect: MEM019@8
    pass

# Suppressed.
torch.cuda.empty_cache()  # torchdevice: ignore[MEM007]  # suppressed: MEM007@1*
torch.cuda.ipc_collect()  # torchdevice: ignore[MEM]  # suppressed: MEM018@1

# Near misses.
mod = torch.cuda.memory  # MEM021 keep: no finding


def empty_cache():
    pass


empty_cache()
cache = {}
cache.clear()
report = "torch.cuda.memory_allocated() is high"
