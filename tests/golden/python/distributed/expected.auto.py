import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
import torchdevice


def setup(model):
    rank = int(os.environ["LOCAL_RANK"])
    dist.init_process_group(backend=torchdevice.distributed_backend())
    torchdevice.set_device(rank)
    group = dist.new_group([0, 1], backend=torchdevice.distributed_backend())
    model = DDP(model.to(torchdevice.device(rank)), device_ids=[rank])
    return model, group
