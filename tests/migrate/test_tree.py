#!/usr/bin/env python3
"""migrate on a generated tree: the out-root checked file by file, a second run is a no-op, a run
on its own output changes nothing, in place behind the dirty-tree guard, incremental re-runs."""
import os

from migratetest import (ABSENT, COPIED, CPP_FILES, LINKS, NATIVE, PORTED, TRAIN_CPP, case, cpp_flags, expect,
                         expect_rc, git, git_init, main, make_cpp_tree, make_tree, report, show, snapshot, temp_files,
                         without_mtimes, write)

STATE = ".torchdevice-port-state.json"


def port_reference(tool, repo, tmp):
    """What the port command (`torchdevice-port DIR --out-root`) makes of the same source files
    (copied without the rest of the tree)."""
    plain = tmp / "port-in"
    for rel in PORTED:
        write(plain / rel, (repo / rel).read_bytes())
    ref = tmp / "port-ref"
    # The C++ files with the flags the tree's compile database gives them (their include/ moved along).
    r = tool.run(plain, "--out-root", ref, "--target", "cpu", "-q", "--", *cpp_flags(plain / "native"))
    expect_rc(r, (0, 1), "port reference")
    return ref


@case
def out_root_file_by_file(tool, tmp, args):
    repo = make_tree(tmp)
    outside_before = snapshot(tmp / "outside")
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu", "--report", tmp / "r.json", "-j", "2")
    expect_rc(r, 1, "files with problems make exit 1")
    out = tmp / "out"
    ref = port_reference(tool, repo, tmp)
    for rel in PORTED:
        expect((out / rel).is_file() and not (out / rel).is_symlink(), f"{rel} missing in the out-root")
        expect((out / rel).read_bytes() == (ref / rel).read_bytes(),
               f"{rel}: migrate and the port command disagree:\n{(out / rel).read_bytes()!r}\n{(ref / rel).read_bytes()!r}")
    expect(b"torchdevice" in (out / "pkg_a/train.py").read_bytes(), "train.py was not ported")
    expect((out / "broken.py").read_bytes() == (repo / "broken.py").read_bytes(), "a file with a syntax error changed")
    expect((out / "latin1.py").read_bytes() == (repo / "latin1.py").read_bytes(), "a non-UTF-8 file changed")
    expect((out / "native/src/legacy.cpp").read_bytes() == (repo / "native/src/legacy.cpp").read_bytes(),
           "a non-UTF-8 C++ file changed")
    shared = (out / "native/include/shared.h").read_text()
    expect("torchdevice/torchdevice.h" in shared and "kCUDA" not in shared, f"the shared header was not ported:\n{shared}")
    expect((out / "pkg_a/util.py").read_bytes() == (repo / "pkg_a/util.py").read_bytes(), "a file without CUDA changed")
    for rel in COPIED:
        expect((out / rel).is_file() and (out / rel).read_bytes() == (repo / rel).read_bytes(), f"{rel} not copied as it is")
        expect(os.stat(out / rel).st_mode & 0o7777 == os.stat(repo / rel).st_mode & 0o7777, f"{rel}: mode not kept")
    expect(os.access(out / "scripts/run.sh", os.X_OK), "the executable bit was lost")
    for rel, target in LINKS.items():
        expect((out / rel).is_symlink() and os.readlink(out / rel) == target, f"{rel}: link not re-created")
    expect((out / "data_link").is_symlink() and os.readlink(out / "data_link") == str(tmp / "outside"),
           "the link pointing outside was not kept as a link")
    expect(snapshot(tmp / "outside") == outside_before, "something was written outside the out-root")
    for rel in ABSENT:
        expect(not os.path.lexists(out / rel), f"{rel} should not be in the out-root (ignored or never copied)")
    expect(not temp_files(out), f"temporary files left: {temp_files(out)}")
    # Everything in the out-root is accounted for.
    expected = set(PORTED) | set(COPIED) | set(LINKS) | {"data_link", ".torchdevice-port-state.json"}
    files = {k for k, v in snapshot(out).items() if v[0] != "dir"}
    expect(files == expected, f"unexpected entries: {sorted(files - expected)}; missing: {sorted(expected - files)}")

    rep = report(tmp / "r.json")
    by_path = {f["path"]: f for f in rep["files"]}
    expect(set(by_path) == set(PORTED), f"report files: {sorted(by_path)}")
    expect(by_path["broken.py"]["status"] == "skipped" and by_path["broken.py"]["parse_problems"][0]["kind"] == "syntax",
           f"broken.py: {by_path['broken.py']}")
    expect(by_path["broken.py"]["parse_problems"][0]["line"] == 2, "syntax error line")
    expect(by_path["latin1.py"]["parse_problems"][0]["kind"] == "encoding", f"latin1.py: {by_path['latin1.py']}")
    legacy = by_path["native/src/legacy.cpp"]
    expect(legacy["parse_problems"][0]["kind"] == "encoding" and legacy["status"] == "skipped", f"legacy.cpp: {legacy}")
    g = by_path["pkg_a/graphs.py"]
    expect({u["rule"] for u in g["unsupported"]} == {"UNS001", "UNS002"}, f"graphs.py: {g['unsupported']}")
    expect(all(u["line"] > 0 and u["advice"] for u in g["unsupported"]), "unsupported uses need line and advice")
    expect(g["effort"]["level"] == "high" and g["effort"]["rule"] == "UNS001", f"graphs.py effort: {g['effort']}")
    expect(by_path["pkg_a/util.py"]["effort"]["level"] == "none", "util.py needs no work")
    expect(by_path["pkg_a/train.py"]["status"] == "changed" and by_path["pkg_a/train.py"]["edits"]["total"] >= 3,
           f"train.py: {by_path['pkg_a/train.py']['edits']}")
    expect(all(f["language"] == ("cpp" if f["path"] in NATIVE else "python") for f in rep["files"]), "language")
    expect(all(f["low_confidence"] == [] for f in rep["files"] if f["path"] != "native/src/eval.cpp"), "low_confidence")
    expect([lc["line"] for lc in by_path["native/src/eval.cpp"]["low_confidence"]] == [5], "the inactive #ifdef branch")
    for rel in ("native/include/shared.h", "native/src/train.cpp", "native/src/eval.cpp"):
        expect(by_path[rel]["status"] == "changed" and by_path[rel]["edits"]["total"] > 0, f"{rel}: {by_path[rel]}")
    t = rep["total"]
    expect(t["files"]["scanned"] == len(PORTED) and t["files"]["with_problems"] == 3, f"total: {t['files']}")
    expect(t["files"]["copied"] == len(COPIED) and t["files"]["links"] == 3, f"copied/links: {t['files']}")
    expect(rep["repositories"][0]["links_outside_root"] == [f"data_link -> {tmp / 'outside'}"],
           f"links outside: {rep['repositories'][0]['links_outside_root']}")
    expect(rep["complete"] is True and rep["timing"]["files_ported"] == len(PORTED), f"timing: {rep['timing']}")
    expect("broken.py:2:" in r.stderr and "latin1.py" in r.stderr, f"problems not reported on stderr:\n{r.stderr}")


