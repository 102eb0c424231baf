"""The generated Python corpus and the measuring helper that the throughput benchmarks share.

The corpus is a realistic mix: ~75% of the files without CUDA, ~5% that mention it in a message
only, ~15% with a little device code, ~5% CUDA-heavy; a few data files.
"""
import os
import pathlib
import random
import subprocess
import sys
import time


PLAIN = '''"""Module {i}: data handling without device code."""
import json
import math
import os
from dataclasses import dataclass, field


@dataclass
class Record{i}:
    name: str
    values: list = field(default_factory=list)
    scale: float = 1.0

    def mean(self):
        return sum(self.values) / max(len(self.values), 1)

    def norm(self):
        return math.sqrt(sum(v * v for v in self.values)) * self.scale


def load_{i}(path):
    with open(os.path.join("data", path)) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [Record{i}(r["name"], r.get("values", [])) for r in rows]


def describe_{i}(records):
    lines = [f"{{r.name}}: mean={{r.mean():.3f}} norm={{r.norm():.3f}}" for r in records]
    return "\\n".join(lines) + "\\n"
'''

# A plain module that only mentions the word in a message: it passes the byte prefilter and is
# parsed, but nothing in it is rewritten.
MENTION = PLAIN.replace('return "\\n".join(lines) + "\\n"', 'return "\\n".join(lines) + "\\n(no cuda needed)"')

LIGHT = '''"""Module {i}: a model with a little device code."""
import torch
import torch.nn as nn


class Block{i}(nn.Module):
    def __init__(self, width=32):
        super().__init__()
        self.fc1 = nn.Linear(width, width)
        self.fc2 = nn.Linear(width, width)
        self.act = nn.GELU()

    def forward(self, x):
        return x + self.fc2(self.act(self.fc1(x)))


def build_{i}(width=32):
    model = Block{i}(width)
    if torch.cuda.is_available():
        model = model.cuda()
    return model


def step_{i}(model, batch):
    batch = batch.to("cuda")
    return model(batch).sum()
'''

HEAVY = '''"""Module {i}: a CUDA-only training loop."""
import torch
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
    torch.cuda.empty_cache()
    return model
'''


def generate(root: pathlib.Path, target_lines: int, seed: int):
    """~75% of the files without CUDA, ~5% that mention it in a message only, ~15% with a little
    device code, ~5% CUDA-heavy; a few data files."""
    rng = random.Random(seed)
    lines = files = i = 0
    while lines < target_lines:
        pkg = root / f"project{i % 7}" / f"pkg{(i // 7) % 60}"
        pkg.mkdir(parents=True, exist_ok=True)
        r = rng.random()
        template = PLAIN if r < 0.75 else MENTION if r < 0.80 else LIGHT if r < 0.95 else HEAVY
        body = template.format(i=i) * (1 + (i % 3 == 0))
        (pkg / f"mod{i}.py").write_text(body)
        lines += body.count("\n")
        files += 1
        if i % 50 == 0:
            (pkg / f"table{i}.csv").write_text("a,b\n" * 20)
        i += 1
    return files, lines


def run_measured(cmd, ok=(0,), cwd=None):
    """Runs cmd; returns (seconds, peak RSS in MiB) of that process alone."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    p.returncode = code
    if code not in ok:
        sys.exit(f"{' '.join(map(str, cmd))} failed with exit {code}:\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024
