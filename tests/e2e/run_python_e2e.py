#!/usr/bin/env python3
"""End-to-end test of one Python program: prove it is CUDA-only, port it, run the port.

Steps (each failure is reported with a clear message; exit status 0 = pass, 1 = fail):
  1. run the UNPORTED entry (in a temporary copy) and require it to fail here;
  2. port SOURCE with `TOOL SOURCE --target T --out-root TMP/ported`, require exit 0 and the
     original files unchanged;
  3. run the ported entry with PYTHONPATH=RUNTIME: exit 0, no traceback, every --expect matched;
  4. port the ported tree again with --diff: nothing may be left to change;
  5. print a summary.

Run by CTest (tests/e2e/CMakeLists.txt) under Debian's /usr/bin/python3, or by hand:
  /usr/bin/python3 tests/e2e/run_python_e2e.py --tool build/tools/torchdevice-port \
      --source examples/train --entry train.py --runtime runtime/python --target cpu \
      --expect 'RESULT .*ok=True'
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRACEBACK = "Traceback (most recent call last)"
SKIP_DIRS = {"__pycache__", ".git"}


class E2EFailure(Exception):
    pass


def parse_args(argv):
    p = argparse.ArgumentParser(description="Port a CUDA-only Python program and run the result.")
    p.add_argument("--tool", required=True, type=Path, help="the torchdevice-port binary")
    p.add_argument("--source", required=True, type=Path,
                   help="a script file or a project directory")
    p.add_argument("--entry", help="script to run, relative to the source directory "
                                   "(default: the --source file's name)")
    p.add_argument("--runtime", required=True, type=Path,
                   help="directory holding the torchdevice package (put on PYTHONPATH)")
    p.add_argument("--target", default="cpu", choices=["auto", "cpu", "mps", "cuda"])
    p.add_argument("--expect", action="append", default=[], metavar="REGEX",
                   help="must match the ported program's stdout (re.MULTILINE); repeatable")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per program run")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = p.parse_args(argv)
    if args.entry is None:
        if not args.source.is_file():
            p.error("--entry is required when --source is a directory")
        args.entry = args.source.name
    return args


def tree_files(root):
    """Regular files under root (or root itself if it is a file), sorted, caches skipped."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not SKIP_DIRS.intersection(p.relative_to(root).parts))


def tree_hashes(root):
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in tree_files(root)}


def tail(text, lines=40):
    rows = text.rstrip().splitlines()
    return "\n".join(("    " + r) for r in rows[-lines:]) if rows else "    (empty)"


def last_line(text):
    rows = [r for r in text.splitlines() if r.strip()]
    return rows[-1].strip() if rows else "(no output)"


def clean_env(pythonpath=None):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("TORCHDEVICE_DEVICE", None)  # the port's --target must decide, not the caller's shell
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # keep the ported tree free of __pycache__
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    return env


def run(cmd, cwd=None, env=None, timeout=None):
    try:
        return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, timeout=timeout,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              errors="replace")
    except subprocess.TimeoutExpired as e:
        raise E2EFailure(f"timed out after {timeout:.0f} s: {' '.join(map(str, cmd))}") from e


def describe(proc):
    return (f"  exit status {proc.returncode}\n  stdout:\n{tail(proc.stdout)}\n"
            f"  stderr:\n{tail(proc.stderr)}")


def cuda_available():
    proc = run([sys.executable, "-c", "import torch; print(torch.cuda.is_available())"],
               env=clean_env(), timeout=120)
    return proc.returncode == 0 and proc.stdout.strip() == "True"


def find_ported_root(out_root, source_dir, entry):
    """The directory of the ported tree that corresponds to the source directory.

    Accepts <out>/<entry> (the tree is mirrored at the out-root) and <out>/.../<entry>
    (the tool kept a leading path, e.g. the source directory's name); picks the shallowest.
    """
    if (out_root / entry).is_file():
        return out_root
    depth = len(Path(entry).parts)
    candidates = sorted((p for p in out_root.rglob(Path(entry).name)
                         if p.is_file() and p.as_posix().endswith("/" + Path(entry).as_posix())),
                        key=lambda p: (len(p.parts), str(p)))
    preferred = [p for p in candidates if p.parents[depth - 1].name == source_dir.name]
    found = (preferred or candidates)
    if not found:
        written = tree_files(out_root)[:30]
        listing = "\n".join("    " + str(p.relative_to(out_root)) for p in written)
        raise E2EFailure(f"the port did not produce {entry} under {out_root}; it wrote:\n"
                         f"{listing or '    (nothing)'}")
    return found[0].parents[depth - 1]


def step_unported(args, source_dir, work):
    copy = work / "unported"
    if args.source.is_dir():
        shutil.copytree(source_dir, copy, ignore=shutil.ignore_patterns(*SKIP_DIRS))
    else:
        copy.mkdir()
        shutil.copy2(args.source, copy / args.source.name)
    proc = run([sys.executable, args.entry], cwd=copy, env=clean_env(), timeout=args.timeout)
    if proc.returncode == 0:
        if cuda_available():
            return "skipped (CUDA is available here, so the original may run)"
        raise E2EFailure("the UNPORTED program ran successfully on a machine without CUDA, so it "
                         "does not prove anything about the port:\n" + describe(proc))
    if "cuda" not in (proc.stdout + proc.stderr).lower():
        raise E2EFailure("the UNPORTED program failed, but its output does not mention CUDA, so "
                         "the failure is probably a bug in the program itself:\n" + describe(proc))
    return f"fails as expected (exit {proc.returncode}): {last_line(proc.stderr)}"


