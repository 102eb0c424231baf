#!/usr/bin/env python3
"""Ctrl-C (SIGINT) and SIGTERM during migrate: every output file is either absent or complete
(equal to an uninterrupted run's), the state is consistent, the exit status is 130, and the
resumed run ends with exactly the tree and report of an uninterrupted run."""
import pathlib
import signal
import time

from migratetest import (case, expect, expect_rc, make_big_tree, main, normalised, report, snapshot,
                         temp_files, without_mtimes)

STATE = ".torchdevice-port-state.json"


def interrupt_after_start(tool, argv, sig, delay, phase="porting"):
    """Starts migrate, waits until it reports the phase, then sends sig after delay."""
    p = tool.start_migrate(*argv, "--progress", "lines")
    lines = []
    while True:
        line = p.stderr.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("migrate: " + phase):
            time.sleep(delay)
            p.send_signal(sig)
            break
    out, err = p.communicate(timeout=60)
    return p.returncode, "".join(lines) + err


def interrupt_mid_run(tool, argv, out, sig, delays):
    """Interrupts migrate ARGV after each delay in turn until a run ends interrupted (exit 130);
    a run that finished first (exit 1) is undone by emptying OUT. Returns the interrupted run's
    stderr."""
    for delay in delays:
        rc, err = interrupt_after_start(tool, argv, sig, delay)
        if rc == 130:
            return err
        # Finished before the signal arrived: start over with a shorter delay.
        expect(rc == 1, f"unexpected exit {rc}:\n{err}")
        for p in sorted(pathlib.Path(out).rglob("*"), reverse=True):
            p.unlink() if p.is_file() or p.is_symlink() else p.rmdir()
    raise AssertionError("the run always finished before the signal; make the tree bigger")


def check_partial(reference, partial):
    ref = snapshot(reference, skip={STATE})
    got = snapshot(partial, skip={STATE})
    done = 0
    for rel, entry in got.items():
        expect(rel in ref, f"{rel} is in the interrupted out-root but not in the uninterrupted one")
        if entry[0] == "dir":
            continue
        expect(entry[:3] == ref[rel][:3], f"{rel} is incomplete or differs after the interruption")
        done += entry[0] == "file" and rel.endswith(".py")
    expect(not temp_files(partial), f"temporary files left: {temp_files(partial)}")
    return done


def resume_and_compare(tool, tmp, argv, ref_report):
    r = tool.migrate(*argv, "--report", tmp / "resumed.json")
    expect_rc(r, 1, "resumed run")
    a = without_mtimes(snapshot(tmp / "ref", skip={STATE}))
    b = without_mtimes(snapshot(tmp / "out", skip={STATE}))
    diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    expect(not diff, f"the resumed tree differs from an uninterrupted run: {diff[:10]}")
    resumed = report(tmp / "resumed.json")
    expect(resumed["timing"]["files_reused"] > 0, f"nothing was reused: {resumed['timing']}")
    expect(normalised(resumed) == normalised(ref_report), "the resumed report differs from an uninterrupted run's")


def run_case(tool, tmp, sig, jobs):
    repo = make_big_tree(tmp, packages=40, files=60)
    common = ["--target", "cpu", "-j", str(jobs)]
    r = tool.migrate(repo, "--out-root", tmp / "ref", *common, "--report", tmp / "ref.json", timeout=120)
    expect_rc(r, 1, "uninterrupted run")
    ref_report = report(tmp / "ref.json")
    argv = [repo, "--out-root", tmp / "out", *common]
    err = interrupt_mid_run(tool, argv + ["--report", tmp / "partial.json"], tmp / "out", sig, (0.3, 0.1, 0.02, 0.0))
    expect("interrupted" in err and "run the same command again" in err, f"no clear message:\n{err}")
    done = check_partial(tmp / "ref", tmp / "out")
    expect((tmp / "out" / STATE).is_file(), "no state after the interruption")
    partial = report(tmp / "partial.json")
    expect(partial["complete"] is False, "the partial report says complete")
    total = ref_report["total"]["files"]["scanned"]
    expect(len(partial["files"]) < total, f"the interrupted run did everything ({len(partial['files'])} of {total})")
    resume_and_compare(tool, tmp, argv, ref_report)
    return done


