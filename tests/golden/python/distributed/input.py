import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP


def setup(model):
    rank = int(os.environ["LOCAL_RANK"])
    dist.init_process_group(backend="nccl")
    torch.cuda.set_device(rank)
    group = dist.new_group([0, 1], backend="nccl")
    model = DDP(model.cuda(rank), device_ids=[rank])
    return model, group
