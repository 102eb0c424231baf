#!/usr/bin/env python3
"""Command-line behaviour of `torchdevice-port check`: exit codes, reading without writing, file
discovery, --select/--ignore, the project configuration (.torchdevice-port.json), suppression
reporting and --fix in temporary git repositories."""
import json
import os
import py_compile

from checktest import Failure, case, clean_env, expect, git, git_init, main, show, write

HARD = 'import torch\n\nx = torch.zeros(3).cuda()\nd = torch.device("cuda")\ng = torch.cuda.CUDAGraph()\n'
# findings of HARD: MOV001 3:20 (fixable), DEV001 4:18 (fixable), UNS001 5:5 (not fixable)
FIXABLE_ONLY = 'import torch\n\ny = torch.ones(2).cuda()\n'
CLEAN = 'import torch\n\nx = torch.zeros(3)\nprint("running on cuda")\n'


def findings(tool, cwd, *args, rc=None):
    r = tool.check("--format", "json", *args, cwd=cwd)
    if rc is not None:
        expect(r.returncode == rc, f"expected exit {rc}:\n{show(r)}")
    try:
        rep = json.loads(r.stdout)
    except json.JSONDecodeError:
        raise Failure(f"no JSON report:\n{show(r)}") from None
    return [(f["path"], f["line"], f["column"], f["rule"]) for f in rep["findings"]], rep


def rules_of(tool, cwd, *args, rc=None):
    return sorted({f[3] for f in findings(tool, cwd, *args, rc=rc)[0]})


def snapshot(root):
    out = {}
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]  # git may refresh its index: not our business
        for name in files:
            p = os.path.join(dirpath, name)
            st = os.stat(p)
            with open(p, "rb") as fh:
                out[p] = (fh.read(), st.st_mtime_ns, st.st_mode)
    return out


# ---------------------------------------------------------------- exit codes and input errors

@case
def exit_codes(tool, tmp, args):
    write(tmp / "clean.py", CLEAN)
    write(tmp / "hard.py", HARD)
    r = tool.check("--no-config", "clean.py", cwd=tmp)
    expect(r.returncode == 0 and r.stdout == "", f"clean file: exit 0, no output:\n{show(r)}")
    r = tool.check("--no-config", "hard.py", cwd=tmp)
    expect(r.returncode == 1 and "hard.py:3:20: MOV001" in r.stdout, f"findings: exit 1:\n{show(r)}")
    r = tool.check("--no-config", "hard.py", "--exit-zero", cwd=tmp)
    expect(r.returncode == 0 and "hard.py:3:20: MOV001" in r.stdout, f"--exit-zero still reports, exits 0:\n{show(r)}")
    r = tool.check("--no-config", "--format", "json", "hard.py", "--exit-zero", cwd=tmp)
    expect(r.returncode == 0 and len(json.loads(r.stdout)["findings"]) == 3, f"--exit-zero with json:\n{show(r)}")


@case
def usage_errors_exit_2(tool, tmp, args):
    write(tmp / "hard.py", HARD)
    write(tmp / "notes.txt", "cuda\n")
    cases = {
        "missing path": (["hard.py", "missing.py"], "missing.py"),
        "no path": ([], "PATH"),
        "unknown option": (["--no-such-option", "hard.py"], "--no-such-option"),
        "bad --format": (["hard.py", "--format", "xml"], "xml"),
        "not Python": (["notes.txt"], "notes.txt"),
        "unknown rule id": (["hard.py", "--select", "XYZ"], "XYZ"),
    }
    for name, (argv, mention) in cases.items():
        r = tool.check("--no-config", *argv, cwd=tmp)
        expect(r.returncode == 2, f"{name}: expected exit 2:\n{show(r)}")
        expect(mention in r.stdout + r.stderr, f"{name}: the message does not name {mention!r}:\n{show(r)}")


