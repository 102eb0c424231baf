#!/usr/bin/env python3
"""`check --format sarif` output validated against the SARIF 2.1.0 JSON schema (--schema), with
the structural properties that code-scanning consumers rely on: rules referenced by index,
regions, artifact URIs that resolve to the checked files, invocation success."""
import json
import pathlib
import shutil
import urllib.parse

import jsonschema

from checktest import Failure, case, expect, main, show, write


def validator(args):
    expect(args.schema and pathlib.Path(args.schema).is_file(), f"--schema {args.schema!r} is not a file")
    schema = json.loads(pathlib.Path(args.schema).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


def schema_errors(v, doc):
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors[:20]]


def sarif(tool, cwd, *cmd, rc=1):
    r = tool.check("--no-config", "--format", "sarif", *cmd, cwd=cwd)
    expect(r.returncode == rc, f"expected exit {rc}:\n{show(r)}")
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError as e:
        raise Failure(f"not JSON ({e}):\n{show(r)}") from None


def artifact_path(run, location):
    """The local file an artifactLocation names (resolving uriBaseId through originalUriBaseIds)."""
    art = location["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    if "uriBaseId" in art:
        base = run["originalUriBaseIds"][art["uriBaseId"]]["uri"]
        expect(base.endswith("/"), f"a base URI must end with '/': {base!r}")
        uri = urllib.parse.urljoin(base, uri)
    parsed = urllib.parse.urlparse(uri)
    expect(parsed.scheme == "file", f"artifact URI {uri!r} is not a file:// URI (nor relative to a file:// base)")
    return pathlib.Path(urllib.parse.unquote(parsed.path))


def check_structure(doc, tool_version=None):
    expect(doc.get("version") == "2.1.0", f"version {doc.get('version')!r}")
    expect(len(doc["runs"]) == 1, "one run")
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    expect(driver["name"] == "torchdevice-port", f"driver name {driver['name']!r}")
    if tool_version:
        expect(driver.get("version") == tool_version, f"driver version {driver.get('version')!r}")
    ids = [r["id"] for r in driver.get("rules", [])]
    expect(len(ids) == len(set(ids)), f"duplicate rule descriptors: {ids}")
    for rule in driver.get("rules", []):
        expect(rule["shortDescription"]["text"] and rule["fullDescription"]["text"], f"descriptions of {rule['id']}")
    used = set()
    for res in run["results"]:
        idx = res["ruleIndex"]
        expect(0 <= idx < len(ids) and ids[idx] == res["ruleId"], f"ruleIndex {idx} does not point at {res['ruleId']}")
        used.add(res["ruleId"])
        expect(res["level"] in ("warning", "error", "note"), f"level {res['level']!r}")
        expect(res["message"]["text"], "empty message")
        expect(len(res["locations"]) == 1, "one location per result")
        region = res["locations"][0]["physicalLocation"]["region"]
        expect(region["startLine"] >= 1 and region["startColumn"] >= 1, f"region {region}")
        end, start = (region["endLine"], region["endColumn"]), (region["startLine"], region["startColumn"])
        # A finding spans its matched text; TDP100 (a comment) may be an empty region (insertion point).
        expect(end > start or (end == start and res["ruleId"] == "TDP100"), f"region {region} of {res['ruleId']}")
        expect(isinstance(res.get("properties", {}).get("fixable"), bool), f"properties.fixable of {res}")
    expect(used == set(ids), f"rule descriptors not used by any result: {set(ids) - used}")
    expect(run.get("columnKind") == "unicodeCodePoints", f"columnKind {run.get('columnKind')!r}")
    return run


@case
def schema_valid_many_rules(tool, tmp, args):
    """Every golden case at once (findings of every family, TDP100, non-ASCII), file names that
    need percent-encoding."""
    v = validator(args)
    expect(args.cases, "--cases is required")
    src = tmp / "src"
    for case_dir in sorted(pathlib.Path(args.cases).iterdir()):
        if (case_dir / "input.py").is_file():
            write(src / f"{case_dir.name}.py", (case_dir / "input.py").read_text(encoding="utf-8"))
    shutil.copyfile(src / "move.py", src / "spaced name #1 é.py")
    doc = sarif(tool, tmp, "--report-unused-suppressions", "src")
    problems = schema_errors(v, doc)
    expect(not problems, "SARIF does not validate against the 2.1.0 schema:\n" + "\n".join(problems))
    version = tool.port("--version").stdout.split()[-1]
    run = check_structure(doc, version)
    ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    families = {i[:3] for i in ids}
    expect(families >= {"DEV", "MOV", "QRY", "SYN", "MEM", "RNG", "STR", "AMP", "LEG", "BKN", "DST", "UNS", "TDP"},
           f"rule families in the run: {sorted(families)}")
    for res in run["results"]:
        path = artifact_path(run, res["locations"][0])
        expect(path.is_file() and path.resolve().parent == src.resolve(), f"URI does not resolve to a checked file: {path}")
    expect(run["invocations"][0]["executionSuccessful"] is True, "executionSuccessful")
    json_rep = json.loads(tool.check("--no-config", "--format", "json", "--report-unused-suppressions", "src", cwd=tmp).stdout)
    expect(len(run["results"]) == len(json_rep["findings"]), "SARIF and JSON disagree on the number of findings")


@case
def schema_valid_cpp(tool, tmp, args):
    """Every C++ golden case at once (findings of every C++ family, token-level matches in a
    header without includes), checked against the lite LibTorch headers embedded in the tool."""
    v = validator(args)
    expect(args.cases, "--cases is required")
    src = tmp / "src"
    for case_dir in sorted(pathlib.Path(args.cases).iterdir()):
        for name in ("input.cpp", "input.h"):
            if (case_dir / name).is_file():
                write(src / f"{case_dir.name}{pathlib.Path(name).suffix}", (case_dir / name).read_text(encoding="utf-8"))
    flags = ["--", "-std=c++17", "-xc++", "-I/__torchdevice_port__/example-headers"]
    doc = sarif(tool, tmp, "--report-unused-suppressions", "src", *flags)
    problems = schema_errors(v, doc)
    expect(not problems, "SARIF does not validate against the 2.1.0 schema:\n" + "\n".join(problems))
    run = check_structure(doc)
    families = {r["id"][:4] if r["id"][3] == "5" else r["id"][:3] for r in run["tool"]["driver"]["rules"]}
    expect(families >= {"DEV5", "MOV5", "QRY5", "SYN5", "MEM5", "RNG5", "STR5", "INC5", "UNS5", "TDP"},
           f"C++ rule families in the run: {sorted(families)}")
    for res in run["results"]:
        path = artifact_path(run, res["locations"][0])
        expect(path.is_file() and path.suffix in (".cpp", ".h"), f"URI does not resolve to a checked C++ file: {path}")
    expect(run["invocations"][0]["executionSuccessful"] is True, "executionSuccessful")


@case
def schema_valid_clean_run(tool, tmp, args):
    v = validator(args)
    write(tmp / "ok.py", "import torch\nx = torch.zeros(1)\nprint('cuda')\n")
    doc = sarif(tool, tmp, "ok.py", rc=0)
    problems = schema_errors(v, doc)
    expect(not problems, "clean-run SARIF is invalid:\n" + "\n".join(problems))
    run = check_structure(doc)
    expect(run["results"] == [], f"results of a clean run: {run['results']}")
    expect(run["invocations"][0]["executionSuccessful"] is True, "executionSuccessful")


@case
def schema_valid_with_errors(tool, tmp, args):
    v = validator(args)
    write(tmp / "a.py", "import torch\nx = torch.zeros(1).cuda()\n")
    write(tmp / "broken.py", "import torch\ntorch.cuda.synchronize(\n")
    write(tmp / "notes.txt", "cuda\n")
    doc = sarif(tool, tmp, "a.py", "broken.py", "notes.txt", rc=2)
    problems = schema_errors(v, doc)
    expect(not problems, "SARIF with input errors is invalid:\n" + "\n".join(problems))
    run = check_structure(doc)
    inv = run["invocations"][0]
    expect(inv["executionSuccessful"] is False, "executionSuccessful must be false with input errors")
    notes = [n["message"]["text"] for n in inv.get("toolExecutionNotifications", [])]
    expect(len(notes) == 2 and any("broken.py" in n for n in notes) and any("notes.txt" in n for n in notes),
           f"toolExecutionNotifications: {notes}")
    expect([r["ruleId"] for r in run["results"]] == ["MOV001"], "the good file is still reported")


@case
def schema_rejects_broken_sarif(tool, tmp, args):
    """The validator is not vacuous: a damaged document fails."""
    v = validator(args)
    write(tmp / "a.py", "import torch\nx = torch.zeros(1).cuda()\n")
    doc = sarif(tool, tmp, "a.py")
    for damage in (lambda d: d.__setitem__("version", "2.0.0"),
                   lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].__setitem__("startLine", 0),
                   lambda d: d["runs"][0]["results"][0].__setitem__("level", "fatal")):
        bad = json.loads(json.dumps(doc))
        damage(bad)
        expect(schema_errors(v, bad), "a damaged SARIF document validated")


