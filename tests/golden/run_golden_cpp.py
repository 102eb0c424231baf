#!/usr/bin/env python3
"""Runs one C++ golden fixture (tests/golden/cpp/<case>/).

A case holds its input files under input/ (one or more .cpp/.h files, in subfolders if needed),
and for every target it is checked for an expected.<target>/ folder with the ported tree. For each
target the runner copies input/ to a temporary folder, ports it with
`torchdevice-port <in> --target T --out-root <out> --stats --format json -- <flags>`, compares every
output file byte for byte with expected.<target>/, checks that the input was not modified, ports
the output again (idempotence: `--diff` must print nothing) and compares the statistics with
stats.json ({"<target>": {"edits": {"total", "low_confidence", "by_rule"}, "left": {"by_rule"},
"conflicts", "exit", "parse_errors"}, "kept": [keep rule ids]}: every key listed there must match; a
"by_rule" map must match exactly; a keep rule listed under "kept" must find its names in the input
and leave them all as written). When the
case has findings.txt ("FILE:LINE:COL RULEID" per line) the reported findings must be exactly those.

Flags: flags.txt (one flag per line, @LITE@ standing for the lite LibTorch headers under
lib/cpp/example-headers, or @DEFAULT@ alone for the tool's own defaults, which find the LibTorch
headers installed on this machine), or by default the lite headers with C++17. "parse_errors" counts
the translation units the tool reported parse errors for. `--update` rewrites the
expected files from the tool's output (review the diff before committing).

`--coverage DIR --rules DIR` instead checks that every C++ rule appears in the stats.json of some
case under DIR (edited or reported), so that no rule is left without a golden fixture."""
import argparse
import difflib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FINDING = re.compile(r"^(.*?):(\d+):(\d+): ([A-Z]{3}\d{3}) ")
REPO = pathlib.Path(__file__).resolve().parents[2]
LITE = REPO / "lib" / "cpp" / "example-headers"
DEFAULT_FLAGS = ["-std=c++17", "-xc++", "-I@LITE@"]


def run(cmd):
    return subprocess.run(cmd, capture_output=True, timeout=600)


def show_diff(expected: bytes, got: bytes, name: str) -> str:
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, "expected/" + name, "got/" + name))


def files_under(root: pathlib.Path):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def compare_stats(expected, actual, path=""):
    """Every key of `expected` must match `actual`; "by_rule" maps and leaves compare whole."""
    problems = []
    for key, want in expected.items():
        where = f"{path}.{key}" if path else key
        got = actual.get(key) if isinstance(actual, dict) else None
        if isinstance(want, dict) and key != "by_rule":
            problems += compare_stats(want, got or {}, where)
        elif want != got:
            problems.append(f"stats {where}: expected {want!r}, got {got!r}")
    return problems


def stats_subset(full, exit_code):
    return {"exit": exit_code,
            "edits": {"total": full["edits"]["total"], "low_confidence": full["edits"]["low_confidence"],
                      "by_rule": full["edits"]["by_rule"]},
            "left": {"by_rule": full["left"]["by_rule"]},
            "conflicts": full["conflicts"],
            "parse_errors": full["parse_errors"]}


def rules_by_id():
    rules = {}
    for f in sorted((REPO / "rules" / "cpp").glob("*.json")):
        for rule in json.loads(f.read_text())["rules"]:
            rules[rule["id"]] = rule
    return rules


def check_kept(kept, inputs: pathlib.Path, out_dir: pathlib.Path):
    """A keep rule leaves its names as written: each listed rule's names occur in the input, and
    exactly as often in the output."""
    problems, rules = [], rules_by_id()
    for rule_id in kept:
        rule = rules.get(rule_id)
        if rule is None or rule["kind"] != "keep":
            problems.append(f"kept: {rule_id} is not a keep rule")
            continue
        names = rule["match"].get("name", [])
        names = names if isinstance(names, list) else [names]
        count_in = count_out = 0
        for rel in files_under(inputs):
            out_file = out_dir / rel if (out_dir / rel).is_file() else inputs / rel
            for n in names:
                count_in += (inputs / rel).read_text().count(n)
                count_out += out_file.read_text().count(n)
        if count_in == 0 or count_out != count_in:
            problems.append(f"kept: {rule_id}'s names occur {count_in} time(s) in the input, {count_out} in the output")
    return problems