@case
def syntax_error_exit_2(tool, tmp, args):
    write(tmp / "broken.py", 'import torch\nx = torch.zeros(1).to("cuda"\ny = 1\n')
    write(tmp / "hard.py", HARD)
    r = tool.check("--no-config", "broken.py", "hard.py", cwd=tmp)
    expect(r.returncode == 2, f"a syntax error exits 2 even with findings elsewhere:\n{show(r)}")
    out = r.stdout + r.stderr
    expect("broken.py:" in out and "syntax error" in out, f"the syntax error is not reported:\n{show(r)}")
    line = next(l for l in out.split("\n") if l.startswith("broken.py:"))
    parts = line.split(":")
    expect(parts[1].isdigit() and parts[2].isdigit() and int(parts[1]) >= 2,
           f"the syntax error has no line:column: {line!r}")
    expect("hard.py:3:20: MOV001" in r.stdout, f"the good file is still checked:\n{show(r)}")
    expect((tmp / "broken.py").read_text().startswith("import torch"), "broken.py changed")


@case
def syntax_error_without_device_code(tool, tmp, args):
    """The byte prefilter (docs/check.md): a file that mentions nothing any rule looks for is not
    parsed, so its syntax errors are left to the project's other linters; a file with device code
    and a syntax error is an input error (exit 2)."""
    write(tmp / "broken.py", "import os\n\ndef f(:\n    pass\n")
    r = tool.check("--no-config", "broken.py", cwd=tmp)
    expect(r.returncode == 0 and not r.stdout.strip(),
           f"a file without device code is not parsed (prefilter), so check is clean:\n{show(r)}")
    write(tmp / "broken_cuda.py", "import torch\n\ndef f(:\n    return torch.zeros(1).cuda()\n")
    r = tool.check("--no-config", "broken_cuda.py", cwd=tmp)
    expect(r.returncode == 2 and "broken_cuda.py:" in r.stdout + r.stderr and "syntax" in r.stdout + r.stderr,
           f"a file with device code and a syntax error must be reported (exit 2):\n{show(r)}")


@case
def reads_never_writes(tool, tmp, args):
    write(tmp / "src" / "hard.py", HARD)
    write(tmp / "src" / "pkg" / "more.py", FIXABLE_ONLY)
    write(tmp / "src" / "clean.py", CLEAN)
    before = snapshot(tmp)
    for fmt in ("text", "json", "sarif", "github"):
        tool.check("--no-config", "--format", fmt, "src", cwd=tmp)
    tool.check("--no-config", "--statistics", "--report-unused-suppressions", "src", cwd=tmp)
    expect(snapshot(tmp) == before, "check (without --fix) changed, created or touched a file")


@case
def directory_discovery(tool, tmp, args):
    write(tmp / "proj" / "a.py", FIXABLE_ONLY)
    write(tmp / "proj" / "deep" / "er" / "b.py", FIXABLE_ONLY)
    for skipped in (".venv", ".hidden", "build", "dist", "__pycache__", "node_modules", "site-packages", "env"):
        write(tmp / "proj" / skipped / "s.py", FIXABLE_ONLY)
    write(tmp / "proj" / "env" / "pyvenv.cfg", "home = /usr/bin\n")
    write(tmp / "proj" / "data.txt", 'torch.device("cuda")\n')
    write(tmp / "proj" / "script", '#!/usr/bin/env python3\n' + FIXABLE_ONLY)  # not .py: found only by name
    # C++ sources and headers are checked too (no includes: matched by spelling, cheap to parse).
    write(tmp / "proj" / "native" / "k.cpp", "auto d = torch::kCUDA;\n")
    write(tmp / "proj" / "native" / "k.h", "#pragma once\ninline void w() { torch::cuda::synchronize(); }\n")
    write(tmp / "proj" / "build" / "gen.cpp", "auto d = torch::kCUDA;\n")
    write(tmp / "proj" / "native" / "k.cu", "auto d = torch::kCUDA;\n")  # CUDA sources are not C++ here
    got, rep = findings(tool, tmp, "--no-config", "proj", rc=1)
    paths = sorted({p for p, *_ in got})
    expect(paths == ["proj/a.py", "proj/deep/er/b.py", "proj/native/k.cpp", "proj/native/k.h"],
           f"files found under proj/: {paths}")
    expect(rep["summary"]["files_checked"] == 4, f"summary: {rep['summary']}")
    got, _ = findings(tool, tmp, "--no-config", "proj/script", rc=1)
    expect([g[0] for g in got] == ["proj/script"], f"an explicit python script is checked: {got}")
    got, _ = findings(tool, tmp, "--no-config", "proj", "--exclude", "deep", "--exclude", "*.h", rc=1)
    expect(sorted({p for p, *_ in got}) == ["proj/a.py", "proj/native/k.cpp"], f"--exclude deep --exclude '*.h': {got}")


