"""Time inference of a small conv net with CUDA events and check the GPU outputs
against a CPU reference computed by this script. Needs an NVIDIA GPU.

    LOCAL_RANK=0 python3 inference_timing.py
"""
import copy
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=3, padding=1)
        self.head = nn.Linear(32 * 8 * 8, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.head(torch.flatten(x, 1))


def main():
    torch.set_num_threads(2)
    torch.manual_seed(0)
    rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = f"cuda:{rank}"
    torch.cuda.set_device(rank)
    torch.backends.cudnn.benchmark = False
    print(f"running on {torch.cuda.get_device_name(rank)}", flush=True)

    reference = SmallConvNet().eval()
    batches = [torch.randn(16, 3, 32, 32) for _ in range(6)]
    with torch.no_grad():
        expected = [reference(x) for x in batches]  # CPU reference

    model = copy.deepcopy(reference).to(device)
    gpu = torch.device("cuda", rank)
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    total_start = torch.cuda.Event(enable_timing=True)
    total_end = torch.cuda.Event(enable_timing=True)

    with torch.no_grad():
        for _ in range(2):  # warm-up
            model(batches[0].to(gpu))
        torch.cuda.synchronize()

        timings, outputs = [], []
        total_start.record()
        for i, x in enumerate(batches):
            x = x.to(gpu, non_blocking=True)
            start.record()
            y = model(x)
            end.record()
            end.synchronize()
            assert y.is_cuda, "output left the GPU"
            timings.append(start.elapsed_time(end))
            outputs.append(y)
        total_end.record()
        torch.cuda.synchronize()
        total_ms = total_start.elapsed_time(total_end)

    on_gpu = all(y.device.type == "cuda" for y in outputs)
    errors = [(y.cpu() - ref).abs().max().item() for y, ref in zip(outputs, expected)]
    for i, (ms, err) in enumerate(zip(timings, errors)):
        print(f"batch {i} time {ms:.3f} ms max_abs_err {err:.3e}")
    mean_ms = sum(timings) / len(timings)
    ok = (on_gpu and len(outputs) == len(batches) and max(errors) < 1e-3
          and all(ms >= 0.0 for ms in timings) and total_ms >= 0.0)
    print(f"RESULT batches={len(outputs)} max_abs_err={max(errors):.3e} "
          f"mean_ms={mean_ms:.3f} total_ms={total_ms:.3f} on_device={on_gpu} ok={ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
