import torch
from torch.utils.data import DataLoader


def make_loader(dataset):
    return DataLoader(dataset, batch_size=32, shuffle=True, pin_memory=True)


def train(model, batch, target):
    model = model.cuda()
    batch = batch.cuda(non_blocking=True)
    target = target.cuda(0)
    if not batch.is_cuda:
        raise RuntimeError("batch must be on the accelerator")
    host = torch.zeros(4).pin_memory()
    moved = host.to(batch.device, non_blocking=True)
    return model(batch), target, moved
