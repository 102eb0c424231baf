"""Small shared harness for the `torchdevice-port check` test scripts in this directory.

A script defines test functions with @case, then calls main(). Every case runs (a failure does
not stop the others) and prints `ok`/`FAIL` with what went wrong; the exit status is 1 when any
failed. `--only a,b` runs just those cases, `--skip a,b` all but those (CMake uses this to
register cases that document a known engine bug as tests of their own).
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import traceback

CASES = []


class Failure(Exception):
    pass


def case(fn):
    CASES.append(fn)
    return fn


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Tool:
    def __init__(self, path):
        self.path = str(pathlib.Path(path).resolve())

    def check(self, *args, cwd=None, env=None, timeout=60):
        """Runs `torchdevice-port check ARGS` and returns the CompletedProcess (text mode)."""
        return run([self.path, "check", *map(str, args)], cwd=cwd, env=env, timeout=timeout)

    def port(self, *args, cwd=None, env=None):
        return run([self.path, *map(str, args)], cwd=cwd, env=env)


def run(cmd, cwd=None, env=None, timeout=60, check=False, input=None):
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, input=input)
    if check and r.returncode != 0:
        raise Failure(f"{' '.join(map(str, cmd))} failed with exit {r.returncode}:\n{r.stdout}{r.stderr}")
    return r


def show(r):
    """The command, exit status and output of a CompletedProcess, for failure messages."""
    return (f"$ {' '.join(map(str, r.args))}\nexit {r.returncode}\n--- stdout\n{r.stdout}--- stderr\n{r.stderr}")


def clean_env(**extra):
    """The environment without GIT_* variables (a test may itself run inside a git hook)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C.UTF-8"})
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def git(repo, *args, env=None):
    return run(["git", "-C", str(repo), *args], env=env or clean_env(), check=True).stdout


def git_init(repo, env=None):
    repo = pathlib.Path(repo)
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main", env=env)
    git(repo, "config", "user.email", "tests@example.invalid", env=env)
    git(repo, "config", "user.name", "check tests", env=env)
    git(repo, "config", "commit.gpgsign", "false", env=env)
    return repo


def write(path, text, encoding="utf-8"):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def main(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--tool", required=True, help="the torchdevice-port binary")
    ap.add_argument("--only", default="", help="comma-separated case names to run")
    ap.add_argument("--skip", default="", help="comma-separated case names not to run")
    ap.add_argument("--schema", help="SARIF 2.1.0 JSON schema (check_sarif_schema)")
    ap.add_argument("--cases", help="golden case directory (inputs with many findings)")
    ap.add_argument("--hooks", help=".pre-commit-hooks.yaml (check_precommit)")
    args = ap.parse_args()
    only = {n for n in args.only.split(",") if n}
    skip = {n for n in args.skip.split(",") if n}
    names = {fn.__name__ for fn in CASES}
    unknown = (only | skip) - names
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(names))}")
        return 2
    selected = [fn for fn in CASES if (not only or fn.__name__ in only) and fn.__name__ not in skip]
    tool = Tool(args.tool)
    failed = []
    for fn in selected:
        with tempfile.TemporaryDirectory(prefix=f"tdp-{fn.__name__}-") as tmp:
            try:
                fn(tool, pathlib.Path(tmp), args)
                print(f"ok   {fn.__name__}")
            except Failure as e:
                failed.append(fn.__name__)
                print(f"FAIL {fn.__name__}\n{_indent(str(e))}")
            except Exception:  # a bug in the test itself, or a crash: show it all
                failed.append(fn.__name__)
                print(f"FAIL {fn.__name__} (exception)\n{_indent(traceback.format_exc())}")
        sys.stdout.flush()
    if failed:
        print(f"{len(failed)} of {len(selected)} case(s) failed: {', '.join(failed)}")
    return 1 if failed else 0


def _indent(text):
    return "\n".join("    " + line for line in text.rstrip("\n").split("\n"))
