#!/usr/bin/env python3
"""Throughput of `torchdevice-port migrate` on a large generated Python corpus, with two outside
references timed on the same corpus in the same run.

    bench/migrate_throughput.py --tool build/tools/torchdevice-port [--lines 300000] [--repeat 3]

Generates a corpus (a realistic mix: most files have no CUDA code, some a little, a few a lot),
then times, best of --repeat rounds (each round runs every command once, so that a shared
machine's changing load falls on all of them alike):

  * migrate --out-root with -j 1 and -j 2 (fresh out-root each time): lines per second, peak RSS
  * migrate again on the finished out-root (the incremental no-op re-run)
  * check of the whole rule set (-j 1 and -j 2)
  * ast-grep (npm @ast-grep/cli, pinned in third_party/npm) searching the single pattern
    `$X.cuda()` (--threads 1 and 2)
  * ripgrep counting the lines that contain `cuda` (`rg -c cuda`: the floor, no parsing at all)

and prints the ratios. Peak RSS is per process (os.wait4). Numbers go in notes; no test asserts
them. The machine this runs on is usually shared: repeat, and compare ratios rather than seconds.
"""
import argparse
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

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


def find_ast_grep():
    base = ROOT / "third_party" / "npm" / "node_modules" / "@ast-grep"
    # The platform package's binary itself: the node wrapper in .bin adds start-up time (its
    # postinstall, which would replace the wrapper, is not run: npm ci --ignore-scripts).
    for p in sorted(base.glob("cli-*/ast-grep")):
        if os.access(p, os.X_OK):
            return str(p)
    wrapper = ROOT / "third_party" / "npm" / "node_modules" / ".bin" / "ast-grep"
    return str(wrapper) if wrapper.exists() else shutil.which("ast-grep")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--lines", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="generate the corpus here and keep it")
    shm = pathlib.Path("/dev/shm")
    ap.add_argument("--workdir", default=str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None,
                    help="where the corpus and the out-roots go (default: /dev/shm when writable, so that the "
                         "numbers measure the tool rather than the disk; else the system's temporary directory)")
    args = ap.parse_args()
    tool = str(pathlib.Path(args.tool).resolve())
    ast_grep = find_ast_grep()
    rg = shutil.which("rg")

    with tempfile.TemporaryDirectory(prefix="tdp-bench-", dir=args.workdir) as tmp:
        tmp = pathlib.Path(args.keep or tmp)
        corpus = tmp / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        files, lines = generate(corpus, args.lines, seed=1)
        print(f"corpus: {files} Python files, {lines:,} lines, {sum(p.stat().st_size for p in corpus.rglob('*.py')) / 2**20:.1f} MiB")
        print(f"machine: {os.cpu_count()} cores (shared; timings are noisy), best of {args.repeat}; "
              f"files in {tmp.parent}")
        if rg:
            run_measured([rg, "-c", "cuda", str(corpus)])  # warm the page cache

        out = tmp / "out"
        rm_out = lambda: shutil.rmtree(out, ignore_errors=True)
        # (name, command, exit codes, preparation); run round-robin, repeat times, so that the
        # machine's load drifts over all of them alike; the best time of each is reported.
        plan = []
        for jobs in (1, 2):
            plan.append((f"migrate -j {jobs}", [tool, "migrate", str(corpus), "--out-root", str(out), "-j", str(jobs),
                                                "-q"], (0, 1), rm_out))
        plan.append(("migrate re-run", [tool, "migrate", str(corpus), "--out-root", str(out), "-j", "2", "-q"], (0, 1),
                     None))  # runs right after "migrate -j 2": the no-op re-run of a finished out-root
        for jobs in (1, 2):
            plan.append((f"check -j {jobs}", [tool, "check", str(corpus), "-j", str(jobs), "--statistics"], (0, 1), None))
        if ast_grep:
            for jobs in (1, 2):
                plan.append((f"ast-grep {jobs}", [ast_grep, "run", "-p", "$X.cuda()", "-l", "python", "--threads",
                                                  str(jobs), str(corpus)], (0, 1), None))
        else:
            print("ast-grep: not found (scripts/setup.sh fetches it into third_party/npm)")
        if rg:
            plan.append(("rg", [rg, "-c", "cuda", str(corpus)], (0, 1), None))
        else:
            print("rg: not found (Debian package ripgrep)")
        times, peaks = {}, {}
        for _ in range(args.repeat):
            for name, cmd, ok, before in plan:
                if before:
                    before()
                t, rss = run_measured(cmd, ok)
                times[name] = min(times.get(name, t), t)
                peaks[name] = max(peaks.get(name, 0), rss)
        labels = {"migrate -j 1": "migrate -j 1", "migrate -j 2": "migrate -j 2",
                  "migrate re-run": "migrate re-run (no-op) -j 2", "check -j 1": "check -j 1 (all rules)",
                  "check -j 2": "check -j 2 (all rules)", "ast-grep 1": "ast-grep --threads 1 ($X.cuda())",
                  "ast-grep 2": "ast-grep --threads 2 ($X.cuda())", "rg": "rg -c cuda"}
        for name, _, _, _ in plan:
            t = times[name]
            print(f"{labels[name]:<34} {t:7.3f} s {lines / t:>11,.0f} lines/s  peak RSS {peaks[name]:6.1f} MiB")
        results = times

        print("\nratios (time / time; below 1 means the first is faster):")
        j1, j2 = results["migrate -j 1"], results["migrate -j 2"]
        print(f"  migrate scaling -j 1 -> -j 2: {j1 / j2:.2f}x faster")
        print(f"  migrate re-run / first run (-j 2): {results['migrate re-run'] / j2:.3f}")
        if "ast-grep 1" in results:
            for jobs in (1, 2):
                print(f"  check -j {jobs} (whole rule set) / ast-grep --threads {jobs} (one pattern): "
                      f"{results[f'check -j {jobs}'] / results[f'ast-grep {jobs}']:.2f}")
                print(f"  migrate -j {jobs} / ast-grep --threads {jobs}: {results[f'migrate -j {jobs}'] / results[f'ast-grep {jobs}']:.2f}")
        if "rg" in results:
            print(f"  check -j 2 / rg: {results['check -j 2'] / results['rg']:.1f}   migrate -j 2 / rg: {j2 / results['rg']:.1f}")


if __name__ == "__main__":
    main()
