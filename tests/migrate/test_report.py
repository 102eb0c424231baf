#!/usr/bin/env python3
"""The migration report: shards merged equal the unsharded report, merge refuses reports of
different runs, the JSON validates against docs/migrate-report.schema.json, the Markdown matches
a snapshot, HTML renders, and --vendor-runtime."""
import html.parser
import json
import os
import pathlib
import subprocess

import jsonschema

from migratetest import (GRAPHS, HERE, MODEL, TRAIN, UTIL, case, clean_env, expect, expect_rc, main, make_tree,
                         normalise_rendered, normalised, report, show, snapshot, without_mtimes, write)

SNAPSHOT = HERE / "snapshots" / "report.md"


def validator(args):
    schema = json.loads(pathlib.Path(args.schema).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def expect_valid(args, rep, what):
    errors = sorted(validator(args).iter_errors(rep), key=lambda e: list(e.path))
    expect(not errors, f"{what} does not match the schema:\n" +
           "\n".join(f"  {list(e.path)}: {e.message}" for e in errors[:10]))


def two_repos(tmp):
    alpha, beta = tmp / "alpha", tmp / "beta"
    write(alpha / "train.py", TRAIN)
    write(alpha / "graphs.py", GRAPHS)
    write(alpha / "util.py", UTIL)
    write(alpha / "broken.py", "import torch\nx = torch.ones(1).cuda(\n")
    write(alpha / "README.md", "# alpha\n")
    write(beta / "model.py", MODEL)
    write(beta / "lib" / "many.py", "import torch\n" + "torch.cuda.nvtx.range_push('x')\n" * 6)
    write(beta / "lib" / "ok.py", "import torch\nx = torch.ones(1).cuda(non_blocking=True)\n")
    return alpha, beta


@case
def shards_merge_to_the_unsharded_report(tool, tmp, args):
    repo = make_tree(tmp)
    alpha, beta = two_repos(tmp)
    roots = [repo, alpha, beta]
    expect_rc(tool.migrate(*roots, "--out-root", tmp / "all", "--target", "mps", "--report", tmp / "all.json"), 1)
    for k in (1, 2, 3):
        r = tool.migrate(*roots, "--out-root", tmp / f"s{k}", "--target", "mps", "--shard", f"{k}/3",
                         "--report", tmp / f"s{k}.json")
        expect_rc(r, (0, 1), f"shard {k}/3")
    shards = [report(tmp / f"s{k}.json") for k in (1, 2, 3)]
    expect(all(0 < len(s["files"]) < len(report(tmp / "all.json")["files"]) for s in shards),
           f"uneven shards: {[len(s['files']) for s in shards]}")
    r = tool.run("report", "merge", tmp / "s2.json", tmp / "s1.json", tmp / "s3.json", "-o", tmp / "merged.json")
    expect_rc(r, 0, "report merge")
    merged, whole = report(tmp / "merged.json"), report(tmp / "all.json")
    expect(merged["shards"] == {"count": 3, "included": [1, 2, 3]}, f"shards: {merged['shards']}")
    expect_valid(args, merged, "the merged report")
    a, b = normalised(merged), normalised(whole)
    diff = [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)]
    expect(not diff, f"merged and unsharded reports differ in {diff}:\n{json.dumps(a.get(diff[0]), indent=1)[:1500]}\n"
                     f"vs\n{json.dumps(b.get(diff[0]), indent=1)[:1500]}" if diff else "")
    # The shards' out-roots together hold the unsharded out-root.
    union = {}
    for k in (1, 2, 3):
        for rel, entry in without_mtimes(snapshot(tmp / f"s{k}", skip={".torchdevice-port-state.json"})).items():
            if entry[0] != "dir":
                expect(rel not in union or union[rel] == entry, f"{rel} differs between shards")
                union[rel] = entry
    whole_tree = {k: v for k, v in without_mtimes(snapshot(tmp / "all", skip={".torchdevice-port-state.json"})).items()
                  if v[0] != "dir"}
    expect(union == whole_tree, f"shard out-roots differ from the whole: {sorted(union.keys() ^ whole_tree.keys())[:10]}")
    # Markdown of the merged report renders like the unsharded one (but for shards and timings).
    m1 = tool.run("report", "render", tmp / "merged.json").stdout
    m2 = tool.run("report", "render", tmp / "all.json").stdout
    strip = lambda t: normalise_rendered(t).replace(" · shards 1, 2, 3 of 3", "")
    expect(strip(m1) == strip(m2), "merged and unsharded Markdown differ")


