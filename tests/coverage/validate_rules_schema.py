#!/usr/bin/env python3
"""Validates every rule file under rules/ against rules/schema/rule-file.schema.json.

Besides the JSON Schema, it checks what a schema cannot express (docs/rule-format.md):
rule ids are unique over all files, rewrite templates parse and use only the variables their
match kind provides, and a built-in file rules/<language>/<category>.json holds only rules of
that language and category.

Exit status: 0 when every file is valid, 1 otherwise (each problem is printed as FILE: RULE: what).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover - reported, not hidden
    print("validate_rules_schema: python3-jsonschema is required (apt install python3-jsonschema)",
          file=sys.stderr)
    sys.exit(2)

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
CALL_VARIABLES = {"ARGS", "KWARGS"} | {str(d) for d in range(10)}


def parse_template(text: str) -> list[str]:
    """Returns the variables of a template; raises ValueError on a malformed one."""
    variables: list[str] = []
    pos = 0
    in_group = False
    while pos < len(text):
        c = text[pos]
        if in_group and c == "]":
            in_group = False
            pos += 1
            continue
        if c != "$":
            pos += 1
            continue
        if pos + 1 >= len(text):
            raise ValueError("'$' at the end of the template")
        nxt = text[pos + 1]
        if nxt in "$]":
            pos += 2
        elif nxt == "[":
            if in_group:
                raise ValueError("optional groups '$[...]' cannot nest")
            in_group = True
            pos += 2
        elif nxt.isdigit():
            variables.append(nxt)
            pos += 2
        elif nxt.isalpha() or nxt == "_":
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text[pos + 1:])
            variables.append(m.group(0))
            pos += 1 + len(m.group(0))
        else:
            raise ValueError(f"'$' must be followed by a variable name, a digit, '[', ']' or '$', not {nxt!r}")
    if in_group:
        raise ValueError("'$[' without a closing ']'")
    return variables


def allowed_variables(match: dict) -> set[str]:
    """The template variables a match kind provides (docs/rule-format.md, "Match kinds")."""
    allowed = {"MATCH"}
    params = set(match.get("params", []))
    if "name" in match:
        allowed |= CALL_VARIABLES | params
    elif "method" in match:
        allowed |= {"RECV"} | CALL_VARIABLES | params
    elif "attribute" in match:
        allowed |= {"RECV"}
    elif "device_string" in match:
        allowed |= {"INDEX"}
    return allowed


def rule_files(rules_dir: pathlib.Path) -> list[pathlib.Path]:
    return sorted(p for p in rules_dir.rglob("*.json") if "schema" not in p.relative_to(rules_dir).parts)


def validate(schema_path: pathlib.Path, rules_dir: pathlib.Path) -> list[str]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems: list[str] = []
    seen_ids: dict[str, pathlib.Path] = {}
    files = rule_files(rules_dir)
    if not files:
        problems.append(f"{rules_dir}: no rule files found")
    for path in files:
        rel = path.relative_to(rules_dir)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            problems.append(f"{rel}: cannot read: {e}")
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for err in errors:
            where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
            best = jsonschema.exceptions.best_match([err])
            problems.append(f"{rel}: {where}: {best.message}")
        if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
            continue
        # A built-in file rules/<language>/<category>.json holds one language and one category.
        expected_language = rel.parts[0] if len(rel.parts) == 2 else None
        for rule in doc["rules"]:
            if not (isinstance(rule, dict) and isinstance(rule.get("id"), str)
                    and isinstance(rule.get("match"), dict) and isinstance(rule.get("examples"), list)
                    and isinstance(rule.get("rewrite", ""), (str, dict))):
                continue  # the schema errors above say what is wrong
            rid = rule["id"]
            if rid in seen_ids:
                problems.append(f"{rel}: {rid}: duplicate id (also in {seen_ids[rid].relative_to(rules_dir)})")
            seen_ids[rid] = path
            if expected_language and rule.get("language") != expected_language:
                problems.append(f"{rel}: {rid}: language {rule.get('language')!r} in a {expected_language}/ file")
            if expected_language and rule.get("category") != path.stem:
                problems.append(f"{rel}: {rid}: category {rule.get('category')!r} in {path.name}")
            rewrite = rule.get("rewrite")
            templates = {"default": rewrite} if isinstance(rewrite, str) else dict(rewrite or {})
            allowed = allowed_variables(rule["match"]) if rule.get("language") == "python" else None
            for target, text in sorted(templates.items()):
                if not isinstance(text, str):
                    continue
                try:
                    variables = parse_template(text)
                except ValueError as e:
                    problems.append(f"{rel}: {rid}: rewrite[{target}] {text!r}: {e}")
                    continue
                unknown = [v for v in variables if allowed is not None and v not in allowed]
                if unknown:
                    problems.append(f"{rel}: {rid}: rewrite[{target}] uses ${', $'.join(unknown)}, "
                                    "which this kind of match does not provide")
            if "\n" in str(rule.get("message", "")):
                problems.append(f"{rel}: {rid}: message must be one line")
            examples = [ex for ex in rule["examples"] if isinstance(ex, dict)]
            if rule.get("kind") in ("rename", "rewrite") and not any("before" in ex for ex in examples):
                problems.append(f"{rel}: {rid}: a {rule['kind']} rule needs at least one before/after example")
            if rule.get("kind") == "unsupported" and not any("finding" in ex for ex in examples):
                problems.append(f"{rel}: {rid}: an unsupported rule needs at least one finding example")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schema", type=pathlib.Path, default=REPO_ROOT / "rules" / "schema" / "rule-file.schema.json")
    ap.add_argument("--rules", type=pathlib.Path, default=REPO_ROOT / "rules",
                    help="directory searched recursively for *.json rule files (schema/ excluded)")
    args = ap.parse_args(argv)
    problems = validate(args.schema, args.rules)
    count = len(rule_files(args.rules))
    if problems:
        for p in problems:
            print(p)
        print(f"rule_schema: {len(problems)} problem(s) in {count} file(s)")
        return 1
    print(f"rule_schema: {count} file(s) valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
