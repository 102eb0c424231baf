#!/usr/bin/env python3
"""Output formats of `torchdevice-port check`: text (and its colour), json, github annotations,
--statistics, -o FILE; every format reports the same findings."""
import collections
import json
import os
import pty
import re
import subprocess
import urllib.parse

from checktest import Failure, case, clean_env, expect, main, show, write

TRAIN = '''\
import torch

device = torch.device("cuda")
model = torch.nn.Linear(2, 2).cuda()
torch.cuda.synchronize()
g = torch.cuda.CUDAGraph()
naïve = model.to("cuda:0")
s = torch.cuda.Stream()  # torchdevice: ignore[STR001]
log = "running on cuda"
'''
ODD = 'import torch\nx = torch.zeros(1).cuda()\n'
CLEAN = 'import torch\nx = torch.zeros(1)\nprint("cuda")\n'
ODD_NAME = "dir with space/odd,na:me%.py"

# Exact expectations for src/train.py (line, column, rule, fixable), written from the rules.
TRAIN_FINDINGS = [
    (3, 23, "DEV001", True),
    (4, 31, "MOV001", True),
    (5, 1, "SYN001", True),
    (6, 5, "UNS001", False),
    (7, 18, "DEV002", True),
]

TEXT_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]{3}\d{3}) (?P<fix>\[\*\] )?(?P<msg>\S.*)$")
SUMMARY = re.compile(r"^Found (\d+) findings?(?: \((\d+) fixable with --fix\))?\.$")
GITHUB_LINE = re.compile(
    r"^::(?P<level>warning|error) file=(?P<file>[^,:]+)"
    r"(?:,line=(?P<line>\d+),col=(?P<col>\d+)(?:,endLine=(?P<eline>\d+),endColumn=(?P<ecol>\d+))?)?"
    r"(?:,title=(?P<title>[^,:]+))?::(?P<msg>.*)$")
STAT_LINE = re.compile(r"^ *(?P<count>\d+)  (?P<rule>[A-Z]{3}\d{3}) +(?P<fix>\[\*\] )? *(?P<msg>\S.*)$")
ANSI = "\x1b["


def project(tmp):
    write(tmp / "src" / "train.py", TRAIN)
    write(tmp / "src" / ODD_NAME, ODD)
    write(tmp / "src" / "clean.py", CLEAN)
    return tmp


def json_report(tool, tmp, *extra):
    r = tool.check("--no-config", "--format", "json", *extra, "src", cwd=tmp)
    expect(r.returncode == 1, f"json run:\n{show(r)}")
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError as e:
        raise Failure(f"not JSON ({e}):\n{show(r)}") from None


def key_set(findings):
    return {(f["path"], f["line"], f["column"], f["rule"]) for f in findings}


def rules_by_id(tool):
    r = tool.port("--list-rules", "--format", "json")
    expect(r.returncode == 0, show(r))
    data = json.loads(r.stdout)
    rules = data["rules"] if isinstance(data, dict) else data
    return {rule["id"]: rule for rule in rules}