@case
def parallel_output_is_deterministic(tool, tmp, args):
    for i in range(40):
        write(tmp / "src" / f"m{i:02d}.py", HARD if i % 3 else FIXABLE_ONLY)
    one = tool.check("--no-config", "src", "-j", "1", cwd=tmp)
    many = tool.check("--no-config", "src", "-j", "8", cwd=tmp)
    expect(one.returncode == many.returncode == 1 and one.stdout == many.stdout, "-j 1 and -j 8 disagree")


# ---------------------------------------------------------------- rule selection

@case
def select_and_ignore(tool, tmp, args):
    write(tmp / "hard.py", HARD)
    expect(rules_of(tool, tmp, "--no-config", "hard.py") == ["DEV001", "MOV001", "UNS001"], "all rules")
    expect(rules_of(tool, tmp, "--no-config", "hard.py", "--select", "DEV,MOV") == ["DEV001", "MOV001"], "--select DEV,MOV")
    expect(rules_of(tool, tmp, "--no-config", "hard.py", "--select", "DEV", "--select", "UNS001") == ["DEV001", "UNS001"],
           "--select repeated")
    expect(rules_of(tool, tmp, "--no-config", "hard.py", "--ignore", "MOV001,UNS") == ["DEV001"], "--ignore")
    expect(rules_of(tool, tmp, "--no-config", "hard.py", "--select", "DEV,MOV", "--ignore", "DEV001") == ["MOV001"],
           "--select then --ignore")
    r = tool.check("--no-config", "hard.py", "--select", "SYN", cwd=tmp)
    expect(r.returncode == 0 and r.stdout == "", f"nothing selected matches: exit 0:\n{show(r)}")


@case
def options_before_paths(tool, tmp, args):
    """A list option (--select, --ignore, --exclude) takes its own value only: the paths after it
    are paths. pre-commit appends the staged file names after the hook's args, so
    `args: [--select, DEV]` must not swallow them."""
    write(tmp / "hard.py", HARD)
    write(tmp / "other.py", FIXABLE_ONLY)
    write(tmp / "skip_me.py", FIXABLE_ONLY)
    problems = []
    for argv, want in (
        (["--select", "DEV", "hard.py"], {("hard.py", "DEV001")}),
        (["--select=DEV", "hard.py"], {("hard.py", "DEV001")}),
        (["--ignore", "UNS,DEV", "hard.py", "other.py"], {("hard.py", "MOV001"), ("other.py", "MOV001")}),
        (["--exclude", "skip_*", "hard.py", "skip_me.py", "other.py"],
         {("hard.py", "MOV001"), ("hard.py", "DEV001"), ("hard.py", "UNS001"), ("other.py", "MOV001")}),
        (["other.py", "--exclude", "zz*", "hard.py"],
         {("hard.py", "MOV001"), ("hard.py", "DEV001"), ("hard.py", "UNS001"), ("other.py", "MOV001")}),
    ):
        r = tool.check("--no-config", "--format", "json", *argv, cwd=tmp)
        try:
            got = {(f["path"], f["rule"]) for f in json.loads(r.stdout)["findings"]}
        except (json.JSONDecodeError, KeyError):
            got = None
        if got != want:
            problems.append(f"check {' '.join(argv)}: expected {sorted(want)}, got {sorted(got) if got else got}\n"
                            f"    exit {r.returncode}: {r.stderr.strip()}")
    expect(not problems, "\n".join(problems))


# ---------------------------------------------------------------- project configuration

def config(root, data):
    return write(root / ".torchdevice-port.json", json.dumps(data, indent=2) + "\n")