@case
def merge_refuses_other_runs(tool, tmp, args):
    alpha, _ = two_repos(tmp)
    def run(name, *extra):
        r = tool.migrate(alpha, "--out-root", tmp / name, "--report", tmp / f"{name}.json", *extra)
        expect_rc(r, (0, 1), name)
        return tmp / f"{name}.json"
    s1 = run("s1", "--target", "cpu", "--shard", "1/2")
    s2 = run("s2", "--target", "cpu", "--shard", "2/2")
    other_target = run("t", "--target", "mps", "--shard", "2/2")
    other_rules = run("r", "--target", "cpu", "--shard", "2/2", "--ignore", "UNS")
    other_count = run("c", "--target", "cpu", "--shard", "2/3")
    write(tmp / "other.json", json.dumps({"hello": 1}))
    tampered = report(s2)
    tampered["tool_version"] = "0.0.1"
    write(tmp / "tampered.json", json.dumps(tampered))
    for inputs, text in (([s1, s1], "shard 1 is in both"), ([s1, other_target], "different targets"),
                         ([s1, other_rules], "different rule sets"), ([s1, other_count], "shard of 3"),
                         ([s1, tmp / "other.json"], "not a torchdevice-port migration report"),
                         ([s1, tmp / "tampered.json"], "different tool versions"),
                         ([s1, tmp / "missing.json"], "missing.json")):
        r = tool.run("report", "merge", *inputs, "-o", tmp / "m.json")
        expect_rc(r, 2, f"merge {inputs}")
        expect(text in r.stderr, show(r))
    expect(not (tmp / "m.json").exists(), "a refused merge wrote its output")
    expect_rc(tool.run("report", "merge", s1, s2, "-o", tmp / "m.json"), 0, "a good merge")


@case
def json_validates_against_the_schema(tool, tmp, args):
    repo = make_tree(tmp)
    alpha, beta = two_repos(tmp)
    expect_rc(tool.migrate(repo, alpha, beta, "--out-root", tmp / "o", "--report", tmp / "r.json",
                           "--vendor-runtime"), 1)
    expect_valid(args, report(tmp / "r.json"), "an out-root report")
    expect_rc(tool.migrate(alpha, "--in-place", "--allow-dirty", "--report", tmp / "i.json"), 1)
    expect_valid(args, report(tmp / "i.json"), "an in-place report")
    # The schema is strict: an unknown field or a wrong type fails.
    bad = report(tmp / "r.json")
    bad["files"][0]["surprise"] = 1
    expect(list(validator(args).iter_errors(bad)), "the schema accepts unknown fields")


@case
def markdown_snapshot(tool, tmp, args):
    alpha, beta = two_repos(tmp)
    r = tool.migrate(alpha, beta, "--out-root", tmp / "o", "--target", "cpu", "--report", tmp / "r.md", "-j", "2")
    expect_rc(r, 1)
    got = normalise_rendered((tmp / "r.md").read_text())
    if args.update:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(got)
        print(f"      updated {SNAPSHOT}")
        return
    want = SNAPSHOT.read_text()
    if got != want:
        import difflib
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "snapshot", "rendered"))
        raise AssertionError(f"the Markdown differs from {SNAPSHOT} (run with --update if intended):\n{diff}")
    # The same report as JSON renders to the same Markdown with `report render`.
    expect_rc(tool.migrate(alpha, beta, "--out-root", tmp / "o", "--target", "cpu", "--report", tmp / "r.json"), 1)
    rendered = tool.run("report", "render", tmp / "r.json").stdout
    expect(normalise_rendered(rendered) == got, "report render differs from --report FILE.md")


class _Checker(html.parser.HTMLParser):
    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tables = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        self.tables += tag == "table"

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


@case
def html_rendering(tool, tmp, args):
    alpha, beta = two_repos(tmp)
    write(alpha / "odd.py", "import torch\n# <b>&\"quoted\"</b>\nx = torch.cuda.CUDAGraph()\n")
    expect_rc(tool.migrate(alpha, beta, "--out-root", tmp / "o", "--report", tmp / "r.html"), 1)
    text = (tmp / "r.html").read_text()
    c = _Checker()
    c.feed(text)
    expect(not c.errors and not c.stack, f"unbalanced HTML: {c.errors[:5]} open: {c.stack}")
    expect(c.tables >= 3 and "<code>alpha/graphs.py</code>" in text and "<script" not in text, "HTML content")
    expect_rc(tool.migrate(alpha, beta, "--out-root", tmp / "o", "--report", tmp / "r.json"), 1)
    r = tool.run("report", "render", tmp / "r.json", "--format", "html", "-o", tmp / "r2.html")
    expect_rc(r, 0)
    expect(normalise_rendered((tmp / "r2.html").read_text()) == normalise_rendered(text), "render --format html differs")


