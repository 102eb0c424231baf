"""Shared harness of the `torchdevice-port migrate` tests in this directory.

A script defines test functions with @case and calls main(). Every case runs in its own
temporary directory (a failure does not stop the others) and prints `ok`/`FAIL`; the exit status
is 1 when any failed. `--only a,b` runs just those cases.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

CASES = []
HERE = pathlib.Path(__file__).resolve().parent
SOURCE_ROOT = HERE.parent.parent


class Failure(Exception):
    pass


def case(fn):
    CASES.append(fn)
    return fn


def expect(condition, message):
    if not condition:
        raise Failure(message)


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "TORCHDEVICE_RUNTIME_DIR"}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C.UTF-8", "HOME": os.environ.get("HOME", "/tmp")})
    env.update(extra)
    return env


class Tool:
    def __init__(self, path):
        self.path = str(pathlib.Path(path).resolve())

    def run(self, *args, cwd=None, env=None, timeout=60):
        return subprocess.run([self.path, *map(str, args)], cwd=cwd, env=env or clean_env(), capture_output=True,
                              text=True, timeout=timeout)

    def migrate(self, *args, **kw):
        return self.run("migrate", *args, **kw)

    def start_migrate(self, *args, cwd=None, env=None):
        return subprocess.Popen([self.path, "migrate", *map(str, args)], cwd=cwd, env=env or clean_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def show(r):
    return f"$ {' '.join(map(str, r.args))}\nexit {r.returncode}\n--- stdout\n{r.stdout}--- stderr\n{r.stderr}"


def expect_rc(r, codes, what=""):
    codes = (codes,) if isinstance(codes, int) else codes
    expect(r.returncode in codes, f"{what} expected exit {codes}:\n{show(r)}")


def write(path, data, mode=None):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    if mode is not None:
        path.chmod(mode)
    return path


def git(repo, *args):
    r = subprocess.run(["git", "-C", str(repo), *args], env=clean_env(), capture_output=True, text=True)
    if r.returncode:
        raise Failure(f"git {' '.join(args)} failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def git_init(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "tests@example.invalid")
    git(repo, "config", "user.name", "migrate tests")
    git(repo, "config", "commit.gpgsign", "false")


def snapshot(root, skip=()):
    """{relative path: (kind, content-or-target, mode, mtime_ns)} of every entry below root."""
    root = pathlib.Path(root)
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            p = pathlib.Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            if any(rel == s or rel.startswith(s + "/") for s in skip):
                continue
            st = os.lstat(p)
            if p.is_symlink():
                out[rel] = ("link", os.readlink(p), None, st.st_mtime_ns)
            elif p.is_dir():
                out[rel] = ("dir", None, st.st_mode & 0o7777, None)
            else:
                out[rel] = ("file", p.read_bytes(), st.st_mode & 0o7777, st.st_mtime_ns)
    return out


def without_mtimes(snap):
    return {k: v[:3] for k, v in snap.items()}


def report(path):
    return json.loads(pathlib.Path(path).read_text())


def normalised(rep):
    """A report without what differs between equivalent runs: timings and the shards taken."""
    rep = json.loads(json.dumps(rep))
    rep.pop("timing", None)
    rep.pop("shards", None)
    rep["total"].pop("port_seconds", None)
    for r in rep["repositories"]:
        r.pop("port_seconds", None)
    return rep


def normalise_rendered(text):
    text = re.sub(r"\d+\.\d\d s\b", "X s", text)
    text = re.sub(r"rules `[0-9a-f]{12}`", "rules `FINGERPRINT`", text)
    text = re.sub(r"torchdevice-port \d+\.\d+\.\d+[^ ]*", "torchdevice-port VERSION", text)
    text = re.sub(r"\(\d+ files ported, \d+ reused from the state\)", "(N files ported, M reused from the state)", text)
    return text


# --- the generated test tree ------------------------------------------------------------------

TRAIN = '''import torch
import torch.nn as nn

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


def train(steps=2):
    model = nn.Linear(4, 2).cuda()
    x = torch.randn(8, 4).cuda()
    for _ in range(steps):
        loss = model(x).sum()
        loss.backward()
    torch.cuda.synchronize()
    return float(loss)


if __name__ == "__main__":
    print("loss", train())
'''

GRAPHS = '''import torch

g = torch.cuda.CUDAGraph()
torch.cuda.nvtx.range_push("step")
x = torch.ones(2).cuda()
torch.cuda.nvtx.range_pop()
'''

UTIL = '''import math


def mean(values):
    """No device code here (the word cuda in a docstring is not touched)."""
    return sum(values) / max(len(values), 1)
'''

MODEL = '''import torch
from torch.cuda.amp import autocast


class Model(torch.nn.Module):
    def forward(self, x):
        with autocast():
            return x.to("cuda") * 2
'''

DEEP = '''import torch as th

stream = th.cuda.Stream()
th.cuda.empty_cache()
'''


# A LibTorch C++ tree: a project header shared by two translation units, a compile database in
# build/ (found there by migrate), and the lite LibTorch headers the tool embeds (fast to parse;
# the real headers are exercised by the C++ end-to-end tests).
LITE_HEADERS = "/__torchdevice_port__/example-headers"

SHARED_H = """#pragma once
#include <torch/torch.h>
#include <c10/cuda/CUDAStream.h>