def step_port(args, out_root):
    before = tree_hashes(args.source)
    cmd = [args.tool, args.source, "--target", args.target, "--out-root", out_root]
    start = time.monotonic()
    proc = run(cmd, timeout=args.timeout)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        raise E2EFailure("porting failed: " + " ".join(map(str, cmd)) + "\n" + describe(proc))
    after = tree_hashes(args.source)
    changed = sorted(set(before) ^ set(after) | {f for f in before if after.get(f) != before[f]})
    if changed:
        raise E2EFailure("porting with --out-root modified or created files in the source:\n"
                         + "\n".join("    " + f for f in changed))
    return proc, seconds


def check_ported_tree(args, source_dir, ported_root):
    if args.source.is_dir():
        sources = [p.relative_to(source_dir) for p in tree_files(source_dir) if p.suffix == ".py"]
    else:
        sources = [Path(args.source.name)]
    missing = [str(p) for p in sources if not (ported_root / p).is_file()]
    if missing:
        raise E2EFailure(f"the ported tree {ported_root} lacks Python files of the source "
                         f"(the program cannot run without them): {', '.join(missing)}")
    for rel in sources:
        path = ported_root / rel
        try:
            compile(path.read_bytes(), str(path), "exec")
        except SyntaxError as e:
            raise E2EFailure(f"ported file does not parse: {path}:{e.lineno}: {e.msg}") from e
    text = (ported_root / args.entry).read_text(encoding="utf-8", errors="replace")
    if not re.search(r"^\s*import torchdevice\b", text, re.M):
        raise E2EFailure(f"the ported entry {args.entry} has no 'import torchdevice' line")
    if args.target != "auto" and f'torchdevice.prefer("{args.target}")' not in text:
        raise E2EFailure(f"the ported entry {args.entry} has no "
                         f'torchdevice.prefer("{args.target}") line')


def step_run_ported(args, ported_root):
    start = time.monotonic()
    proc = run([sys.executable, args.entry], cwd=ported_root,
               env=clean_env(args.runtime.resolve()), timeout=args.timeout)
    seconds = time.monotonic() - start
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit status {proc.returncode} (expected 0)")
    if TRACEBACK in proc.stderr:
        problems.append("a Python traceback on stderr")
    for regex in args.expect:
        if not re.search(regex, proc.stdout, re.M):
            problems.append(f"stdout does not match --expect {regex!r}")
    if problems:
        raise E2EFailure("the PORTED program failed: " + "; ".join(problems) + "\n"
                         + describe(proc))
    return proc, seconds


def step_idempotent(args, out_root):
    before = tree_hashes(out_root)
    cmd = [args.tool, out_root, "--target", args.target, "--diff"]
    proc = run(cmd, timeout=args.timeout)
    if proc.stdout.strip():
        raise E2EFailure("not idempotent: porting the ported tree again would still change it:\n"
                         + " ".join(map(str, cmd)) + "\n" + tail(proc.stdout, 60))
    if proc.returncode != 0:
        raise E2EFailure("re-porting with --diff failed: " + " ".join(map(str, cmd)) + "\n"
                         + describe(proc))
    if tree_hashes(out_root) != before:
        raise E2EFailure("--diff modified files: " + " ".join(map(str, cmd)))


def main(argv=None):
    args = parse_args(argv)
    name = f"{args.source.name}:{args.entry}" if args.source.is_dir() else args.source.name
    for path, what in ((args.tool, "--tool"), (args.source, "--source"),
                       (args.runtime, "--runtime")):
        if not path.exists():
            print(f"e2e {name}: FAIL: {what} {path} does not exist", file=sys.stderr)
            return 1
    if not (args.runtime / "torchdevice" / "__init__.py").is_file():
        print(f"e2e {name}: FAIL: --runtime {args.runtime} holds no torchdevice package",
              file=sys.stderr)
        return 1
    source_dir = args.source if args.source.is_dir() else args.source.parent
    if not (source_dir / args.entry).is_file():
        print(f"e2e {name}: FAIL: entry {source_dir / args.entry} does not exist", file=sys.stderr)
        return 1

    work = Path(tempfile.mkdtemp(prefix="torchdevice-e2e-"))
    out_root = work / "ported"
    out_root.mkdir()
    summary = []
    try:
        summary.append(("unported", step_unported(args, source_dir, work)))
        port, port_s = step_port(args, out_root)
        ported_root = find_ported_root(out_root, source_dir, args.entry)
        check_ported_tree(args, source_dir, ported_root)
        summary.append(("port", f"ok in {port_s:.1f} s -> {ported_root.relative_to(work)}"
                                f" (originals unchanged)"))
        ported, run_s = step_run_ported(args, ported_root)
        summary.append(("ported run", f"ok in {run_s:.1f} s: {last_line(ported.stdout)}"))
        step_idempotent(args, out_root)
        summary.append(("idempotence", "ok (--diff on the ported tree is empty)"))
    except E2EFailure as e:
        for step, result in summary:
            print(f"e2e {name}: {step}: {result}")
        print(f"e2e {name}: FAIL: {e}", file=sys.stderr)
        print(f"e2e {name}: temporary files kept in {work}", file=sys.stderr)
        return 1
    for step, result in summary:
        print(f"e2e {name}: {step}: {result}")
    print(f"e2e {name}: PASS")
    if args.keep:
        print(f"e2e {name}: temporary files kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