@case
def sigint_then_resume(tool, tmp, args):
    run_case(tool, tmp, signal.SIGINT, 1)


@case
def sigterm_then_resume_parallel(tool, tmp, args):
    run_case(tool, tmp, signal.SIGTERM, 2)


@case
def sigint_in_place(tool, tmp, args):
    """In place the files are ported first and written after the dirty-tree guard; an interrupted
    write phase leaves each file either original or completely ported, and the resumed run
    finishes with what an out-root run makes of the same tree."""
    from migratetest import git, git_init
    repo = make_big_tree(tmp, packages=20, files=40)
    git_init(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    expect_rc(tool.migrate(repo, "--out-root", tmp / "ref", "--target", "cpu"), 1, "reference")
    ported = snapshot(tmp / "ref", skip={STATE})
    original = snapshot(repo, skip={".git"})
    rc, err = interrupt_after_start(tool, [repo, "--in-place", "--target", "cpu", "-j", "1"], signal.SIGINT, 0.05,
                                    phase="writing")
    expect(rc in (130, 1), f"exit {rc}:\n{err}")
    print(f"      (in place: exit {rc})")
    for rel, entry in snapshot(repo, skip={".git", STATE}).items():
        expect(entry[:3] in (original[rel][:3], ported[rel][:3]), f"{rel} is neither original nor ported")
    r = tool.migrate(repo, "--in-place", "--target", "cpu")
    expect_rc(r, 1, "resumed in place")
    a, b = without_mtimes(snapshot(repo, skip={".git", STATE})), without_mtimes(ported)
    expect(a == b, f"resumed in-place tree differs: {sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))[:10]}")


@case
def sigint_during_cpp_then_resume(tool, tmp, args):
    """An interruption while the C++ set is parsed: no C++ output is written (the set is all or
    nothing), the Python files done are complete, and the resumed run equals an uninterrupted one."""
    import json
    from migratetest import write
    from migratetest import LITE_HEADERS, SHARED_H, TRAIN_CPP
    repo = make_big_tree(tmp, packages=2, files=10)
    write(repo / "include" / "shared.h", SHARED_H)
    db = []
    for i in range(12):
        src = repo / "src" / f"tu{i:02d}.cpp"
        write(src, TRAIN_CPP + f"\nint value{i}() {{ return {i}; }}\n")
        db.append({"directory": str(repo), "file": str(src),
                   "arguments": ["clang++", "-std=c++17", "-I" + LITE_HEADERS, "-I" + str(repo / "include"), "-c",
                                 str(src)]})
    write(repo / "build" / "compile_commands.json", json.dumps(db))
    common = ["--target", "cpu", "-j", "1"]
    r = tool.migrate(repo, "--out-root", tmp / "ref", *common, "--report", tmp / "ref.json", timeout=300)
    expect_rc(r, 1, "uninterrupted run")
    ref_report = report(tmp / "ref.json")
    expect(sum(f["language"] == "cpp" for f in ref_report["files"]) == 13, "the C++ files were not ported")
    argv = [repo, "--out-root", tmp / "out", *common]
    interrupt_mid_run(tool, argv + ["--report", tmp / "partial.json"], tmp / "out", signal.SIGINT, (1.0, 0.5, 0.2, 0.0))
    check_partial(tmp / "ref", tmp / "out")
    cpp_out = [p for p in (tmp / "out").rglob("*") if p.suffix in (".cpp", ".h")]
    cpp_ref = [p for p in (tmp / "ref").rglob("*") if p.suffix in (".cpp", ".h")]
    expect(len(cpp_out) in (0, len(cpp_ref)), f"a partial C++ set was written: {len(cpp_out)} of {len(cpp_ref)}")
    resume_and_compare(tool, tmp, argv, ref_report)


if __name__ == "__main__":
    main()