@case
def json_structure(tool, tmp, args):
    project(tmp)
    rep = json_report(tool, tmp)
    expect(list(rep) == ["schema_version", "tool_version", "findings", "errors", "summary"],
           f"top-level keys: {list(rep)}")
    expect(rep["schema_version"] == 1, f"schema_version {rep['schema_version']!r}")
    version = tool.port("--version").stdout.split()[-1]
    expect(rep["tool_version"] == version, f"tool_version {rep['tool_version']!r}, --version says {version!r}")
    rules = rules_by_id(tool)
    required = {"path": str, "line": int, "column": int, "end_line": int, "end_column": int, "rule": str,
                "category": str, "kind": str, "message": str, "fixable": bool}
    for f in rep["findings"]:
        for key, typ in required.items():
            expect(isinstance(f.get(key), typ) and not (typ is int and isinstance(f[key], bool)),
                   f"finding {f}: {key} missing or not {typ.__name__}")
        expect(set(f) <= set(required) | {"advice", "no_fix_reason", "low_confidence"}, f"unknown keys in {f}")
        expect(f["line"] >= 1 and f["column"] >= 1, f"positions are 1-based: {f}")
        expect((f["end_line"], f["end_column"]) > (f["line"], f["column"]), f"empty or reversed range: {f}")
        rule = rules[f["rule"]]
        expect(f["message"] == rule["message"], f"message of {f['rule']}: {f['message']!r} != {rule['message']!r}")
        expect(f["category"] == rule["category"] and f["kind"] == rule["kind"], f"category/kind of {f}")
        if f["kind"] == "unsupported":
            expect(not f["fixable"] and f.get("advice"), f"an unsupported finding has advice, no fix: {f}")
    order = [(f["path"], f["line"], f["column"]) for f in rep["findings"]]
    expect(order == sorted(order), f"findings not sorted by path, line, column: {order}")
    train = [(f["line"], f["column"], f["rule"], f["fixable"]) for f in rep["findings"] if f["path"] == "src/train.py"]
    expect(train == TRAIN_FINDINGS, f"src/train.py findings:\n  got  {train}\n  want {TRAIN_FINDINGS}")
    odd = [(f["line"], f["column"], f["rule"]) for f in rep["findings"] if f["path"] == f"src/{ODD_NAME}"]
    expect(odd == [(2, 20, "MOV001")], f"findings of {ODD_NAME}: {odd}")
    expect(rep["errors"] == [], f"errors: {rep['errors']}")
    expect(rep["summary"] == {"files_checked": 3, "findings": 6, "suppressed": 1, "errors": 0},
           f"summary: {rep['summary']}")


@case
def json_reports_input_errors(tool, tmp, args):
    project(tmp)
    write(tmp / "src" / "broken.py", 'import torch\nx = torch.zeros(1).to("cuda"\n')
    r = tool.check("--no-config", "--format", "json", "src", cwd=tmp)
    expect(r.returncode == 2, f"a syntax error must exit 2:\n{show(r)}")
    rep = json.loads(r.stdout)
    expect(len(rep["errors"]) == 1, f"errors: {rep['errors']}")
    err = rep["errors"][0]
    expect(err["path"] == "src/broken.py" and err["line"] >= 2 and err["column"] >= 1 and "syntax" in err["message"],
           f"error entry: {err}")
    expect(rep["summary"]["errors"] == 1 and rep["summary"]["findings"] == 6,
           f"the other files are still reported: {rep['summary']}")


@case
def text_lines(tool, tmp, args):
    project(tmp)
    rep = json_report(tool, tmp)
    r = tool.check("--no-config", "src", cwd=tmp)
    expect(r.returncode == 1, show(r))
    lines = r.stdout.rstrip("\n").split("\n")
    m = SUMMARY.match(lines[-1])
    fixable = sum(f["fixable"] for f in rep["findings"])
    expect(m and int(m.group(1)) == len(rep["findings"]) and int(m.group(2) or 0) == fixable,
           f"summary line {lines[-1]!r}, expected {len(rep['findings'])} findings, {fixable} fixable")
    expect(len(lines) - 1 == len(rep["findings"]), f"one line per finding:\n{r.stdout}")
    for line, f in zip(lines, rep["findings"]):
        m = TEXT_LINE.match(line)
        expect(m, f"not `path:line:col: ID [*] message`: {line!r}")
        got = (m["path"], int(m["line"]), int(m["col"]), m["rule"], bool(m["fix"]))
        want = (f["path"], f["line"], f["column"], f["rule"], f["fixable"])
        expect(got == want, f"text line {line!r} does not match json {want}")
        expect(m["msg"].startswith(f["message"]), f"message of {line!r}")
        if f.get("advice"):
            expect(f["advice"] in m["msg"], f"the advice is missing from {line!r}")
    expect('src/train.py:3:23: DEV001 [*] use torchdevice.device_type() instead of the "cuda" device string' in lines,
           f"exact line missing:\n{r.stdout}")
    expect(ANSI not in r.stdout + r.stderr, "colour codes when the output is not a terminal")
    clean = tool.check("--no-config", "src/clean.py", cwd=tmp)
    expect(clean.returncode == 0 and clean.stdout == "", f"a clean file prints nothing:\n{show(clean)}")


