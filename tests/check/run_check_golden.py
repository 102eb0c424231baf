#!/usr/bin/env python3
"""Golden tests of `torchdevice-port check`: runs one case (--case DIR) or every case under
--cases DIR and compares the findings of `check --format json` with the expectations written
inline in the case's input.py, or input.cpp / input.h with `//` comments (see README.md):

    x = y.to("cuda")  # expect: DEV001@10*          finding DEV001 at this line, column 10, fixable
    g = torch.cuda.CUDAGraph()  # expect: UNS001@5   not fixable (no '*')
    y = x.cuda()  # torchdevice: ignore  # suppressed: MOV001@7

Every line without `expect:` must produce nothing (near misses). Each case runs twice:
1. as written: the findings must be exactly the `expect:` ones, summary.suppressed must be the
   number of `suppressed:` ones, there must be no errors, and the file must not change;
2. with every `torchdevice:` directive disabled (`torchdevice;`, same length): the findings must
   be the `expect:` ones plus the `suppressed:` ones (minus TDP100), which proves that each
   suppressed finding is real and that it is the comment that hides it.

Header lines configure a case: `# check-args: ARGS` (extra arguments), `# check-newline: crlf`
(the file is checked with CRLF line endings), `# check-bom` (with a UTF-8 byte order mark).
"""
import argparse
import json
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

EXPECT = {"python": re.compile(r"#\s*(expect|suppressed):\s*([^#]*)"),
          "cpp": re.compile(r"//\s*(expect|suppressed):\s*([^/]*)")}
HEADER = {"python": "#", "cpp": "//"}
CPP_SUFFIXES = {".cpp", ".cc", ".cxx", ".h", ".hpp", ".hh", ".hxx"}
ITEM = re.compile(r"^([A-Z]{3}\d{3})@(\d+)(\*?)$")


def parse_case(text, language="python"):
    """Returns (expected, suppressed, args, newline, bom): sets of (line, col, rule, fixable)."""
    expected, suppressed = set(), set()
    args, newline, bom = [], "lf", False
    marker = HEADER[language]
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith(marker + " check-args:"):
            args += shlex.split(stripped.split(":", 1)[1])
        elif stripped.startswith(marker + " check-newline:"):
            newline = stripped.split(":", 1)[1].strip()
        elif stripped == marker + " check-bom":
            bom = True
        for kind, items in EXPECT[language].findall(line):
            for item in items.replace(",", " ").split():
                m = ITEM.match(item)
                if not m:
                    raise ValueError(f"line {number}: bad expectation {item!r} (want ID@COL or ID@COL*)")
                entry = (number, int(m.group(2)), m.group(1), m.group(3) == "*")
                (expected if kind == "expect" else suppressed).add(entry)
    return expected, suppressed, args, newline, bom


def render(text, newline, bom):
    data = text.replace("\n", "\r\n") if newline == "crlf" else text
    return (b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8")


def run_check(tool, workdir, args, name):
    # Compiler flags after `--` (C++) must come last, after the file.
    before, after = (args[:args.index("--")], args[args.index("--"):]) if "--" in args else (args, [])
    cmd = [tool, "check", "--no-config", "--format", "json", *before, name, *after]
    r = subprocess.run(cmd, cwd=workdir, capture_output=True, timeout=60)
    return cmd, r


def findings_of(report):
    return {(f["line"], f["column"], f["rule"], f["fixable"]) for f in report["findings"]}


def fmt(entry, lines):
    line, col, rule, fixable = entry
    source = lines[line - 1].rstrip() if 0 < line <= len(lines) else "?"
    return f"    {line}:{col} {rule}{' (fixable)' if fixable else ''}    | {source}"


def compare(label, want, got, lines):
    problems = []
    for entry in sorted(want - got):
        problems.append(f"  [{label}] missing (expected, not reported):\n{fmt(entry, lines)}")
    for entry in sorted(got - want):
        problems.append(f"  [{label}] unexpected (reported, not expected):\n{fmt(entry, lines)}")
    return problems


def check_case(tool, case):
    inputs = sorted(p for p in case.iterdir() if p.stem == "input" and (p.suffix == ".py" or p.suffix in CPP_SUFFIXES))
    if len(inputs) != 1:
        return [f"  {case}: want exactly one input.py or input.cpp/.h/..., found {[p.name for p in inputs]}"]
    source = inputs[0]
    language = "python" if source.suffix == ".py" else "cpp"
    text = source.read_text(encoding="utf-8")
    try:
        expected, suppressed, args, newline, bom = parse_case(text, language)
    except ValueError as e:
        return [f"  {source}: {e}"]
    lines = text.split("\n")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        runs = [
            ("as written", text, expected, len(suppressed)),
            ("directives disabled", text.replace("torchdevice:", "torchdevice;"),
             {e for e in expected | suppressed if e[2] != "TDP100"}, 0),
        ]
        for label, content, want, want_suppressed in runs:
            data = render(content, newline, bom)
            (work / source.name).write_bytes(data)
            cmd, r = run_check(tool, work, args, source.name)
            want_rc = 1 if want else 0
            if r.returncode != want_rc:
                problems.append(f"  [{label}] exit {r.returncode}, expected {want_rc}: {shlex.join(cmd)}\n"
                                f"{r.stderr.decode(errors='replace')}")
            try:
                report = json.loads(r.stdout)
            except json.JSONDecodeError as e:
                problems.append(f"  [{label}] output is not JSON ({e}):\n{r.stdout.decode(errors='replace')}")
                continue
            if report.get("errors"):
                problems.append(f"  [{label}] errors reported: {report['errors']}")
            problems += compare(label, want, findings_of(report), lines)
            got_suppressed = report.get("summary", {}).get("suppressed")
            if got_suppressed != want_suppressed:
                problems.append(f"  [{label}] summary.suppressed is {got_suppressed}, expected {want_suppressed}")
            if (work / source.name).read_bytes() != data:
                problems.append(f"  [{label}] check modified the file")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", required=True)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--case", type=pathlib.Path, help="one case directory")
    group.add_argument("--cases", type=pathlib.Path, help="a directory of case directories")
    args = ap.parse_args()
    cases = [args.case] if args.case else sorted(p for p in args.cases.iterdir() if p.is_dir())
    failed = 0
    for case in cases:
        problems = check_case(args.tool, case)
        print(f"{'FAIL' if problems else 'ok  '} {case.name}")
        for p in problems:
            print(p)
        failed += bool(problems)
    if failed:
        print(f"{failed} of {len(cases)} case(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