def case_flags(case: pathlib.Path):
    flags_file = case / "flags.txt"
    flags = DEFAULT_FLAGS
    if flags_file.is_file():
        flags = [l.strip() for l in flags_file.read_text().splitlines() if l.strip() and not l.startswith("#")]
    if flags == ["@DEFAULT@"]:
        return []  # the tool's defaults: C++17 and the LibTorch headers installed on this machine
    return ["--"] + [f.replace("@LITE@", str(LITE)) for f in flags]


def cuda_toolkit_headers():
    """Where the tool's default compile command would find cuda_runtime_api.h (a CUDA toolkit on
    the include path): the default include directories and CPATH/CPLUS_INCLUDE_PATH. A toolkit
    elsewhere (/usr/local/cuda without -I) is not seen by the tool, so the parse shims are used."""
    roots = ["/usr/include", "/usr/local/include"]
    for var in ("CPATH", "CPLUS_INCLUDE_PATH"):
        roots += [d for d in os.environ.get(var, "").split(os.pathsep) if d]
    return [r for r in roots if os.path.isfile(os.path.join(r, "cuda_runtime_api.h"))]


def run_case(tool: str, case: pathlib.Path, targets, update: bool, no_toolkit: bool) -> int:
    inputs = case / "input"
    if no_toolkit and cuda_toolkit_headers():
        print(f"CUDA-TOOLKIT-PRESENT: {cuda_toolkit_headers()}: this case is about machines without one")
        return 0
    if not inputs.is_dir() or not files_under(inputs):
        print(f"{case}: needs an input/ folder with the files to port")
        return 1
    if not targets:
        targets = sorted(p.name.split(".", 1)[1] for p in case.glob("expected.*") if p.is_dir())
    if not targets:
        print(f"{case}: needs at least one expected.<target>/ folder")
        return 1
    stats_file = case / "stats.json"
    expected_stats = json.loads(stats_file.read_text()) if stats_file.is_file() else {}
    if not update and set(expected_stats) != set(targets):
        print(f"{case}: stats.json must have an entry for each target {targets}, has {sorted(expected_stats)}")
        return 1
    flags = case_flags(case)
    failures, reported, new_stats = [], None, {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for target in targets:
            work = tmp / target
            shutil.copytree(inputs, work / "in")
            out_dir = work / "out"
            r = run([tool, str(work / "in"), "--target", target, "--out-root", str(out_dir), "--stats", "--format",
                     "json", *flags])
            if r.returncode not in (0, 1):
                failures.append(f"[{target}] exit {r.returncode}: {r.stderr.decode()}")
                continue
            try:
                stats = json.loads(r.stdout.decode())
            except json.JSONDecodeError:
                failures.append(f"[{target}] --stats --format json printed no JSON:\n{r.stdout.decode()}")
                continue
            stats["exit"] = r.returncode
            stats["parse_errors"] = sum("parse error" in l for l in r.stderr.decode().splitlines())
            new_stats[target] = stats_subset(stats, r.returncode)
            expected_dir = case / f"expected.{target}"
            if update:
                if expected_dir.exists():
                    shutil.rmtree(expected_dir)
                shutil.copytree(inputs, expected_dir)
                for rel in files_under(out_dir):
                    shutil.copyfile(out_dir / rel, expected_dir / rel)
            for rel in files_under(inputs):
                got_file = out_dir / rel
                got = got_file.read_bytes() if got_file.is_file() else (inputs / rel).read_bytes()
                want_file = expected_dir / rel
                if not want_file.is_file():
                    failures.append(f"[{target}] expected.{target}/{rel} is missing")
                    continue
                want = want_file.read_bytes()
                if got != want:
                    failures.append(f"[{target}] {rel} differs:\n{show_diff(want, got, str(rel))}")
                if (work / "in" / rel).read_bytes() != (inputs / rel).read_bytes():
                    failures.append(f"[{target}] the input {rel} was modified")
            extra = set(files_under(expected_dir)) - set(files_under(inputs)) if expected_dir.is_dir() else set()
            if extra:
                failures.append(f"[{target}] expected.{target}/ has files that are not inputs: {sorted(map(str, extra))}")
            if target in expected_stats:
                kept = expected_stats[target].get("kept", [])
                failures += [f"[{target}] {p}" for p in
                             compare_stats({k: v for k, v in expected_stats[target].items() if k != "kept"}, stats)]
                failures += [f"[{target}] {p}" for p in check_kept(kept, inputs, out_dir)]
                if update and kept:
                    new_stats[target]["kept"] = kept
            # Idempotence: port the ported tree (the whole input as the tool saw it) again.
            for rel in files_under(inputs):
                if not (out_dir / rel).is_file():
                    (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(inputs / rel, out_dir / rel)
            again = run([tool, str(out_dir), "--target", target, "--diff", *flags])
            if again.returncode not in (0, 1) or again.stdout:
                failures.append(f"[{target}] not idempotent, second run:\n{again.stdout.decode()}{again.stderr.decode()}")
            if reported is None:
                prefix = str(work / "in") + "/"
                reported = sorted(
                    (m.group(1).removeprefix(prefix), int(m.group(2)), int(m.group(3)), m.group(4))
                    for line in r.stderr.decode().splitlines()
                    if (m := FINDING.match(line))
                )
    if update:
        stats_file.write_text(json.dumps(new_stats, indent=2, sort_keys=True) + "\n")
        if reported:
            (case / "findings.txt").write_text("".join(f"{f}:{l}:{c} {r}\n" for f, l, c, r in reported))
        print(f"updated {case.name}")
        return 0
    findings_file = case / "findings.txt"
    if findings_file.is_file() and reported is not None:
        expected_findings = []
        for line in findings_file.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            pos, rule = line.split()
            f, ln, col = pos.rsplit(":", 2)
            expected_findings.append((f, int(ln), int(col), rule))
        if sorted(expected_findings) != reported:
            failures.append(f"findings differ:\n  expected {sorted(expected_findings)}\n  reported {reported}")
    elif reported:
        failures.append(f"the tool reported findings but the case has no findings.txt: {reported}")
    if failures:
        print(f"FAIL {case.name}")
        for f in failures:
            print(f)
        return 1
    print(f"ok {case.name}: {len(targets)} target(s)")
    return 0


def rule_ids(rules_dir: pathlib.Path):
    ids = set()
    for f in sorted(rules_dir.glob("*.json")):
        for rule in json.loads(f.read_text())["rules"]:
            ids.add(rule["id"])
    return ids


def coverage(cases_dir: pathlib.Path, rules_dir: pathlib.Path) -> int:
    rules = rule_ids(rules_dir)
    covered = {}
    for stats_file in sorted(cases_dir.glob("*/stats.json")):
        for target_stats in json.loads(stats_file.read_text()).values():
            for section in ("edits", "left"):
                for rule in target_stats.get(section, {}).get("by_rule", {}):
                    covered.setdefault(rule, set()).add(stats_file.parent.name)
            for rule in target_stats.get("kept", []):
                covered.setdefault(rule, set()).add(stats_file.parent.name)
    missing = sorted(rules - set(covered))
    unknown = sorted(set(covered) - rules)
    print(f"{len(rules) - len(missing)}/{len(rules)} C++ rules have a golden case")
    if missing:
        print("no golden case for:", " ".join(missing))
    if unknown:
        print("golden cases name rules that do not exist:", " ".join(unknown))
    return 1 if missing or unknown or not rules else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool")
    ap.add_argument("--case", type=pathlib.Path)
    ap.add_argument("--target", action="append", default=[], help="with --update: the targets to write")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--no-cuda-toolkit", action="store_true",
                    help="the case is about machines without a CUDA toolkit: say CUDA-TOOLKIT-PRESENT where one is")
    ap.add_argument("--coverage", type=pathlib.Path, help="the folder of the C++ cases")
    ap.add_argument("--rules", type=pathlib.Path, help="with --coverage: the C++ rule folder")
    args = ap.parse_args()
    if args.coverage:
        return coverage(args.coverage, args.rules)
    if not args.tool or not args.case:
        ap.error("--tool and --case are required")
    return run_case(args.tool, args.case, args.target, args.update, args.no_cuda_toolkit)


if __name__ == "__main__":
    sys.exit(main())