inline torch::Device preferred_device() { return torch::Device(torch::kCUDA, 0); }
inline bool gpu_ready() { return torch::cuda::is_available(); }
"""

TRAIN_CPP = """#include "shared.h"

torch::Tensor step(torch::Tensor x) {
  auto y = x.to(preferred_device());
  torch::cuda::synchronize();
  return y.cuda();
}
"""

EVAL_CPP = """#include "shared.h"
#include <cuda_runtime.h>

#ifdef WITH_CUDA
void legacy() { auto s = c10::cuda::getCurrentCUDAStream(); }
#endif

bool evaluate(torch::Tensor x) {
  void *p = nullptr;
  cudaMalloc(&p, 16);
  return gpu_ready() && x.is_cuda();
}
"""


def cpp_flags(package):
    """The compiler flags of the C++ package at `package` (lite LibTorch headers, its include/)."""
    return ["-std=c++17", "-I" + LITE_HEADERS, "-I" + str(pathlib.Path(package) / "include")]


def add_cpp_package(repo, package=""):
    """Writes the C++ package below repo/package and repo/build/compile_commands.json for it."""
    pkg = pathlib.Path(repo) / package
    write(pkg / "include" / "shared.h", SHARED_H)
    write(pkg / "src" / "train.cpp", TRAIN_CPP)
    write(pkg / "src" / "eval.cpp", EVAL_CPP)
    db = [{"directory": str(repo), "file": str(pkg / "src" / name),
           "arguments": ["clang++", *cpp_flags(pkg), "-c", str(pkg / "src" / name)]}
          for name in ("train.cpp", "eval.cpp")]
    write(pathlib.Path(repo) / "build" / "compile_commands.json", json.dumps(db, indent=1))


def make_cpp_tree(base):
    repo = pathlib.Path(base) / "cpprepo"
    add_cpp_package(repo)
    write(repo / "tools" / "plot.py", "import torch\nx = torch.ones(1).cuda()\n")
    return repo


CPP_FILES = ["include/shared.h", "src/train.cpp", "src/eval.cpp"]


def make_tree(base, outside=None):
    """The generated repository: several packages, .gitignore files (nested, negation, anchored,
    directory-only, **), links inside and outside, a binary file, a syntax error, a non-UTF-8
    file, skipped and never-copied folders. Returns the repository root."""
    base = pathlib.Path(base)
    repo = base / "repo"
    write(repo / ".gitignore", "build_out/\n*.log\n!keep.log\n/secret.py\nnested/**/gen_*.py\n# comment\n\n")
    write(repo / "pkg_a" / "__init__.py", "")
    write(repo / "pkg_a" / "train.py", TRAIN)
    write(repo / "pkg_a" / "graphs.py", GRAPHS)
    write(repo / "pkg_a" / "util.py", UTIL)
    write(repo / "pkg_a" / "secret.py", "import torch\nx = torch.ones(1).cuda()\n")  # anchored pattern: kept
    write(repo / "pkg_b" / "__init__.py", "")
    write(repo / "pkg_b" / "model.py", MODEL)
    write(repo / "pkg_b" / "sub" / "deep.py", DEEP)
    write(repo / "pkg_b" / ".gitignore", "local_only.py\n")
    write(repo / "pkg_b" / "local_only.py", "import torch\nx = torch.ones(1).cuda()\n")  # ignored (nested)
    write(repo / "pkg_b" / "sub" / "local_only.py", "x = 1\n")  # ignored: the nested pattern has no slash
    write(repo / "nested" / "a" / "b" / "gen_x.py", "import torch\n")  # ignored by **
    write(repo / "nested" / "a" / "b" / "real.py", "import torch\ny = torch.zeros(1).cuda()\n")
    write(repo / "nested" / "build_out" / "junk.txt", "junk\n")  # ignored directory below any level
    write(repo / "secret.py", "password = 'x'\n")  # ignored (anchored)
    write(repo / "broken.py", "import torch\nx = torch.ones(1).cuda(\n")  # syntax error
    add_cpp_package(repo, "native")  # LibTorch C++: a header shared by two TUs; the database in build/
    write(repo / "native" / "src" / "legacy.cpp", "// caf\xe9\n#include <torch/torch.h>\nauto d = torch::kCUDA;\n".encode("latin-1"))
    write(repo / "latin1.py", "# caf\xe9\nimport torch\nx = torch.ones(1).cuda()\n".encode("latin-1"))
    write(repo / "data" / "weights.bin", bytes(range(256)) * 8)
    write(repo / "data" / "table.csv", "a,b\n1,2\n")
    write(repo / "scripts" / "run.sh", "#!/bin/sh\necho run\n", mode=0o755)
    write(repo / "scripts" / "readonly.txt", "ro\n", mode=0o444)
    write(repo / "run.log", "ignored\n")
    write(repo / "keep.log", "kept by a negated pattern\n")
    write(repo / "build" / "gen.py", "import torch\nx = torch.ones(1).cuda()\n")  # copied, not ported
    write(repo / "vendor" / "lib.py", "import torch\nx = torch.ones(1).cuda()\n")  # copied, not ported
    write(repo / ".github" / "workflows" / "ci.yml", "on: push\n")  # hidden: copied, not ported
    write(repo / ".venv" / "pyvenv.cfg", "home = /usr\n")  # a virtualenv: neither ported nor copied
    write(repo / ".venv" / "lib" / "x.py", "import torch\n")
    write(repo / "pkg_a" / "__pycache__" / "train.cpython-311.pyc", b"\0\1")  # never copied
    os.symlink("train.py", repo / "pkg_a" / "alias.py")  # a link inside the tree
    os.symlink("../pkg_a", repo / "pkg_b" / "pkg_a_link")  # a directory link: not followed
    outside = pathlib.Path(outside) if outside else base / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    write(outside / "outside.py", "import torch\nx = torch.ones(1).cuda()\n")
    os.symlink(str(outside), repo / "data_link")  # points outside the root: kept as a link, never followed
    return repo


# Where each entry of the generated tree must end up (relative to the out-root).
NATIVE = ["native/include/shared.h", "native/src/train.cpp", "native/src/eval.cpp", "native/src/legacy.cpp"]
PORTED = ["pkg_a/__init__.py", "pkg_a/train.py", "pkg_a/graphs.py", "pkg_a/util.py", "pkg_a/secret.py",
          "pkg_b/__init__.py", "pkg_b/model.py", "pkg_b/sub/deep.py", "nested/a/b/real.py", "broken.py",
          "latin1.py"] + NATIVE
COPIED = [".gitignore", "pkg_b/.gitignore", "data/weights.bin", "data/table.csv", "scripts/run.sh",
          "scripts/readonly.txt", "keep.log", "build/gen.py", "build/compile_commands.json", "vendor/lib.py", ".github/workflows/ci.yml"]
LINKS = {"pkg_a/alias.py": "train.py", "pkg_b/pkg_a_link": "../pkg_a"}
ABSENT = ["pkg_b/local_only.py", "pkg_b/sub/local_only.py", "nested/a/b/gen_x.py", "nested/build_out", "secret.py",
          "run.log", ".venv", "pkg_a/__pycache__", ".git"]


def make_big_tree(base, packages=30, files=60, seed=7):
    """A larger tree for interruption tests: mostly CUDA files, some plain, some copies."""
    import random
    rng = random.Random(seed)
    repo = pathlib.Path(base) / "big"
    for p in range(packages):
        for f in range(files):
            body = (TRAIN if rng.random() < 0.6 else UTIL) + f"\n\nVALUE_{p}_{f} = {p * files + f}\n"
            write(repo / f"pkg{p:02d}" / f"mod{f:03d}.py", body)
        write(repo / f"pkg{p:02d}" / "notes.txt", f"package {p}\n")
    write(repo / "broken.py", "import torch\nx = torch.ones(1).cuda(\n")
    return repo


def temp_files(root):
    return [p for p in pathlib.Path(root).rglob("*") if ".tdp-" in p.name]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--only", default="")
    ap.add_argument("--update", action="store_true", help="rewrite snapshots instead of comparing")
    ap.add_argument("--schema", default=str(SOURCE_ROOT / "docs" / "migrate-report.schema.json"))
    args = ap.parse_args()
    tool = Tool(args.tool)
    only = set(filter(None, args.only.split(",")))
    failed = 0
    for fn in CASES:
        if only and fn.__name__ not in only:
            continue
        tmp = pathlib.Path(tempfile.mkdtemp(prefix=f"tdp-migrate-{fn.__name__}-"))
        t0 = time.monotonic()
        try:
            fn(tool, tmp, args)
            print(f"ok    {fn.__name__} ({time.monotonic() - t0:.1f} s)")
        except Exception as e:  # noqa: BLE001 - report every failure and go on
            failed += 1
            print(f"FAIL  {fn.__name__}: {e}")
            if not isinstance(e, Failure):
                traceback.print_exc()
        finally:
            for p in tmp.rglob("*"):  # read-only entries would stop rmtree
                if not p.is_symlink():
                    try:
                        p.chmod(0o755 if p.is_dir() else 0o644)
                    except OSError:
                        pass
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failed else 0)
