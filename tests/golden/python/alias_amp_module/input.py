import torch
import torch.cuda.amp as amp


def forward(model, x):
    scaler = amp.GradScaler()
    with amp.autocast(dtype=torch.float16):
        out = model(x)
    return scaler, out
