#!/usr/bin/env python3
"""End to end for a LibTorch C++ program: (i) the unported project does not build here (it needs
CUDA), (ii) torchdevice-port ports it with --target cpu into an out-root, (iii) the ported project
is configured and built with CMake against Debian's LibTorch and the TorchDevice runtime installed
from this build tree, (iv) the program runs and prints the expected result, (v) porting the
ported tree again changes nothing. With --compile-db the port reads the unported project's
compile_commands.json (-p) and every edit must resolve semantically."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def fail(msg, proc=None):
    print("FAIL:", msg)
    if proc is not None:
        print("--- stdout\n" + proc.stdout[-4000:] + "\n--- stderr\n" + proc.stderr[-4000:])
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--source", required=True, help="the CUDA-only CMake project")
    ap.add_argument("--build-dir", required=True, help="this project's build tree (for the runtime install)")
    ap.add_argument("--program", required=True, help="executable name")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--compile-db", action="store_true",
                    help="configure the unported project with CMAKE_EXPORT_COMPILE_COMMANDS=ON (configuring must "
                         "succeed, building must fail) and port it with -p <that build dir>; every edit must then "
                         "resolve semantically")
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("TORCHDEVICE_DEVICE", None)
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "prefix")
        r = run(["cmake", "--install", args.build_dir, "--component", "TorchDevice_Runtime", "--prefix", prefix])
        if r.returncode != 0:
            fail("installing the runtime failed", r)

        # (i) CUDA-only as written: configuring and building it here fails.
        orig_build = os.path.join(tmp, "orig-build")
        r = run(["cmake", "-S", args.source, "-B", orig_build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                 "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"])
        if args.compile_db and (r.returncode != 0 or not os.path.isfile(os.path.join(orig_build, "compile_commands.json"))):
            fail("configuring the unported project did not write compile_commands.json", r)
        if r.returncode == 0:
            r = run(["cmake", "--build", orig_build, "-j2"])
        if r.returncode == 0:
            fail("the unported program built on this machine: it is not CUDA-only")
        print("ok: the unported project does not build here:",
              next((l for l in (r.stdout + r.stderr).splitlines() if "error" in l), "").strip()[:160])

        # (ii) port
        ported = os.path.join(tmp, "ported")
        db = ["-p", orig_build] if args.compile_db else []
        r = run([args.tool, args.source, "--target", "cpu", "--out-root", ported, "--stats", "--format", "json", *db])
        if r.returncode != 0:
            fail("the port failed", r)
        print(r.stdout.strip())
        print(r.stderr.strip())
        stats = json.loads(r.stdout)
        if stats["edits"]["total"] == 0:
            fail("the port made no edit", r)
        if args.compile_db:
            if "compilation database in " + orig_build not in r.stderr:
                fail("the port did not say it used the compilation database", r)
            if stats["edits"]["low_confidence"] or "parse error" in r.stderr:
                fail("with the compilation database every edit must resolve semantically", r)

        # (iii) build against LibTorch and the installed runtime
        build = os.path.join(tmp, "ported-build")
        r = run(["cmake", "-S", ported, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                 "-DCMAKE_PREFIX_PATH=" + prefix])
        if r.returncode != 0:
            fail("configuring the ported project failed", r)
        r = run(["cmake", "--build", build, "-j2"])
        if r.returncode != 0:
            fail("building the ported project failed", r)

        # (iv) run
        r = run([os.path.join(build, args.program)], env=env, timeout=300)
        print(r.stdout.strip())
        if r.returncode != 0:
            fail("the ported program failed", r)
        for pattern in args.expect:
            if not re.search(pattern, r.stdout):
                fail(f"expected /{pattern}/ in the output", r)

        # (v) idempotence
        r = run([args.tool, ported, "--target", "cpu", "--diff"])
        if r.returncode != 0 or r.stdout.strip():
            fail("porting the ported tree again changes it", r)
    print("ok")


if __name__ == "__main__":
    main()