@case
def config_found_in_cwd_or_parent(tool, tmp, args):
    write(tmp / "repo" / "src" / "hard.py", HARD)
    config(tmp / "repo", {"select": ["DEV", "MOV"], "ignore": ["MOV"]})
    expect(rules_of(tool, tmp / "repo", "src") == ["DEV001"], "config in the current directory")
    expect(rules_of(tool, tmp / "repo" / "src", "hard.py") == ["DEV001"], "config in a parent directory")
    expect(rules_of(tool, tmp / "repo" / "src", "hard.py", "--no-config") == ["DEV001", "MOV001", "UNS001"],
           "--no-config")
    # The search starts at the current directory, not at the checked file.
    expect(rules_of(tool, tmp, "repo/src/hard.py") == ["DEV001", "MOV001", "UNS001"],
           "a config below the current directory is not used")
    alt = write(tmp / "alt.json", json.dumps({"select": ["UNS"]}))
    expect(rules_of(tool, tmp / "repo", "src", "--config", alt) == ["UNS001"], "--config FILE wins over the nearest one")


@case
def config_command_line_overrides(tool, tmp, args):
    write(tmp / "hard.py", HARD)
    config(tmp, {"select": ["DEV"], "ignore": ["UNS"]})
    expect(rules_of(tool, tmp, "hard.py") == ["DEV001"], "config select")
    expect(rules_of(tool, tmp, "hard.py", "--select", "MOV,UNS") == ["MOV001"],
           "--select replaces the config's select (the config's ignore still applies)")
    expect(rules_of(tool, tmp, "hard.py", "--select", "UNS,DEV", "--ignore", "DEV") == ["UNS001"],
           "--ignore replaces the config's ignore")


@case
def config_per_path_ignores(tool, tmp, args):
    repo = tmp / "repo"
    write(repo / "src" / "app.py", HARD)
    write(repo / "tests" / "test_app.py", HARD)
    write(repo / "src" / "legacy_io.py", HARD)
    config(repo, {"per_path_ignores": {"tests/*": ["MOV", "UNS001"], "legacy_*.py": ["*"]}})
    want = {("src/app.py", "DEV001"), ("src/app.py", "MOV001"), ("src/app.py", "UNS001"),
            ("tests/test_app.py", "DEV001")}
    got = {(p, rule) for p, _, _, rule in findings(tool, repo, "src", "tests", rc=1)[0]}
    expect(got == want, f"from the config's directory:\n  got  {sorted(got)}\n  want {sorted(want)}")
    # The globs are relative to the configuration file, wherever check runs from.
    got = {(p, rule) for p, _, _, rule in findings(tool, repo / "tests", ".", "../src", rc=1)[0]}
    want_sub = {("./test_app.py", "DEV001"), ("../src/app.py", "DEV001"), ("../src/app.py", "MOV001"),
                ("../src/app.py", "UNS001")}
    expect(got == want_sub, f"from tests/:\n  got  {sorted(got)}\n  want {sorted(want_sub)}")
    # Explicit file names (as pre-commit passes them) get the same treatment.
    got = {(p, rule) for p, _, _, rule in findings(tool, repo, "tests/test_app.py", "src/legacy_io.py", rc=1)[0]}
    expect(got == {("tests/test_app.py", "DEV001")}, f"explicit files: {sorted(got)}")


@case
def config_exclude(tool, tmp, args):
    """`exclude` globs of the configuration file: relative to the file's directory, like
    per_path_ignores, and applied to files named on the command line too (pre-commit names
    every staged file)."""
    repo = tmp / "repo"
    write(repo / "src" / "gen" / "g.py", FIXABLE_ONLY)
    write(repo / "src" / "app" / "a.py", FIXABLE_ONLY)
    config(repo, {"exclude": ["src/gen/*"]})
    problems = []
    for cwd, argv in ((repo, ["."]), (repo, ["src"]), (repo, ["src/gen/g.py", "src/app/a.py"]),
                      (repo / "src", ["."]), (repo / "src", ["gen/g.py", "app/a.py"])):
        paths = sorted({os.path.normpath(p) for p, *_ in findings(tool, cwd, *argv)[0]})
        if any("gen" in p for p in paths) or not any("a.py" in p for p in paths):
            problems.append(f"cd {os.path.relpath(cwd, tmp)} && check {' '.join(argv)}: reported {paths}")
    expect(not problems, "src/gen/* excluded by the config but checked:\n" + "\n".join(problems))


