#!/usr/bin/env python3
"""Runs one golden fixture: port input.py for every target that has an expected.<target>.py,
compare byte for byte, port the output again (idempotence: nothing may change), and compare the
reported findings with findings.txt ("LINE:COL RULEID" per line) when the case has one."""
import argparse
import difflib
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FINDING = re.compile(r"^.*?:(\d+):(\d+): ([A-Z]{3}\d{3}) ")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, timeout=120)


def show_diff(expected: bytes, got: bytes) -> str:
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, "expected", "got"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--case", required=True, type=pathlib.Path)
    args = ap.parse_args()
    case = args.case
    source = case / "input.py"
    expectations = sorted(case.glob("expected.*.py"))
    if not source.is_file() or not expectations:
        print(f"{case}: needs input.py and at least one expected.<target>.py")
        return 1
    failures = []
    reported = None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for expected_file in expectations:
            target = expected_file.name.split(".")[1]
            work = tmp / target
            (work / "in").mkdir(parents=True)
            shutil.copyfile(source, work / "in" / "input.py")
            out_dir = work / "out"
            r = run([args.tool, str(work / "in" / "input.py"), "--target", target, "--out-root", str(out_dir)])
            if r.returncode != 0:
                failures.append(f"[{target}] exit {r.returncode}: {r.stderr.decode()}")
                continue
            got = (out_dir / "input.py").read_bytes()
            want = expected_file.read_bytes()
            if got != want:
                failures.append(f"[{target}] output differs from {expected_file.name}:\n{show_diff(want, got)}")
                continue
            if (work / "in" / "input.py").read_bytes() != source.read_bytes():
                failures.append(f"[{target}] the input was modified")
            again = run([args.tool, str(out_dir / "input.py"), "--target", target, "--diff"])
            if again.returncode != 0 or again.stdout:
                failures.append(f"[{target}] not idempotent, second run:\n{again.stdout.decode()}{again.stderr.decode()}")
            if reported is None:
                reported = sorted(
                    (int(m.group(1)), int(m.group(2)), m.group(3))
                    for line in r.stderr.decode().splitlines()
                    if (m := FINDING.match(line))
                )
    findings_file = case / "findings.txt"
    if findings_file.is_file() and reported is not None:
        expected_findings = []
        for line in findings_file.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            pos, rule = line.split()
            ln, col = pos.split(":")
            expected_findings.append((int(ln), int(col), rule))
        if sorted(expected_findings) != reported:
            failures.append(f"findings differ:\n  expected {sorted(expected_findings)}\n  reported {reported}")
    if failures:
        print(f"FAIL {case.name}")
        for f in failures:
            print(f)
        return 1
    print(f"ok {case.name}: {len(expectations)} target(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
