import torch
from torch.cuda.amp import GradScaler


def train_step(model, optimizer, batch):
    scaler = GradScaler()
    with torch.cuda.amp.autocast():
        loss = model(batch).sum()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    return loss


def eval_step(model, batch):
    with torch.autocast("cuda", dtype=torch.bfloat16):
        return model(batch)


def make_scaler():
    return torch.amp.GradScaler("cuda")
