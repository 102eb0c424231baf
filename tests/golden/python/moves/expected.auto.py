import torch
from torch.utils.data import DataLoader
import torchdevice


def make_loader(dataset):
    return DataLoader(dataset, batch_size=32, shuffle=True, pin_memory=torchdevice.pin_memory_supported())


def train(model, batch, target):
    model = model.to(torchdevice.device())
    batch = batch.to(torchdevice.device(), non_blocking=True)
    target = target.to(torchdevice.device(0))
    if not torchdevice.is_on_device(batch):
        raise RuntimeError("batch must be on the accelerator")
    host = torchdevice.pin_memory(torch.zeros(4))
    moved = host.to(batch.device, non_blocking=True)
    return model(batch), target, moved