@case
def config_target(tool, tmp, args):
    repo = git_init(tmp / "repo")
    write(repo / "a.py", FIXABLE_ONLY)
    write(repo / "b.py", FIXABLE_ONLY)
    config(repo, {"target": "cpu"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    r = tool.check("--fix", "a.py", cwd=repo)
    expect(r.returncode == 0, show(r))
    expect('torchdevice.prefer("cpu")' in (repo / "a.py").read_text(), "the config's target is not used by --fix")
    r = tool.check("--fix", "--target", "mps", "b.py", cwd=repo)
    expect(r.returncode == 0, show(r))
    expect('torchdevice.prefer("mps")' in (repo / "b.py").read_text(), "--target does not override the config")


@case
def config_errors(tool, tmp, args):
    write(tmp / "hard.py", HARD)
    bad = write(tmp / "bad" / ".torchdevice-port.json", '{\n  "select": ["DEV"],\n  "ignore": [}\n')
    r = tool.check("hard.py", cwd=tmp / "bad")
    r2 = tool.check("--config", bad, "hard.py", cwd=tmp)
    for run in (r, r2):
        expect(run.returncode == 2, f"invalid JSON: exit 2:\n{show(run)}")
        expect(f"{bad}:3:14: invalid JSON" in run.stderr, f"invalid JSON: no `{bad}:3:14:`:\n{show(run)}")
        expect(run.stdout == "", f"nothing is checked with a bad configuration:\n{show(run)}")
    for text, mention in (('{"selec": ["DEV"]}', "selec"),
                          ('{"select": 5}', "select"),
                          ('{"target": "tpu"}', "target"),
                          ('{"per_path_ignores": ["x"]}', "per_path_ignores"),
                          ('["DEV"]', "object")):
        cfg = write(tmp / "c.json", text)
        r = tool.check("--config", cfg, "hard.py", cwd=tmp)
        expect(r.returncode == 2 and str(cfg) in r.stderr and mention in r.stderr,
               f"config {text}: exit 2 naming the file and {mention!r}:\n{show(r)}")
    r = tool.check("--config", tmp / "missing.json", "hard.py", cwd=tmp)
    expect(r.returncode == 2 and "missing.json" in r.stderr, f"--config with a missing file:\n{show(r)}")


# ---------------------------------------------------------------- suppressions

@case
def unused_suppressions(tool, tmp, args):
    write(tmp / "s.py", 'import torch\nx = torch.zeros(1)  # torchdevice: ignore[DEV001]\n'
                        'y = x.cuda()  # torchdevice: ignore[MOV001]\n')
    r = tool.check("--no-config", "s.py", cwd=tmp)
    expect(r.returncode == 0 and r.stdout == "", f"unused suppressions are quiet by default:\n{show(r)}")
    got, rep = findings(tool, tmp, "--no-config", "s.py", "--report-unused-suppressions", rc=1)
    expect(got == [("s.py", 2, 21, "TDP100")], f"TDP100 findings: {got}")
    f = rep["findings"][0]
    expect(f["fixable"] is False and "unused suppression" in f["message"], f"TDP100 finding: {f}")
    expect(rep["summary"]["suppressed"] == 1, f"summary: {rep['summary']}")
    r = tool.check("--no-config", "s.py", "--report-unused-suppressions", cwd=tmp)
    expect("s.py:2:21: TDP100 " in r.stdout, f"TDP100 in text:\n{show(r)}")
    expect(rules_of(tool, tmp, "--no-config", "s.py", "--report-unused-suppressions", "--select", "MOV") == ["TDP100"],
           "a suppression of a rule that is not selected is unused too")


@case
def ignore_file_without_ids(tool, tmp, args):
    write(tmp / "gen.py", "# torchdevice: ignore-file\n" + HARD)
    got, rep = findings(tool, tmp, "--no-config", "gen.py", rc=0)
    expect(got == [] and rep["summary"]["suppressed"] == 3, f"ignore-file: {got}, {rep['summary']}")


# ---------------------------------------------------------------- --fix

def fix_repo(tmp):
    repo = git_init(tmp / "repo")
    write(repo / "hard.py", HARD)
    write(repo / "only_fixable.py", FIXABLE_ONLY)
    write(repo / "clean.py", CLEAN)
    write(repo / "unfixable.py", "import torch\ng = torch.cuda.CUDAGraph()\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    return repo


def port_of(tool, tmp, path, *args):
    """What the port itself makes of a file (--out-root, nothing touched)."""
    out = tmp / f"port-{path.name}"
    r = tool.port(str(path), "--out-root", str(out), *args)
    expect(r.returncode == 0, show(r))
    return (out / path.name).read_text()


@case
def fix_committed_files(tool, tmp, args):
    repo = fix_repo(tmp)
    want = port_of(tool, tmp, repo / "hard.py")
    unfixable_before = (repo / "unfixable.py").read_bytes()
    clean_stat = os.stat(repo / "clean.py").st_mtime_ns
    r = tool.check("--fix", ".", cwd=repo)
    expect(r.returncode == 1, f"leftover findings: exit 1:\n{show(r)}")
    expect((repo / "hard.py").read_text() == want, "hard.py is not what the port makes of it")
    py_compile.compile(str(repo / "hard.py"), cfile=str(tmp / "hard.pyc"), doraise=True)
    expect("import torchdevice" in (repo / "only_fixable.py").read_text(), "only_fixable.py not fixed")
    expect((repo / "unfixable.py").read_bytes() == unfixable_before, "a file without fixable findings was written")
    expect(os.stat(repo / "clean.py").st_mtime_ns == clean_stat, "a clean file was touched")
    # What is left is reported, at its place in the rewritten file.
    lines = r.stdout.split("\n")
    expect(lines[0].startswith("./hard.py:6:5: UNS001 CUDA graphs") and lines[1].startswith("./unfixable.py:2:5: UNS001 "),
           f"leftovers (positions in the rewritten files):\n{r.stdout}")
    expect("Found 2 findings." in r.stdout, f"summary:\n{r.stdout}")
    status = git(repo, "status", "--porcelain")
    expect(sorted(status.split("\n")[:-1]) == [" M hard.py", " M only_fixable.py"], f"git status:\n{status}")
    # Idempotent: a second --fix writes nothing and reports the same.
    again = tool.check("--fix", ".", cwd=repo, env=clean_env())
    expect(again.returncode == 1 and again.stdout == r.stdout, f"second --fix:\n{show(again)}")
    expect(git(repo, "status", "--porcelain") == status, "the second --fix changed files")


@case
def fix_everything_exits_0(tool, tmp, args):
    repo = fix_repo(tmp)
    r = tool.check("--fix", "only_fixable.py", cwd=repo)
    expect(r.returncode == 0 and r.stdout == "", f"all findings fixed: exit 0, empty report:\n{show(r)}")
    r = tool.check("--fix", "--format", "json", "hard.py", cwd=repo)
    rep = json.loads(r.stdout)  # the report on stdout stays pure JSON
    expect(r.returncode == 1 and [f["rule"] for f in rep["findings"]] == ["UNS001"], f"json after --fix:\n{show(r)}")


@case
def fix_staged_file(tool, tmp, args):
    repo = fix_repo(tmp)
    write(repo / "new.py", FIXABLE_ONLY)
    git(repo, "add", "new.py")
    (repo / "hard.py").write_text(HARD + "z = 1\n")
    git(repo, "add", "hard.py")
    r = tool.check("--fix", "new.py", "hard.py", cwd=repo)
    expect(r.returncode == 1 and "import torchdevice" in (repo / "new.py").read_text()
           and "import torchdevice" in (repo / "hard.py").read_text(), f"staged files are fixed:\n{show(r)}")


@case
def fix_refuses_unstaged_changes(tool, tmp, args):
    repo = fix_repo(tmp)
    (repo / "hard.py").write_text(HARD + "# local edit\n")
    before = snapshot(repo)
    r = tool.check("--fix", "hard.py", "only_fixable.py", cwd=repo)
    expect(r.returncode == 4, f"unstaged changes: exit 4 (refused):\n{show(r)}")
    expect("hard.py" in r.stderr and "--allow-dirty" in r.stderr, f"the refusal names the file and --allow-dirty:\n{show(r)}")
    expect(snapshot(repo) == before, "nothing may be written when --fix is refused")
    r = tool.check("--fix", "--allow-dirty", "hard.py", "only_fixable.py", cwd=repo)
    expect(r.returncode == 1, show(r))
    text = (repo / "hard.py").read_text()
    expect("import torchdevice" in text and text.endswith("# local edit\n"), f"--allow-dirty:\n{text}")


@case
def fix_refuses_untracked_and_outside_git(tool, tmp, args):
    repo = fix_repo(tmp)
    write(repo / "untracked.py", FIXABLE_ONLY)
    r = tool.check("--fix", "untracked.py", cwd=repo)
    expect(r.returncode == 4 and "untracked.py" in r.stderr, f"untracked file:\n{show(r)}")
    expect((repo / "untracked.py").read_text() == FIXABLE_ONLY, "untracked.py was written")
    write(tmp / "loose" / "l.py", FIXABLE_ONLY)
    r = tool.check("--fix", "l.py", cwd=tmp / "loose")
    expect(r.returncode == 4 and (tmp / "loose" / "l.py").read_text() == FIXABLE_ONLY, f"outside git:\n{show(r)}")
    r = tool.check("--fix", "--allow-dirty", "l.py", cwd=tmp / "loose")
    expect(r.returncode == 0 and "import torchdevice" in (tmp / "loose" / "l.py").read_text(), show(r))


@case
def fix_ignores_dirty_files_without_fixes(tool, tmp, args):
    """--fix ports exactly the files with fixable findings: a dirty file that has none neither
    blocks the run nor gets written."""
    repo = fix_repo(tmp)
    (repo / "unfixable.py").write_text("import torch\ng = torch.cuda.CUDAGraph()\n# wip\n")
    (repo / "clean.py").write_text(CLEAN + "# wip\n")
    r = tool.check("--fix", ".", cwd=repo)
    expect(r.returncode == 1, show(r))
    expect("import torchdevice" in (repo / "hard.py").read_text(), "hard.py not fixed")
    expect((repo / "unfixable.py").read_text().endswith("# wip\n"), "unfixable.py changed")


@case
def fix_respects_selection(tool, tmp, args):
    repo = fix_repo(tmp)
    r = tool.check("--fix", "hard.py", "--select", "DEV", cwd=repo)
    expect(r.returncode == 0, show(r))
    text = (repo / "hard.py").read_text()
    expect(".cuda()" in text and 'torch.device("cuda")' not in text, f"--select DEV --fix must fix only DEV:\n{text}")


@case
def fix_respects_suppressions(tool, tmp, args):
    """--fix rewrites only what check reports: a suppressed finding (comment, ignore-file,
    per_path_ignores) stays as written."""
    repo = git_init(tmp / "repo")
    write(repo / "a.py", 'import torch\nx = torch.zeros(1).cuda()\n'
                         'y = torch.zeros(1).cuda()  # torchdevice: ignore[MOV001]\n')
    write(repo / "b.py", '# torchdevice: ignore-file[MOV]\nimport torch\nx = torch.zeros(1).cuda()\n'
                         'd = torch.device("cuda")\n')
    write(repo / "legacy" / "c.py", 'import torch\nx = torch.zeros(1).cuda()\nd = torch.device("cuda")\n')
    config(repo, {"per_path_ignores": {"legacy/*": ["MOV"]}})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    r = tool.check("--fix", "a.py", "b.py", "legacy/c.py", cwd=repo)
    problems = []
    a = (repo / "a.py").read_text()
    if "y = torch.zeros(1).cuda()  # torchdevice: ignore[MOV001]" not in a:
        problems.append(f"a.py: the line with '# torchdevice: ignore[MOV001]' was rewritten:\n{a}")
    if "x = torch.zeros(1).cuda()\n" in a:
        problems.append(f"a.py: the reported .cuda() was not fixed:\n{a}")
    b = (repo / "b.py").read_text()
    if "x = torch.zeros(1).cuda()" not in b or 'torch.device("cuda")' in b:
        problems.append(f"b.py: ignore-file[MOV] not respected (or DEV001 not fixed):\n{b}")
    c = (repo / "legacy" / "c.py").read_text()
    if "x = torch.zeros(1).cuda()" not in c or 'torch.device("cuda")' in c:
        problems.append(f"legacy/c.py: per_path_ignores MOV not respected (or DEV001 not fixed):\n{c}")
    expect(not problems, "\n".join(problems) + f"\n{show(r)}")


LITE_FLAGS = ["--", "-std=c++17", "-xc++", "-I/__torchdevice_port__/example-headers"]


@case
def fix_cpp_respects_suppressions(tool, tmp, args):
    """C++: --fix ports the reported uses (with the compiler flags after `--`) and leaves the
    suppressed ones (comment, per_path_ignores) as written; check and port agree."""
    repo = git_init(tmp / "repo")
    line = "auto {0}(torch::Tensor t) {{ return t.to(torch::kCUDA); }}"
    write(repo / "a.cpp", "#include <torch/torch.h>\n" + line.format("a") + "\n" + line.format("b")
          + "  // torchdevice: ignore[DEV501]\n" + line.format("c") + "  /* torchdevice: ignore */\n")
    write(repo / "legacy" / "c.cpp", "#include <torch/torch.h>\n" + line.format("a") + "\n")
    config(repo, {"per_path_ignores": {"legacy/*": ["DEV"]}})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    r = tool.check("--format", "json", ".", *LITE_FLAGS, cwd=repo)
    rep = json.loads(r.stdout)
    got = [(os.path.normpath(f["path"]), f["line"], f["rule"]) for f in rep["findings"]]
    expect(r.returncode == 1 and got == [("a.cpp", 2, "DEV501")] and rep["summary"]["suppressed"] == 2,
           f"before --fix: {got}, {rep['summary']}\n{show(r)}")
    r = tool.check("--fix", ".", *LITE_FLAGS, cwd=repo)
    expect(r.returncode == 0, f"--fix left findings:\n{show(r)}")
    a = (repo / "a.cpp").read_text().split("\n")
    problems = []
    if "torch::kCUDA" in "\n".join(a[:3]) or not any(l.startswith("auto a(") for l in a):
        problems.append("a.cpp: the reported torch::kCUDA was not ported")
    if line.format("b") + "  // torchdevice: ignore[DEV501]" not in a:
        problems.append("a.cpp: the line with '// torchdevice: ignore[DEV501]' was rewritten")
    if line.format("c") + "  /* torchdevice: ignore */" not in a:
        problems.append("a.cpp: the line with '/* torchdevice: ignore */' was rewritten")
    if (repo / "legacy" / "c.cpp").read_text() != "#include <torch/torch.h>\n" + line.format("a") + "\n":
        problems.append("legacy/c.cpp: per_path_ignores DEV not respected")
    expect(not problems, "\n".join(problems) + "\na.cpp:\n" + "\n".join(a) + f"\n{show(r)}")


@case
def cpp_compile_commands(tool, tmp, args):
    """C++ files are parsed with the compile commands the port uses: compile_commands.json found
    in a parent's build/, -p DIR, or flags after `--`. Proven by resolution: with the lite headers
    on the include path torch::kCUDA resolves (a semantic finding); without, it is matched by
    spelling (low confidence)."""
    proj = tmp / "proj"
    write(proj / "src" / "a.cpp", "#include <torch/torch.h>\nauto d = torch::kCUDA;\n")
    db = [{"directory": str(proj / "src"), "file": "a.cpp",
           "command": "clang++ -std=c++17 -xc++ -I/__torchdevice_port__/example-headers -c a.cpp"}]
    write(proj / "build" / "compile_commands.json", json.dumps(db))
    moved = tmp / "elsewhere"
    write(moved / "compile_commands.json", json.dumps(db))

    def low_confidence(*argv, cwd):
        r = tool.check("--no-config", "--format", "json", *argv, cwd=cwd)
        rep = json.loads(r.stdout)
        got = [(f["line"], f["column"], f["rule"]) for f in rep["findings"]]
        expect(r.returncode == 1 and got == [(2, 10, "DEV501")], f"{argv}: {got}\n{show(r)}")
        return rep["findings"][0].get("low_confidence", False)

    expect(not low_confidence("src/a.cpp", cwd=proj), "build/compile_commands.json was not used")
    (proj / "build" / "compile_commands.json").unlink()
    expect(not low_confidence("-p", str(moved), "src/a.cpp", cwd=proj), "-p DIR was not used")
    expect(low_confidence("src/a.cpp", "--", "-std=c++17", "-xc++", cwd=proj),
           "without the include path torch::kCUDA must not resolve (the control of this test)")


if __name__ == "__main__":
    raise SystemExit(main(__doc__.split("\n")[0]))