@case
def output_file_for_upload(tool, tmp, args):
    """The CI recipe: `check --format sarif -o results.sarif src/`, run from the repository root."""
    v = validator(args)
    write(tmp / "src" / "pkg" / "m.py", 'import torch\nd = torch.device("cuda")\n')
    r = tool.check("--no-config", "--format", "sarif", "-o", "results.sarif", "src/", cwd=tmp)
    expect(r.returncode == 1 and r.stdout == "", show(r))
    doc = json.loads((tmp / "results.sarif").read_text(encoding="utf-8"))
    expect(not schema_errors(v, doc), "results.sarif is invalid")
    run = check_structure(doc)
    art = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    expect(art == {"uri": "src/pkg/m.py", "uriBaseId": "%SRCROOT%"}, f"artifactLocation {art}")
    expect(artifact_path(run, run["results"][0]["locations"][0]) == (tmp / "src" / "pkg" / "m.py").resolve(),
           "the URI does not resolve to the file")


@case
def absolute_paths(tool, tmp, args):
    """A file named by an absolute path gets an absolute file:// URI (or a uriBaseId): a bare
    '/abs/path.py' is a relative reference in URI terms, which code scanning cannot place."""
    v = validator(args)
    f = write(tmp / "abs" / "m.py", 'import torch\nd = torch.device("cuda")\n').resolve()
    doc = sarif(tool, tmp, str(f))
    expect(not schema_errors(v, doc), "SARIF is invalid")
    run = check_structure(doc)
    art = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    expect(urllib.parse.urlparse(uri).scheme == "file" or "uriBaseId" in art,
           f"artifactLocation {art}: an absolute path must be a file:// URI")
    expect(artifact_path(run, run["results"][0]["locations"][0]) == f, f"{uri!r} does not resolve to {f}")


if __name__ == "__main__":
    raise SystemExit(main(__doc__.split("\n")[0]))