@case
def second_run_is_a_no_op(tool, tmp, args):
    repo = make_tree(tmp)
    args_ = [repo, "--out-root", tmp / "out", "--target", "cpu", "--report", tmp / "r1.json"]
    expect_rc(tool.migrate(*args_), 1)
    before = snapshot(tmp / "out")
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu", "--report", tmp / "r2.json")
    expect_rc(r, 1)
    after = snapshot(tmp / "out")
    changed = [k for k in before if before[k] != after.get(k)]
    expect(not changed and before.keys() == after.keys(), f"the second run touched: {changed}")
    r1, r2 = report(tmp / "r1.json"), report(tmp / "r2.json")
    expect(r2["timing"]["files_ported"] == 0 and r2["timing"]["files_reused"] == len(PORTED), f"{r2['timing']}")
    expect(r1["files"] == r2["files"] and r1["total"]["files"] == r2["total"]["files"], "the reused report differs")
    # Without the state (a fresh run over an existing out-root) nothing is rewritten either.
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu", "--restart")
    expect_rc(r, 1)
    again = snapshot(tmp / "out", skip={".torchdevice-port-state.json"})
    changed = [k for k, v in again.items() if before[k] != v]
    expect(not changed, f"a run without state rewrote: {changed}")


@case
def run_on_its_own_output(tool, tmp, args):
    repo = make_tree(tmp)
    expect_rc(tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu"), 1)
    out = tmp / "out"
    # Into another out-root: the same tree comes out (the earlier state file is not copied).
    # The mirrored build/compile_commands.json names the original tree's files: C++ flags are given.
    flags = ["--", *cpp_flags(out / "native")]
    r = tool.migrate(out, "--out-root", tmp / "out2", "--target", "cpu", "--report", tmp / "r.json", *flags)
    expect_rc(r, 1)
    skip = {".torchdevice-port-state.json"}
    a, b = without_mtimes(snapshot(out, skip)), without_mtimes(snapshot(tmp / "out2", skip))
    diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    expect(not diff, f"porting the ported tree changed: {diff}")
    expect(report(tmp / "r.json")["total"]["files"]["changed"] == 0, "files changed on the second port")
    # In place: nothing is written.
    before = snapshot(out)
    r = tool.migrate(out, "--in-place", "--allow-dirty", "--target", "cpu", "--state", tmp / "s.json", *flags)
    expect_rc(r, 1)
    after = snapshot(out)
    expect(before == after, f"in place on ported code touched: {[k for k in before if before[k] != after.get(k)]}")


@case
def in_place_behind_the_guard(tool, tmp, args):
    repo = make_tree(tmp)
    os.unlink(repo / "data_link")
    git_init(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "init")
    # An uncommitted change in a file the port would change: refused, nothing written.
    write(repo / "pkg_b/model.py", (repo / "pkg_b/model.py").read_text() + "\n# local edit\n")
    before = snapshot(repo, skip={".git"})
    r = tool.migrate(repo, "--in-place", "--target", "cpu")
    expect_rc(r, 4, "dirty tree")
    expect("refusing to rewrite" in r.stderr and "model.py" in r.stderr, show(r))
    after = snapshot(repo, skip={".git", ".torchdevice-port-state.json"})
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    expect(not changed, f"files were written despite the refusal: {changed}")
    git(repo, "checkout", "--", "pkg_b/model.py")
    untouched = snapshot(repo, skip={".git"})
    r = tool.migrate(repo, "--in-place", "--target", "cpu", "--report", tmp / "r.json")
    expect_rc(r, 1, "in place")
    after = snapshot(repo, skip={".git"})
    # (the state file is not a ported file: the refused run may already have saved one, with the
    # files it did not change, when porting took longer than the state's save interval)
    changed = sorted(k for k in after if k in untouched and after[k] != untouched[k] and k != STATE)
    expect(set(changed) == {"pkg_a/train.py", "pkg_a/graphs.py", "pkg_a/secret.py", "pkg_b/model.py",
                            "pkg_b/sub/deep.py", "nested/a/b/real.py", "native/include/shared.h",
                            "native/src/train.cpp", "native/src/eval.cpp"}, f"changed in place: {changed}")
    expect((repo / ".torchdevice-port-state.json").is_file(), "no state file in the root")
    expect(not temp_files(repo), "temporary files left")
    # Second run: nothing is written (mtimes kept), everything reused.
    r = tool.migrate(repo, "--in-place", "--target", "cpu", "--report", tmp / "r2.json")
    expect_rc(r, 1)
    expect(snapshot(repo, skip={".git"}) == after, "the second in-place run wrote")
    expect(report(tmp / "r2.json")["timing"]["files_ported"] == 0, "not reused")


@case
def incremental_after_changes(tool, tmp, args):
    repo = make_tree(tmp)
    common = ["--out-root", tmp / "out", "--target", "cpu"]
    expect_rc(tool.migrate(repo, *common), 1)
    write(repo / "pkg_a/util.py", (repo / "pkg_a/util.py").read_text() + "\nimport torch\nz = torch.ones(1).cuda()\n")
    os.unlink(repo / "pkg_b/sub/deep.py")
    os.unlink(repo / "data/table.csv")
    write(repo / "pkg_c/new.py", "import torch\nw = torch.zeros(1).cuda()\n")
    before = snapshot(tmp / "out")
    r = tool.migrate(repo, *common, "--report", tmp / "r.json")
    expect_rc(r, 1)
    rep = report(tmp / "r.json")
    expect(rep["timing"]["files_ported"] == 2, f"only the changed and the new file are ported: {rep['timing']}")
    expect(b".to(torchdevice.device())" in (tmp / "out/pkg_a/util.py").read_bytes(), "util.py not re-ported")
    expect((tmp / "out/pkg_c/new.py").is_file(), "new file missing")
    expect(not (tmp / "out/pkg_b/sub/deep.py").exists(), "a deleted source stays in the out-root")
    expect(not (tmp / "out/data/table.csv").exists(), "a deleted copy stays in the out-root")
    after = snapshot(tmp / "out")
    touched = sorted(k for k in after if k in before and before[k] != after[k] and after[k][0] != "dir")
    expect(touched == [".torchdevice-port-state.json", "pkg_a/util.py"], f"rewritten: {touched}")


@case
def options_mismatch_refused(tool, tmp, args):
    repo = make_tree(tmp)
    base = [repo, "--out-root", tmp / "out"]
    expect_rc(tool.migrate(*base, "--target", "cpu"), 1)
    for extra, word in ((["--target", "mps"], "target"), (["--target", "cpu", "--select", "MOV"], "rules"),
                        (["--target", "cpu", "--exclude", "pkg_b"], "exclude"),
                        (["--target", "cpu", "--shard", "1/2"], "shard"),
                        (["--target", "cpu", "--vendor-runtime"], "vendor_runtime")):
        before = snapshot(tmp / "out")
        r = tool.migrate(*base, *extra)
        expect_rc(r, 2, f"different options {extra}")
        expect("different settings" in r.stderr and word in r.stderr and "--restart" in r.stderr, show(r))
        expect(snapshot(tmp / "out") == before, f"a refused run wrote ({extra})")
    r = tool.migrate(*base, "--target", "mps", "--restart", "--report", tmp / "r.json")
    expect_rc(r, 1, "--restart")
    expect(report(tmp / "r.json")["target"] == "mps", "restart did not take the new options")
    expect('torchdevice.prefer("mps")' in (tmp / "out/pkg_a/train.py").read_text(), "not re-ported for mps")
    # A file that is not a state file is refused too.
    write(tmp / "bogus.json", "{}")
    r = tool.migrate(*base, "--target", "mps", "--state", tmp / "bogus.json")
    expect_rc(r, 2)
    expect("not a torchdevice-port state file" in r.stderr, show(r))


@case
def non_utf8_file_names(tool, tmp, args):
    repo = tmp / "repo"
    name = os.fsdecode(b"caf\xe9.py")
    write(repo / name, "import torch\nx = torch.ones(1).cuda()\n")
    write(repo / os.fsdecode(b"d\xe9.txt"), "data\n")
    r = tool.migrate(repo, "--out-root", tmp / "out", "--report", tmp / "r.json")
    expect_rc(r, 0, "non-UTF-8 names")
    expect(b"torchdevice" in (tmp / "out" / name).read_bytes(), "the file was not ported")
    expect((tmp / "out" / os.fsdecode(b"d\xe9.txt")).read_bytes() == b"data\n", "the copy is missing")
    rep = report(tmp / "r.json")
    expect([f["path"] for f in rep["files"]] == ["caf\\xE9.py"], f"report path: {[f['path'] for f in rep['files']]}")
    r = tool.migrate(repo, "--out-root", tmp / "out", "--report", tmp / "r.json")
    expect_rc(r, 0)
    expect(report(tmp / "r.json")["timing"]["files_reused"] == 1, "not reused on the second run")


@case
def usage_errors(tool, tmp, args):
    repo = make_tree(tmp)
    for argv, text in (([repo, "--target", "cpu"], "--out-root DIR"),
                       ([repo, "--out-root", repo / "x", "--shard", "3/2"], "--shard"),
                       ([repo, "--out-root", tmp, "--target", "cpu"], "must not contain"),
                       ([repo / "pkg_a/train.py", "--out-root", tmp / "o"], "not a directory"),
                       ([tmp / "nope", "--out-root", tmp / "o"], "no such directory")):
        r = tool.migrate(*argv)
        expect_rc(r, 2, f"usage error {argv}")
        expect(text in r.stderr, show(r))



@case
def cpp_through_the_cpp_frontend(tool, tmp, args):
    repo = make_cpp_tree(tmp)
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu", "--report", tmp / "r.json", "-j", "2")
    expect_rc(r, 0, "C++ tree")
    out = tmp / "out"
    # The same as the port command with the same compile database.
    ref = tmp / "ref"
    r2 = tool.run(repo, "--out-root", ref, "--target", "cpu", "-q", "-p", repo / "build")
    expect_rc(r2, (0, 1), "port reference")
    for rel in CPP_FILES:
        expect((out / rel).read_bytes() == (ref / rel).read_bytes(),
               f"{rel}: migrate and the port command disagree:\n{(out / rel).read_text()}\n---\n{(ref / rel).read_text()}")
    shared = (out / "include/shared.h").read_text()
    expect("torchdevice/torchdevice.h" in shared and "kCUDA" not in shared and "torch::cuda::" not in shared,
           f"the shared header is not ported:\n{shared}")
    expect(shared.count("torchdevice/torchdevice.h") == 1, "the runtime header was included twice")
    train = (out / "src/train.cpp").read_text()
    expect(".cuda()" not in train and "torch::cuda::synchronize" not in train, f"train.cpp not ported:\n{train}")
    expect('TORCHDEVICE_PREFER("cpu")' in train, f"no target in train.cpp:\n{train}")
    rep = report(tmp / "r.json")
    by_path = {f["path"]: f for f in rep["files"]}
    expect(set(by_path) == set(CPP_FILES) | {"tools/plot.py"}, f"report files: {sorted(by_path)}")
    for rel in CPP_FILES:
        expect(by_path[rel]["language"] == "cpp" and by_path[rel]["status"] == "changed", f"{rel}: {by_path[rel]}")
    ev = by_path["src/eval.cpp"]
    expect(any(u["rule"] == "UNS501" or "cudaMalloc" in u["message"] for u in ev["unsupported"]),
           f"cudaMalloc not reported: {ev['unsupported']}")
    expect([l["line"] for l in ev["low_confidence"]] == [5], f"the inactive #ifdef branch: {ev['low_confidence']}")
    expect(by_path["include/shared.h"]["low_confidence"] == [], "the header resolved semantically")
    expect(rep["total"]["by_language"] == {"cpp": {"scanned": 3, "changed": 3, "with_problems": 0},
                                           "python": {"scanned": 1, "changed": 1, "with_problems": 0}},
           f"by_language: {rep['total']['by_language']}")

    # A second run reuses everything; a change to one TU re-ports the C++ set, rewriting only what changed.
    before = snapshot(out)
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu", "--report", tmp / "r2.json")
    expect_rc(r, 0)
    expect(report(tmp / "r2.json")["timing"]["files_ported"] == 0, "the C++ files were ported again")
    expect(snapshot(out) == before, "the second run touched the out-root")
    write(repo / "src/train.cpp", TRAIN_CPP + "\nvoid more() { torch::cuda::synchronize(); }\n")
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "cpu", "--report", tmp / "r3.json")
    expect_rc(r, 0)
    expect(report(tmp / "r3.json")["timing"]["files_ported"] == 3, "a changed TU re-ports the whole C++ set")
    after = snapshot(out)
    touched = sorted(k for k in after if k in before and before[k] != after[k] and after[k][0] != "dir")
    expect(touched == [".torchdevice-port-state.json", "src/train.cpp"], f"rewritten: {touched}")

    # Shards: all C++ files of a repository land in one shard.
    owners = {}
    for k in (1, 2, 3):
        r = tool.migrate(repo, "--out-root", tmp / f"s{k}", "--target", "cpu", "--shard", f"{k}/3",
                         "--report", tmp / f"s{k}.json")
        expect_rc(r, 0, f"shard {k}")
        for f in report(tmp / f"s{k}.json")["files"]:
            owners.setdefault(f["language"], set()).add(k)
    expect(len(owners.get("cpp", ())) == 1, f"C++ files split over shards: {owners}")


@case
def cpp_with_relative_paths(tool, tmp, args):
    # Clang's tooling moves its file system's working directory to each compile command's directory;
    # that must never move the process's, or relative output paths land elsewhere (a regression).
    make_cpp_tree(tmp)
    r = tool.migrate("cpprepo", "--out-root", "out", "--target", "cpu", "--report", "r.md", "-j", "2", cwd=tmp)
    expect_rc(r, 0, "relative paths")
    expect("error" not in r.stderr, show(r))
    expect((tmp / "r.md").is_file(), "the report went elsewhere")
    for rel in CPP_FILES:
        expect((tmp / "out" / rel).is_file(), f"{rel} missing in the out-root")
    r = tool.run("cpprepo", "--out-root", "out2", "-p", "cpprepo/build", "--target", "cpu", "-j", "2", cwd=tmp)
    expect_rc(r, 0, "port with relative paths")
    for rel in CPP_FILES:
        expect((tmp / "out2" / rel).read_bytes() == (tmp / "out" / rel).read_bytes(), f"{rel}: port and migrate differ")
    expect(not list((tmp / "cpprepo").rglob("out*")), "output written inside the input tree")


if __name__ == "__main__":
    main()