def run_on_pty(cmd, cwd, env):
    """Runs cmd with standard output on a pseudo-terminal; returns (exit status, output)."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=slave, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        return p.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(master)


@case
def text_colour_on_terminal_only(tool, tmp, args):
    project(tmp)
    base = [tool.path, "check", "--no-config", "src/train.py"]
    rc, out = run_on_pty(base, tmp, clean_env(TERM="xterm"))
    expect(rc == 1 and ANSI in out, f"no colour on a terminal (exit {rc}):\n{out!r}")
    rc, out = run_on_pty(base + ["--color", "never"], tmp, clean_env(TERM="xterm"))
    expect(rc == 1 and ANSI not in out and "DEV001" in out, f"--color never on a terminal:\n{out!r}")
    rc, out = run_on_pty(base, tmp, clean_env(TERM="xterm", NO_COLOR="1"))
    expect(rc == 1 and ANSI not in out and "DEV001" in out, f"NO_COLOR on a terminal:\n{out!r}")
    r = tool.check("--no-config", "--color", "always", "src/train.py", cwd=tmp)
    expect(r.returncode == 1 and ANSI in r.stdout, f"--color always into a pipe:\n{show(r)}")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", r.stdout)
    expect(plain == tool.check("--no-config", "src/train.py", cwd=tmp).stdout,
           "coloured text differs from plain text beyond the colour codes")
    for fmt in ("json", "github", "sarif"):
        rc, out = run_on_pty(base + ["--format", fmt], tmp, clean_env(TERM="xterm"))
        expect(ANSI not in out, f"colour codes in --format {fmt} on a terminal")


def unescape_data(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(s):
    return unescape_data(s.replace("%3A", ":").replace("%2C", ","))


@case
def github_lines(tool, tmp, args):
    project(tmp)
    write(tmp / "src" / "broken.py", "import torch\nx = (\ntorch.cuda.synchronize()\n")
    rep = json.loads(tool.check("--no-config", "--format", "json", "src", cwd=tmp).stdout)
    r = tool.check("--no-config", "--format", "github", "src", cwd=tmp)
    expect(r.returncode == 2, f"exit status with a syntax error:\n{show(r)}")
    warnings, errors = [], []
    for line in r.stdout.rstrip("\n").split("\n"):
        m = GITHUB_LINE.match(line)
        expect(m, f"not a workflow command line: {line!r}")
        (warnings if m["level"] == "warning" else errors).append(m)
    expect(len(errors) == 1 and unescape_property(errors[0]["file"]) == "src/broken.py" and errors[0]["line"],
           f"the syntax error is not an ::error with file and line: {[e.group(0) for e in errors]}")
    expect(len(warnings) == len(rep["findings"]), f"{len(warnings)} warnings for {len(rep['findings'])} findings")
    for m, f in zip(warnings, rep["findings"]):
        got = (unescape_property(m["file"]), int(m["line"]), int(m["col"]), int(m["eline"]), int(m["ecol"]), m["title"])
        want = (f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"])
        expect(got == want, f"github line {m.group(0)!r} does not match json {want}")
        msg = unescape_data(m["msg"])
        expect(msg.startswith(f"{f['rule']} {f['message']}"), f"message of {m.group(0)!r}")
    odd = [m for m in warnings if unescape_property(m["file"]) == f"src/{ODD_NAME}"]
    expect(odd and "%2C" in odd[0]["file"] and "%3A" in odd[0]["file"] and "%25" in odd[0]["file"],
           f"',', ':' and '%' in a file name must be escaped: {[m.group(0) for m in odd]}")


def sarif_keys(tmp, sarif):
    run = sarif["runs"][0]
    root = urllib.parse.urlparse(run["originalUriBaseIds"]["%SRCROOT%"]["uri"]).path
    out = set()
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        path = urllib.parse.unquote(loc["artifactLocation"]["uri"])
        full = os.path.join(root, path)
        out.add((os.path.relpath(full, tmp), loc["region"]["startLine"], loc["region"]["startColumn"], res["ruleId"]))
    return out


@case
def all_formats_agree(tool, tmp, args):
    project(tmp)
    rep = json_report(tool, tmp)
    want = key_set(rep["findings"])
    text = tool.check("--no-config", "src", cwd=tmp).stdout
    got_text = {(m["path"], int(m["line"]), int(m["col"]), m["rule"])
                for m in map(TEXT_LINE.match, text.split("\n")) if m}
    expect(got_text == want, f"text != json:\n  {sorted(got_text ^ want)}")
    gh = tool.check("--no-config", "--format", "github", "src", cwd=tmp).stdout
    got_gh = {(unescape_property(m["file"]), int(m["line"]), int(m["col"]), m["title"])
              for m in map(GITHUB_LINE.match, gh.split("\n")) if m}
    expect(got_gh == want, f"github != json:\n  {sorted(got_gh ^ want)}")
    sarif = json.loads(tool.check("--no-config", "--format", "sarif", "src", cwd=tmp).stdout)
    got_sarif = sarif_keys(tmp, sarif)
    expect(got_sarif == want, f"sarif != json:\n  {sorted(got_sarif ^ want)}")


CPP_SOURCE = """\
#include <torch/torch.h>
#include <c10/cuda/CUDAGuard.h>

