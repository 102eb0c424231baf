import torch
import torch.cuda.amp as amp
import torchdevice


def forward(model, x):
    scaler = torchdevice.amp.GradScaler()
    with torchdevice.amp.autocast(dtype=torch.float16):
        out = model(x)
    return scaler, out
