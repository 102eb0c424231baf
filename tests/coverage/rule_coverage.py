#!/usr/bin/env python3
"""Rule coverage of torch's CUDA API surface.

Every public name of the required modules (torch.cuda and its submodules amp, memory, random and
streams, torch.backends.cudnn, torch.backends.cuda), as listed by the torch 2.11 API reference
(shared/reference/torch-2.11-api.json, key "modules" -> module -> "names"), must be classified by
a Python rule that lists its exact qualified name: ported (rename/rewrite), keep, or unsupported.
Wildcards (torch.cuda.*) do not count.

Prints a table per module; exits 1 when a required module is below 100%, listing the missing
names. torch.mps, torch.backends.mps and the other torch.cuda submodules, and the torch 1.13
reference, are reported for information only.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
from dataclasses import dataclass, field

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_RULES = REPO_ROOT / "rules" / "python"
DEFAULT_REFERENCE = REPO_ROOT.parent / "shared" / "reference"
REFERENCE_FILE = "torch-2.11-api.json"
OLD_REFERENCE_FILE = "torch-1.13-api.json"

REQUIRED_MODULES = [
    "torch.cuda",
    "torch.cuda.amp",
    "torch.cuda.memory",
    "torch.cuda.random",
    "torch.cuda.streams",
    "torch.backends.cudnn",
    "torch.backends.cuda",
]
INFORMATIONAL_MODULES = [
    "torch.mps",
    "torch.backends.mps",
    "torch.mps.event",
    "torch.mps.profiler",
    "torch.cuda.graphs",
    "torch.cuda.nvtx",
    "torch.cuda.comm",
    "torch.cuda.gds",
    "torch.cuda.sparse",
    "torch.cuda.tunable",
]
PORTED_KINDS = ("rename", "rewrite")


@dataclass
class ModuleCoverage:
    module: str
    names: list[str]
    classified: dict[str, dict] = field(default_factory=dict)  # name -> rule

    @property
    def missing(self) -> list[str]:
        return [n for n in self.names if n not in self.classified]

    def count(self, kinds: tuple[str, ...]) -> int:
        return sum(1 for r in self.classified.values() if r["kind"] in kinds)

    @property
    def percent(self) -> float:
        return 100.0 if not self.names else 100.0 * len(self.classified) / len(self.names)


def load_rules(rules_dir: pathlib.Path) -> list[dict]:
    """Every rule of every *.json file directly under rules_dir, in file then rule order."""
    rules: list[dict] = []
    files = sorted(rules_dir.glob("*.json"))
    if not files:
        raise SystemExit(f"rule_coverage: no rule files in {rules_dir}")
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for rule in doc.get("rules", []):
            rule = dict(rule)
            rule["_file"] = path.name
            rules.append(rule)
    return rules


def exact_names(rules: list[dict]) -> dict[str, dict]:
    """Qualified name -> the rule that lists it exactly (wildcards excluded)."""
    out: dict[str, dict] = {}
    for rule in rules:
        names = rule.get("match", {}).get("name")
        if names is None:
            continue
        for name in [names] if isinstance(names, str) else names:
            if name.endswith(".*"):
                continue
            if name in out and out[name]["id"] != rule["id"]:
                raise SystemExit(f"rule_coverage: {name} is listed by both {out[name]['id']} and {rule['id']}")
            out[name] = rule
    return out


def load_reference(reference_dir: pathlib.Path, file_name: str = REFERENCE_FILE) -> dict:
    path = reference_dir / file_name
    if not path.is_file():
        raise SystemExit(f"rule_coverage: API reference {path} not found (pass --reference DIR)")
    return json.loads(path.read_text(encoding="utf-8"))


def module_coverage(reference: dict, modules: list[str], names: dict[str, dict]) -> list[ModuleCoverage]:
    out = []
    for module in modules:
        entry = reference.get("modules", {}).get(module)
        listed = sorted(entry.get("names", {})) if entry else []
        cov = ModuleCoverage(module, listed)
        for n in listed:
            rule = names.get(f"{module}.{n}")
            if rule is not None:
                cov.classified[n] = rule
        out.append(cov)
    return out


def format_table(rows: list[ModuleCoverage]) -> str:
    header = ("module", "names", "ported", "keep", "unsupported", "missing", "coverage")
    lines = [header]
    for c in rows:
        lines.append((c.module, str(len(c.names)), str(c.count(PORTED_KINDS)), str(c.count(("keep",))),
                      str(c.count(("unsupported",))), str(len(c.missing)), f"{c.percent:.1f}%"))
    total_names = sum(len(c.names) for c in rows)
    total_classified = sum(len(c.classified) for c in rows)
    pct = 100.0 if not total_names else 100.0 * total_classified / total_names
    lines.append(("total", str(total_names), str(sum(c.count(PORTED_KINDS) for c in rows)),
                  str(sum(c.count(("keep",)) for c in rows)), str(sum(c.count(("unsupported",)) for c in rows)),
                  str(total_names - total_classified), f"{pct:.1f}%"))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    text = []
    for i, row in enumerate(lines):
        text.append("  ".join(cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                              for j, cell in enumerate(row)))
        if i == 0 or i == len(lines) - 2:
            text.append("  ".join("-" * w for w in widths))
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rule coverage of torch's CUDA API surface.")
    ap.add_argument("--rules", type=pathlib.Path, default=DEFAULT_RULES, help="directory of Python rule files")
    ap.add_argument("--reference", type=pathlib.Path, default=DEFAULT_REFERENCE,
                    help="directory holding torch-2.11-api.json (default: ../shared/reference beside the checkout)")
    ap.add_argument("--verbose", action="store_true", help="also list every name with the rule classifying it")
    args = ap.parse_args(argv)

    names = exact_names(load_rules(args.rules))
    reference = load_reference(args.reference)
    required = module_coverage(reference, REQUIRED_MODULES, names)
    absent = [c.module for c in required if not c.names]

    print(f"Rule coverage against torch {reference.get('torch_version', '?')} (required modules)")
    print(format_table(required))
    print()
    print("Informational (not required)")
    print(format_table(module_coverage(reference, INFORMATIONAL_MODULES, names)))
    old_path = args.reference / OLD_REFERENCE_FILE
    if old_path.is_file():
        old = json.loads(old_path.read_text(encoding="utf-8"))
        print()
        print(f"Informational: torch {old.get('torch_version', '1.13')} reference, required modules")
        old_rows = module_coverage(old, REQUIRED_MODULES, names)
        print(format_table(old_rows))
        for c in old_rows:
            if c.missing:
                print(f"  {c.module}: not classified: {', '.join(c.missing)}")

    if args.verbose:
        print()
        for c in required:
            for n in c.names:
                rule = c.classified.get(n)
                print(f"{c.module}.{n}: {rule['id'] + ' (' + rule['kind'] + ')' if rule else 'MISSING'}")

    missing = [f"{c.module}.{n}" for c in required for n in c.missing]
    if absent:
        print(f"\nFAIL: the reference lists no names for: {', '.join(absent)}")
        return 1
    if missing:
        print(f"\nFAIL: {len(missing)} name(s) of the required modules are not classified by any rule:")
        for m in missing:
            print(f"  {m}")
        return 1
    print("\nOK: every name of the required modules is classified by a rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
