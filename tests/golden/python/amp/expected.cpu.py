import torch
from torch.cuda.amp import GradScaler
import torchdevice
torchdevice.prefer("cpu")


def train_step(model, optimizer, batch):
    scaler = torchdevice.amp.GradScaler()
    with torchdevice.amp.autocast():
        loss = model(batch).sum()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    return loss


def eval_step(model, batch):
    with torchdevice.autocast(torchdevice.device_type(), dtype=torch.bfloat16):
        return model(batch)


def make_scaler():
    return torchdevice.GradScaler(torchdevice.device_type())
