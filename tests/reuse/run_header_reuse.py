#!/usr/bin/env python3
"""Header reuse (one precompiled header of the LibTorch headers shared by several translation
units) must not change what the C++ port produces.

Ports a small LibTorch project (real Debian headers, a compilation database) twice, with the
shared precompiled header and with --no-pch, and checks that:
  - the ported trees are byte-identical and the statistics are equal,
  - every edit resolved semantically (no token-level fallback) and no TU had parse errors,
  - the PCH was really used by the two TUs that share flags and preamble, and not by the TU
    whose preamble defines a macro first and whose flags differ,
  - the PCH's temporary directory is gone afterwards.

    run_header_reuse.py --tool build/tools/torchdevice-port
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

COMMON_H = """\
// Shared helper of the trainer: ported once, though every TU includes it.
#pragma once
#include <torch/torch.h>
#include <c10/cuda/CUDAGuard.h>

inline float scale_on_device(int64_t n) {
  c10::cuda::CUDAGuard guard(0);
  if (!torch::cuda::is_available())
    return 0.0f;
  return torch::ones({n}, torch::Device("cuda:0")).sum().item<float>();
}
"""

A_CPP = """\
// Moves a batch to the GPU on a side stream.
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>
#include <ATen/cuda/CUDAEvent.h>

#include "common.h"

float step_a(torch::Tensor x) {
  c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool();
  at::cuda::CUDAEvent done;
  {
    c10::cuda::CUDAStreamGuard guard(side);
    x = x.to(torch::kCUDA, /*non_blocking=*/true);
    done.record(side);
  }
  done.block(at::cuda::getCurrentCUDAStream());
  return x.sum().item<float>() + scale_on_device(x.size(0));
}
"""

B_CPP = """\
/* Times a matrix product with CUDA events. */
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>
#include <ATen/cuda/CUDAEvent.h>
#include <vector>

#include "common.h"

float step_b(int64_t n) {
  auto opts = torch::TensorOptions().device(torch::kCUDA);
  at::cuda::CUDAEvent start(cudaEventDefault), stop(cudaEventDefault);
  start.record(at::cuda::getCurrentCUDAStream());
  torch::Tensor y = torch::randn({n, n}, opts).matmul(torch::randn({n, n}).cuda());
  stop.record(at::cuda::getCurrentCUDAStream());
  stop.synchronize();
  c10::cuda::CUDACachingAllocator::emptyCache();
  return start.elapsed_time(stop) + y.is_cuda() + scale_on_device(n);
}
"""

C_CPP = """\
#define WITH_CUDA 1
#include <torch/torch.h>
#include <c10/cuda/CUDAGuard.h>

#include "common.h"

float step_c(torch::Tensor x) {
#ifdef WITH_CUDA
  x = x.cuda();
  torch::cuda::synchronize();
#endif
  return x.sum().item<float>() + scale_on_device(2);
}
"""

TORCH_API = "/usr/include/torch/csrc/api/include"


def write_project(root: pathlib.Path) -> pathlib.Path:
    src = root / "src"
    src.mkdir(parents=True)
    for name, text in [("common.h", COMMON_H), ("a.cpp", A_CPP), ("b.cpp", B_CPP), ("c.cpp", C_CPP)]:
        (src / name).write_text(text)
    flags = ["clang++", "-std=c++17", f"-I{TORCH_API}", "-O2"]
    db = []
    for name, extra in [("a.cpp", []), ("b.cpp", []), ("c.cpp", ["-DTDP_TRAINER_C=1"])]:
        db.append({"directory": str(root), "file": str(src / name),
                   "arguments": flags + extra + ["-c", str(src / name), "-o", f"{name}.o"]})
    (root / "compile_commands.json").write_text(json.dumps(db, indent=2))
    return src


def port(tool, root, src, out, tmp, reuse):
    cmd = [tool, str(src), "--target", "cpu", "-p", str(root), "--out-root", str(out),
           "--stats", "--format", "json", "-j", "2"]
    if not reuse:
        cmd.append("--no-pch")
    env = dict(os.environ, TMPDIR=str(tmp))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {proc.returncode}\n{proc.stderr}")
    return json.loads(proc.stdout), proc.stderr


def tree(root: pathlib.Path):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    args = ap.parse_args()
    if not pathlib.Path(TORCH_API, "torch/torch.h").exists():
        print(f"FAIL: no LibTorch headers under {TORCH_API}")
        return 1
    failures = []
    with tempfile.TemporaryDirectory(prefix="tdp-reuse-") as work:
        work = pathlib.Path(work)
        src = write_project(work / "proj")
        results = {}
        for mode, reuse in [("shared", True), ("full", False)]:
            tmp = work / f"tmp-{mode}"
            tmp.mkdir()
            stats, err = port(args.tool, work / "proj", src, work / f"out-{mode}", tmp, reuse)
            results[mode] = (stats, err, tree(work / f"out-{mode}"))
            print(f"--- {mode}: stderr\n{err}--- {mode}: stats {json.dumps(stats['edits'])}")
            if list(tmp.iterdir()):
                failures.append(f"{mode}: temporary files left behind: {list(tmp.iterdir())}")
            if "parse error" in err:
                failures.append(f"{mode}: a translation unit did not parse")
            if stats["edits"]["low_confidence"] != 0:
                failures.append(f"{mode}: {stats['edits']['low_confidence']} edits at token level")
        (s_stats, s_err, s_tree), (f_stats, f_err, f_tree) = results["shared"], results["full"]
        if "2 C++ translation units shared 1 precompiled header" not in s_err:
            failures.append("the shared run did not use one precompiled header for a.cpp and b.cpp only")
        if "precompiled header" in f_err:
            failures.append("--no-pch still used a precompiled header")
        if s_tree != f_tree:
            differ = sorted(k for k in set(s_tree) | set(f_tree) if s_tree.get(k) != f_tree.get(k))
            failures.append(f"ported files differ with and without the PCH: {differ}")
        for key in ("files", "edits", "left", "conflicts"):
            if s_stats[key] != f_stats[key]:
                failures.append(f"statistics '{key}' differ: {s_stats[key]} vs {f_stats[key]}")
        if s_stats["files"]["changed"] != 4:
            failures.append(f"expected 4 changed files, got {s_stats['files']}")
        for name, text in s_tree.items():
            for cuda in (b"c10::cuda::", b"at::cuda::", b"kCUDA", b"\"cuda:0\""):
                if cuda in text:
                    failures.append(f"{name}: {cuda.decode()} left after the port")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("OK: identical output with and without the shared precompiled header")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