torch::Tensor run(torch::Tensor t) {
  c10::cuda::CUDAGuard guard(0);
  torch::Device d("cuda:1");  // torchdevice: ignore[DEV]
  return t.to(torch::kCUDA).cuda();
}
"""
CPP_HEADER = "#pragma once\ninline void wait() { torch::cuda::synchronize(); }\n"
# The lite LibTorch headers embedded in the tool (docs/check.md, "C++").
LITE_FLAGS = ["--", "-std=c++17", "-xc++", "-I/__torchdevice_port__/example-headers"]
# (path, line, column, rule, fixable, low confidence), written from the rules.
CPP_FINDINGS = {
    ("src/lone.h", 2, 22, "SYN501", True, True),  # no includes: matched by spelling
    ("src/run.cpp", 2, 10, "INC501", True, False),
    ("src/run.cpp", 5, 3, "STR508", True, False),
    ("src/run.cpp", 7, 15, "DEV501", True, False),
    ("src/run.cpp", 7, 29, "MOV501", True, False),
}


@case
def cpp_findings_in_every_format(tool, tmp, args):
    """C++ findings (semantic and token-level) come out the same in json, text, github and sarif."""
    write(tmp / "src" / "run.cpp", CPP_SOURCE)
    write(tmp / "src" / "lone.h", CPP_HEADER)
    r = tool.check("--no-config", "--format", "json", "src", *LITE_FLAGS, cwd=tmp)
    expect(r.returncode == 1, f"json run:\n{show(r)}")
    rep = json.loads(r.stdout)
    got = {(f["path"], f["line"], f["column"], f["rule"], f["fixable"], f.get("low_confidence", False))
           for f in rep["findings"]}
    expect(got == CPP_FINDINGS, f"C++ findings:\n  missing {sorted(CPP_FINDINGS - got)}\n  unexpected {sorted(got - CPP_FINDINGS)}")
    expect(rep["summary"]["suppressed"] == 1 and rep["summary"]["files_checked"] == 2, f"summary {rep['summary']}")
    want = key_set(rep["findings"])
    text = tool.check("--no-config", "src", *LITE_FLAGS, cwd=tmp).stdout
    got_text = {(m["path"], int(m["line"]), int(m["col"]), m["rule"]) for m in map(TEXT_LINE.match, text.split("\n")) if m}
    expect(got_text == want, f"text != json:\n  {sorted(got_text ^ want)}\n{text}")
    gh = tool.check("--no-config", "--format", "github", "src", *LITE_FLAGS, cwd=tmp).stdout
    got_gh = {(unescape_property(m["file"]), int(m["line"]), int(m["col"]), m["title"])
              for m in map(GITHUB_LINE.match, gh.split("\n")) if m}
    expect(got_gh == want, f"github != json:\n  {sorted(got_gh ^ want)}")
    sarif = json.loads(tool.check("--no-config", "--format", "sarif", "src", *LITE_FLAGS, cwd=tmp).stdout)
    expect(sarif_keys(tmp, sarif) == want, f"sarif != json:\n  {sorted(sarif_keys(tmp, sarif) ^ want)}")


@case
def statistics(tool, tmp, args):
    project(tmp)
    rep = json_report(tool, tmp)
    counts = collections.Counter(f["rule"] for f in rep["findings"])
    fixable = {f["rule"] for f in rep["findings"] if f["fixable"]}
    messages = {f["rule"]: f["message"] for f in rep["findings"]}
    r = tool.check("--no-config", "--statistics", "src", cwd=tmp)
    expect(r.returncode == 1, f"--statistics with findings exits 1:\n{show(r)}")
    rows = []
    for line in r.stdout.rstrip("\n").split("\n"):
        m = STAT_LINE.match(line)
        expect(m, f"not `COUNT  ID [*] message`: {line!r}")
        rows.append((m["rule"], int(m["count"]), bool(m["fix"]), m["msg"]))
    expect({rule: n for rule, n, _, _ in rows} == dict(counts), f"counts {rows} != {dict(counts)}")
    expect(len(rows) == len(counts), f"one row per rule: {rows}")
    for rule, _, fix, msg in rows:
        expect(fix == (rule in fixable), f"[*] marker of {rule}")
        expect(msg == messages[rule], f"message of {rule}: {msg!r}")
    order = [(-n, rule) for rule, n, _, _ in rows]
    expect(order == sorted(order), f"rows not sorted by count, then id: {rows}")
    expect(rows[0][:2] == ("MOV001", 2), f"most frequent first: {rows}")
    z = tool.check("--no-config", "--statistics", "--exit-zero", "src", cwd=tmp)
    expect(z.returncode == 0 and z.stdout == r.stdout, f"--statistics --exit-zero:\n{show(z)}")
    c = tool.check("--no-config", "--statistics", "src/clean.py", cwd=tmp)
    expect(c.returncode == 0 and c.stdout.strip() == "", f"--statistics on a clean file:\n{show(c)}")


@case
def statistics_json(tool, tmp, args):
    """--statistics must not silently ignore --format: with json it prints JSON counts (as
    `--stats --format json` of the port does), or the combination is refused (exit 2)."""
    project(tmp)
    for fmt in ("json",):
        r = tool.check("--no-config", "--statistics", "--format", fmt, "src", cwd=tmp)
        if r.returncode == 2 and "statistics" in r.stderr:
            continue  # refused as a usage error: acceptable
        expect(r.returncode == 1, show(r))
        try:
            data = json.loads(r.stdout)
        except json.JSONDecodeError:
            raise Failure(f"`check --statistics --format {fmt}` prints neither {fmt} nor a usage error "
                          f"(--format is ignored):\n{show(r)}") from None
        text = json.dumps(data)
        expect("MOV001" in text and "DEV001" in text, f"no per-rule counts in {text}")


@case
def output_file(tool, tmp, args):
    project(tmp)
    for fmt in ("text", "json", "sarif", "github"):
        stdout_run = tool.check("--no-config", "--format", fmt, "src", cwd=tmp)
        target = tmp / "reports" / f"report.{fmt}"
        target.parent.mkdir(exist_ok=True)
        r = tool.check("--no-config", "--format", fmt, "-o", target, "src", cwd=tmp)
        expect(r.returncode == 1 and r.stdout == "", f"-o with --format {fmt}: stdout must stay empty:\n{show(r)}")
        expect(target.read_text() == stdout_run.stdout, f"-o {target.name} differs from the standard output")
    write(tmp / "src" / "broken.py", "import torch\nx = (\ntorch.cuda.synchronize()\n")
    r = tool.check("--no-config", "--format", "json", "-o", tmp / "r.json", "src", cwd=tmp)
    expect(r.returncode == 2 and "src/broken.py" in r.stderr and "error" in r.stderr,
           f"input errors must still reach the terminal with -o:\n{show(r)}")
    r = tool.check("--no-config", "-o", tmp / "no" / "such" / "dir" / "r.txt", "src", cwd=tmp)
    expect(r.returncode == 2, f"an unwritable -o FILE is a usage error:\n{show(r)}")


if __name__ == "__main__":
    raise SystemExit(main(__doc__.split("\n")[0]))
