"""DST: the "nccl" backend and DDP device_ids."""
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP

dist.init_process_group("nccl")  # expect: DST001@25*
dist.init_process_group(backend="nccl", rank=0, world_size=1)  # expect: DST001@33*
torch.distributed.init_process_group(backend="nccl")  # expect: DST001@46*
g = dist.new_group([0, 1], backend="nccl")  # expect: DST002@36*
model = torch.nn.Linear(2, 2)
ddp = DDP(model, device_ids=[0])  # expect: DST003@29
ddp2 = torch.nn.parallel.DistributedDataParallel(model, [0])  # expect: DST003@57

dist.init_process_group("nccl")  # torchdevice: ignore[DST001]  # suppressed: DST001@25*

# Near misses.
dist.init_process_group("gloo")
dist.init_process_group(backend="gloo")
print("nccl")
backend = "nccl"
DDP(model)


def init_process_group(backend):
    return backend


init_process_group("nccl")
