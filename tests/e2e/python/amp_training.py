"""Mixed-precision regression with torch.cuda.amp: fp16 autocast, a GradScaler with
unscale_ and gradient clipping. Needs an NVIDIA GPU.
"""
import math
import sys

import torch as th
from torch import nn
from torch.cuda.amp import GradScaler, autocast

DEVICE = "cuda"
STEPS = 300


def make_data(n, generator):
    x = th.rand(n, 2, generator=generator) * 4 - 2
    y = th.sin(x[:, :1] * math.pi / 2) * th.cos(x[:, 1:])
    return x, y


def main():
    if not th.cuda.is_available():
        sys.exit("error: this script needs a CUDA GPU")
    th.set_num_threads(2)
    th.manual_seed(0)
    th.cuda.manual_seed(0)

    g = th.Generator().manual_seed(0)
    x_train, y_train = make_data(1024, g)
    x_val, y_val = make_data(256, g)
    x_train, y_train = x_train.cuda(), y_train.cuda()
    x_val, y_val = x_val.to(DEVICE), y_val.to(DEVICE)

    model = nn.Sequential(nn.Linear(2, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(),
                          nn.Linear(64, 1)).to(DEVICE)
    opt = th.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=1e-4)
    scaler = GradScaler(init_scale=2.0**12)
    losses = []
    for step in range(STEPS):
        rows = th.randint(0, x_train.shape[0], (128,), device=DEVICE)
        opt.zero_grad(set_to_none=True)
        with autocast(dtype=th.float16):
            pred = model(x_train[rows])
            loss = nn.functional.mse_loss(pred.float(), y_train[rows])
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        grad_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        scaler.step(opt)
        scaler.update()
        losses.append(loss.item())
        if step % 50 == 0 or step == STEPS - 1:
            print(f"step {step:4d} loss {loss.item():.6f} grad_norm {float(grad_norm):.4f} "
                  f"scale {scaler.get_scale():.0f}", flush=True)

    model.eval()
    with th.no_grad(), th.autocast("cuda"):
        val_loss = nn.functional.mse_loss(model(x_val).float(), y_val).item()
    first = sum(losses[:10]) / 10
    last = sum(losses[-10:]) / 10
    ok = math.isfinite(last) and last < 0.25 * first and val_loss < 0.25 * first
    print(f"RESULT loss_first={first:.6f} loss_last={last:.6f} val_loss={val_loss:.6f} ok={ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
