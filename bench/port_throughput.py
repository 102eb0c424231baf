#!/usr/bin/env python3
"""Throughput of `torchdevice-port` on a generated Python corpus.

Generates a corpus (a realistic mix: most files have no CUDA code, some have a little, a few
have a lot), ports it with --out-root at -j 1 and -j 2, and prints lines per second and the
peak resident memory of the tool. Numbers go in notes; no test asserts them.

    bench/port_throughput.py --tool build/tools/torchdevice-port [--files 2000] [--repeat 3]
"""
import argparse
import pathlib
import random
import resource
import shutil
import subprocess
import tempfile
import time

PLAIN = '''import os
import math


def helper_{i}(values, scale=1.0):
    """Plain numeric helper without device code."""
    total = 0.0
    for v in values:
        total += math.sqrt(abs(v)) * scale
    return total / max(len(values), 1)


class Config{i}:
    def __init__(self, path="data/{i}.txt", retries=3):
        self.path = os.path.join("root", path)
        self.retries = retries

    def describe(self):
        return f"config {{self.path}} retries={{self.retries}} (cuda not needed)"
'''

CUDA = '''import torch
import torch.nn as nn
from torch.cuda.amp import autocast, GradScaler

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class Net{i}(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc(x)


def train_{i}(loader, epochs=2):
    model = Net{i}().cuda()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = GradScaler()
    stream = torch.cuda.Stream()
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    for epoch in range(epochs):
        start.record()
        for x, y in loader:
            with torch.cuda.stream(stream):
                x = x.cuda(non_blocking=True)
                y = y.to(device, non_blocking=True)
            torch.cuda.current_stream().wait_stream(stream)
            with autocast():
                loss = nn.functional.cross_entropy(model(x), y)
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
        end.record()
        torch.cuda.synchronize()
        print("epoch", epoch, start.elapsed_time(end), torch.cuda.max_memory_allocated())
    return model
'''


def generate(root: pathlib.Path, files: int, seed: int) -> int:
    rng = random.Random(seed)
    lines = 0
    for i in range(files):
        pkg = root / f"pkg{i % 40}"
        pkg.mkdir(parents=True, exist_ok=True)
        kind = rng.random()
        body = CUDA.format(i=i) if kind < 0.25 else PLAIN.format(i=i) * (1 + int(kind * 3))
        (pkg / f"mod{i}.py").write_text(body)
        lines += body.count("\n")
    return lines


def run(tool: str, corpus: pathlib.Path, out: pathlib.Path, jobs: int) -> float:
    if out.exists():
        shutil.rmtree(out)
    t0 = time.perf_counter()
    subprocess.run([tool, str(corpus), "--out-root", str(out), "-j", str(jobs), "-q"], check=True,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        lines = generate(tmp / "corpus", args.files, seed=1)
        print(f"corpus: {args.files} files, {lines} lines")
        for jobs in (1, 2):
            best = min(run(args.tool, tmp / "corpus", tmp / "out", jobs) for _ in range(args.repeat))
            print(f"-j {jobs}: best of {args.repeat} {best:.3f} s, {lines / best:,.0f} lines/s")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"peak RSS of the tool: {peak / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
