#!/usr/bin/env python3
"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real `pre-commit` framework in
temporary git repositories, offline.

The hook repository is a temporary git repository holding a copy of this checkout's
.pre-commit-hooks.yaml (committed there, so pre-commit clones it from a local path: no network);
the project repositories name it with `repo: <path>` and `rev: <sha>`, exactly as a user's
.pre-commit-config.yaml names the real repository. The tool is put on PATH from --tool's
directory; HOME, XDG_CACHE_HOME and PRE_COMMIT_HOME point into the temporary directory.
"""
import os
import pathlib
import shutil

import yaml

from checktest import case, clean_env, expect, git, git_init, main, run, show, write

HARD_CODED = 'import torch\n\ndevice = torch.device("cuda")\n'
SUPPRESSED = 'import torch\n\ndevice = torch.device("cuda")  # torchdevice: ignore[DEV001]\n'
# C++ without includes (cheap to parse): torch::kCUDA does not resolve and is matched by spelling.
CPP_HARD_CODED = "torch::Device pick() { return torch::Device(torch::kCUDA); }\n"
CPP_COLUMN = CPP_HARD_CODED.index("torch::kCUDA") + 1
CPP_SUPPRESSED = CPP_HARD_CODED.replace("}\n", "}  // torchdevice: ignore\n")


class Sandbox:
    """A temporary HOME, pre-commit cache and hook repository, and a project repository."""

    def __init__(self, tool, tmp, hooks_file, hook_ids):
        self.env = clean_env(
            HOME=str(tmp / "home"),
            XDG_CACHE_HOME=str(tmp / "cache"),
            PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
            PRE_COMMIT_COLOR="never",
            PATH=str(pathlib.Path(tool.path).parent) + ":" + clean_env()["PATH"],
        )
        for var in ("SKIP", "PRE_COMMIT", "PRE_COMMIT_ALLOW_NO_CONFIG"):  # set when run from a hook
            self.env.pop(var, None)
        for d in ("home", "cache", "pre-commit-home"):
            (tmp / d).mkdir()
        found = shutil.which("torchdevice-port", path=self.env["PATH"])
        expect(found and os.path.samefile(found, tool.path), f"torchdevice-port on the test PATH is {found}, not {tool.path}")
        expect(shutil.which("pre-commit", path=self.env["PATH"]), "the pre-commit command is not on PATH")
        hooks_repo = git_init(tmp / "hooks-repo", env=self.env)
        shutil.copyfile(hooks_file, hooks_repo / ".pre-commit-hooks.yaml")
        git(hooks_repo, "add", ".pre-commit-hooks.yaml", env=self.env)
        git(hooks_repo, "commit", "-q", "-m", "hooks", env=self.env)
        rev = git(hooks_repo, "rev-parse", "HEAD", env=self.env).strip()
        config = {"repos": [{"repo": str(hooks_repo), "rev": rev, "hooks": [{"id": i} for i in hook_ids]}]}
        self.repo = git_init(tmp / "project", env=self.env)
        write(self.repo / ".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
        r = self.run("pre-commit", "install")
        expect(r.returncode == 0, f"pre-commit install failed:\n{show(r)}")

    def run(self, *cmd):
        return run(list(cmd), cwd=self.repo, env=self.env, timeout=50)

    def head(self):
        r = self.run("git", "rev-parse", "-q", "--verify", "HEAD")
        return r.stdout.strip()

    def commit(self, message, *paths):
        """Stages PATHS and runs `git commit` (which runs the hooks); returns (accepted, output)."""
        self.run("git", "add", *paths)
        before = self.head()
        r = self.run("git", "commit", "-m", message)
        accepted = r.returncode == 0 and self.head() != before
        expect(accepted == (r.returncode == 0), f"git commit exit status and HEAD disagree:\n{show(r)}")
        return accepted, r.stdout + r.stderr


def hooks_path(args):
    expect(args.hooks, "--hooks .pre-commit-hooks.yaml is required")
    return pathlib.Path(args.hooks)


@case
def manifest_is_valid(tool, tmp, args):
    path = hooks_path(args)
    r = run(["pre-commit", "validate-manifest", str(path)], env=clean_env())
    expect(r.returncode == 0, f"pre-commit rejects the manifest:\n{show(r)}")
    hooks = {h["id"]: h for h in yaml.safe_load(path.read_text())}
    expect(set(hooks) >= {"torchdevice-port", "torchdevice-port-fix"}, f"hook ids: {sorted(hooks)}")
    for hook in hooks.values():
        expect(hook["language"] == "system", f"{hook['id']}: language {hook['language']!r} (a native binary: system)")
        expect(hook["entry"].split()[:2] == ["torchdevice-port", "check"],
               f"{hook['id']}: entry {hook['entry']!r} does not run `torchdevice-port check`")
        expect(hook.get("types_or") == ["python", "c++"] and "types" not in hook,
               f"{hook['id']}: types_or {hook.get('types_or')!r}, types {hook.get('types')!r}")
        expect(hook.get("pass_filenames", True), f"{hook['id']}: must receive the staged file names")
    fix = hooks["torchdevice-port-fix"]
    expect("--fix" in fix["entry"].split() + fix.get("args", []), "torchdevice-port-fix does not pass --fix")
    plain = hooks["torchdevice-port"]
    expect("--fix" not in plain["entry"].split() + plain.get("args", []), "torchdevice-port must not rewrite")


@case
def check_hook_gates_commits(tool, tmp, args):
    box = Sandbox(tool, tmp, hooks_path(args), ["torchdevice-port"])

    # No Python files: the hook has nothing to check and the commit goes through, even when a
    # non-Python file says "cuda".
    write(box.repo / "README.md", 'Runs on "cuda" and on the CPU.\n')
    write(box.repo / "notes.txt", 'x = torch.device("cuda")\n')
    ok, out = box.commit("docs", ".pre-commit-config.yaml", "README.md", "notes.txt")
    expect(ok, f"a commit without Python files was rejected:\n{out}")
    expect("torchdevice-port check" in out and "Skipped" in out, f"the hook did not report 'Skipped':\n{out}")

    # A hard-coded "cuda" is rejected, with the finding shown.
    write(box.repo / "train.py", HARD_CODED)
    ok, out = box.commit("add train.py", "train.py")
    expect(not ok, f"a commit adding a hard-coded \"cuda\" was accepted:\n{out}")
    expect("train.py:3:23: DEV001" in out, f"the finding train.py:3:23: DEV001 is not shown:\n{out}")
    expect("Failed" in out, f"pre-commit did not report the hook as failed:\n{out}")

    # The same commit with a suppression comment is accepted.
    write(box.repo / "train.py", SUPPRESSED)
    ok, out = box.commit("add train.py (suppressed)", "train.py")
    expect(ok, f"a commit whose only finding is suppressed was rejected:\n{out}")
    expect("Passed" in out, f"the hook did not pass:\n{out}")

    # C++: a hard-coded torch::kCUDA is rejected with the finding shown; suppressed, accepted.
    write(box.repo / "src" / "pick.cpp", CPP_HARD_CODED)
    ok, out = box.commit("add pick.cpp", "src/pick.cpp")
    expect(not ok and f"src/pick.cpp:1:{CPP_COLUMN}: DEV501" in out,
           f"a commit adding a hard-coded torch::kCUDA was not rejected with src/pick.cpp:1:{CPP_COLUMN}: DEV501:\n{out}")
    write(box.repo / "src" / "pick.cpp", CPP_SUPPRESSED)
    ok, out = box.commit("add pick.cpp (suppressed)", "src/pick.cpp")
    expect(ok and "Passed" in out, f"a C++ commit whose only finding is suppressed was rejected:\n{out}")

    # Hard-coded code is rejected; ported by the tool (check --fix on the staged file), accepted.
    write(box.repo / "model.py", "import torch\n\nnet = torch.nn.Linear(2, 2).cuda()\ntorch.cuda.synchronize()\n")
    ok, out = box.commit("add model.py", "model.py")
    expect(not ok and "model.py:3:29: MOV001" in out and "model.py:4:1: SYN001" in out,
           f"model.py was not rejected with its findings:\n{out}")
    r = box.run("torchdevice-port", "check", "--fix", "model.py")
    expect(r.returncode == 0, f"check --fix on the staged model.py:\n{show(r)}")
    ported = (box.repo / "model.py").read_text()
    expect("import torchdevice" in ported and ".cuda()" not in ported, f"model.py was not ported:\n{ported}")
    ok, out = box.commit("add model.py (ported)", "model.py")
    expect(ok, f"the ported model.py was rejected:\n{out}")

    # Only staged files are checked: a commit touching no Python file passes although the tree
    # holds Python files.
    write(box.repo / "README.md", "Ported.\n")
    ok, out = box.commit("readme", "README.md")
    expect(ok and "Skipped" in out, f"a README-only commit did not pass with the hook skipped:\n{out}")

    # pre-commit identifies an executable script by its python shebang: it is checked too.
    script = write(box.repo / "bin" / "run", '#!/usr/bin/env python3\nimport torch\nx = torch.zeros(1).to("cuda")\n')
    script.chmod(0o755)  # pre-commit reads the shebang of executable files only
    ok, out = box.commit("script", "bin/run")
    expect(not ok and "bin/run:3:23: DEV001" in out, f"the python script bin/run was not checked:\n{out}")
    box.run("git", "rm", "-q", "--cached", "bin/run")

    # Files that pre-commit calls Python but that are not .py and have no shebang are left out
    # (the tool would refuse them as 'not a Python file').
    write(box.repo / "app.wsgi", 'import torch\nx = torch.zeros(1).to("cuda")\n')
    ok, out = box.commit("wsgi", "app.wsgi")
    expect(ok and "Skipped" in out, f"app.wsgi was not left out:\n{out}")

    log = box.run("git", "log", "--format=%s").stdout.split("\n")
    expect(log[:6] == ["wsgi", "readme", "add model.py (ported)", "add pick.cpp (suppressed)", "add train.py (suppressed)",
                       "docs"],
           f"unexpected history: {log}")


@case
def fix_hook_ports_staged_files(tool, tmp, args):
    box = Sandbox(tool, tmp, hooks_path(args), ["torchdevice-port-fix"])
    ok, out = box.commit("config", ".pre-commit-config.yaml")
    expect(ok, f"the first commit was rejected:\n{out}")

    original = "import torch\n\nx = torch.zeros(3).cuda()\nif x.is_cuda:\n    torch.cuda.synchronize()\n"
    write(box.repo / "prep.py", original)
    ok, out = box.commit("add prep.py", "prep.py")
    expect(not ok, f"the fix hook let a hard-coded .cuda() through:\n{out}")
    expect("files were modified by this hook" in out, f"pre-commit did not report the rewrite:\n{out}")
    ported = (box.repo / "prep.py").read_text()
    expect(ported != original and "import torchdevice" in ported and ".cuda()" not in ported
           and "torch.cuda.synchronize" not in ported, f"prep.py was not ported:\n{ported}")
    # The index still holds the original: review, stage the rewrite, commit again.
    staged = box.run("git", "show", ":prep.py").stdout
    expect(staged == original, "the fix hook changed the index")
    ok, out = box.commit("add prep.py (ported)", "prep.py")
    expect(ok, f"the ported prep.py was rejected by the fix hook:\n{out}")

    # What --fix cannot port stays a finding and fails the hook, file untouched.
    unfixable = "import torch\n\ng = torch.cuda.CUDAGraph()\n"
    write(box.repo / "graphs.py", unfixable)
    ok, out = box.commit("add graphs.py", "graphs.py")
    expect(not ok and "graphs.py:3:5: UNS001" in out, f"the unfixable finding was not reported:\n{out}")
    expect((box.repo / "graphs.py").read_text() == unfixable, "graphs.py was modified")


if __name__ == "__main__":
    raise SystemExit(main(__doc__.split("\n\n")[0]))