@case
def vendor_runtime(tool, tmp, args):
    alpha, _ = two_repos(tmp)
    os.unlink(alpha / "broken.py")
    out = tmp / "out"
    r = tool.migrate(alpha, "--out-root", out, "--target", "cpu", "--vendor-runtime", "--report", tmp / "r.json")
    expect_rc(r, 0, "vendor")
    runtime = pathlib.Path(__file__).resolve().parents[2] / "runtime" / "python" / "torchdevice"
    for src in runtime.rglob("*.py"):
        rel = src.relative_to(runtime)
        expect((out / "torchdevice" / rel).read_bytes() == src.read_bytes(), f"torchdevice/{rel} not vendored")
    expect(not list((out / "torchdevice").rglob("__pycache__")), "caches were vendored")
    note = (out / "TORCHDEVICE_RUNTIME.md").read_text()
    expect("TorchDevice::runtime" in note, "the note does not name the C++ runtime")
    rep = report(tmp / "r.json")
    expect(rep["runtime"]["vendored"] and rep["runtime"]["python_package"] == ["torchdevice/"], f"{rep['runtime']}")
    expect("TorchDevice::runtime" in rep["runtime"]["cpp"], "the report does not name the C++ runtime")
    # The ported program runs from the out-root without any install step.
    env = clean_env(TORCHDEVICE_DEVICE="cpu")
    env.pop("PYTHONPATH", None)
    p = subprocess.run(["/usr/bin/python3", "train.py"], cwd=out, env=env, capture_output=True, text=True, timeout=120)
    expect(p.returncode == 0 and "loss" in p.stdout, f"the ported program failed:\n{p.stdout}{p.stderr}")
    # A second run changes nothing, and the vendored copy is neither ported nor vendored twice.
    before = snapshot(out)
    expect_rc(tool.migrate(alpha, "--out-root", out, "--target", "cpu", "--vendor-runtime"), 0)
    expect(snapshot(out) == before, "the second vendoring run wrote")
    r = tool.migrate(out, "--out-root", tmp / "out2", "--target", "cpu", "--report", tmp / "r2.json")
    expect_rc(r, 0)
    expect(not any(f["path"].startswith("torchdevice/") for f in report(tmp / "r2.json")["files"]),
           "the vendored runtime was ported")
    # Not found: a clear problem, exit 1, the rest done.
    env = clean_env(TORCHDEVICE_RUNTIME_DIR=str(tmp / "nowhere"))
    r = tool.migrate(alpha, "--out-root", tmp / "out3", "--vendor-runtime", "--report", tmp / "r3.json", env=env)
    expect_rc(r, 1, "runtime not found")
    expect("TORCHDEVICE_RUNTIME_DIR" in r.stderr and "not found" in r.stderr, show(r))
    expect((tmp / "out3" / "train.py").is_file() and not (tmp / "out3" / "torchdevice").exists(), "out3")
    expect(report(tmp / "r3.json")["runtime"]["vendored"] is False, "vendored despite not found")
    # The environment variable points at the runtime: used.
    env = clean_env(TORCHDEVICE_RUNTIME_DIR=str(runtime))
    expect_rc(tool.migrate(alpha, "--out-root", tmp / "out4", "--vendor-runtime", env=env), 0, "env override")
    expect((tmp / "out4" / "torchdevice" / "__init__.py").is_file(), "env override not used")


@case
def cpp_report_validates_and_renders(tool, tmp, args):
    from migratetest import make_cpp_tree
    repo = make_cpp_tree(tmp)
    # A TU with an error: ported anyway, the error in `diagnostics`.
    write(repo / "src" / "odd.cpp", '#include "shared.h"\nvoid f() { undeclared_call(); torch::cuda::synchronize(); }\n')
    db = json.loads((repo / "build" / "compile_commands.json").read_text())
    db.append(dict(db[0], file=str(repo / "src" / "odd.cpp"),
                   arguments=db[0]["arguments"][:-1] + [str(repo / "src" / "odd.cpp")]))
    write(repo / "build" / "compile_commands.json", json.dumps(db))
    r = tool.migrate(repo, "--out-root", tmp / "out", "--target", "mps", "--report", tmp / "r.json")
    expect_rc(r, 0, "C++ tree")
    rep = report(tmp / "r.json")
    expect_valid(args, rep, "a report with C++ files")
    by_path = {f["path"]: f for f in rep["files"]}
    odd = by_path["src/odd.cpp"]
    expect(len(odd["diagnostics"]) == 1 and "undeclared_call" in odd["diagnostics"][0], f"odd.cpp: {odd}")
    expect(odd["status"] == "changed", "a TU with an error is still ported")
    expect(rep["options"]["cpp_compile_commands"] == "" and rep["options"]["cpp_flags"] == [], f"{rep['options']}")
    md = tool.run("report", "render", tmp / "r.json").stdout
    for heading in ("Compiler diagnostics (ported anyway)", "Low-confidence (token-level) edits to review"):
        expect(heading in md, f"no '{heading}' section:\n{md}")
    expect("src/eval.cpp" in md and "UNS5" in md, f"the unsupported C++ use is not in the Markdown:\n{md}")


if __name__ == "__main__":
    main()
