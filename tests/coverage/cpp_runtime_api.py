#!/usr/bin/env python3
"""The C++ runtime API that the tool relies on exists in the real runtime headers.

Two things can drift from runtime/cpp/include/torchdevice (the installed TorchDevice::runtime):

  1. the lite copies of those headers in lib/cpp/example-headers/torchdevice, which the C++ rule
     examples and golden fixtures are checked against: every function, class and enum they declare
     must be declared in the runtime header of the same name;
  2. the rewrite templates of the C++ rules: every `torchdevice::NAME` and `.method(` they write
     must be declared somewhere in the runtime headers.

Names are compared at the level of identifiers (comments and string literals removed), which is
what a rename in the runtime would break. Exit 1 with the list of missing names.

    cpp_runtime_api.py --runtime runtime/cpp/include/torchdevice
                       --lite lib/cpp/example-headers/torchdevice --rules rules/cpp
"""
import argparse
import json
import pathlib
import re
import sys

NOT_NAMES = {"if", "for", "while", "switch", "return", "sizeof", "decltype", "static_assert", "alignof",
             "noexcept", "operator", "defined", "explicit", "template", "TORCH_CHECK"}


def code_of(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def declared(text):
    code = code_of(text)
    calls = set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", code)) - NOT_NAMES
    types = set(re.findall(r"\b(?:class|struct|enum(?:\s+class)?)\s+([A-Za-z_]\w*)", code))
    return calls | types


def rewrite_texts(rule):
    rewrite = rule.get("rewrite")
    if isinstance(rewrite, str):
        return [rewrite]
    return list((rewrite or {}).values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runtime", required=True, type=pathlib.Path)
    ap.add_argument("--lite", required=True, type=pathlib.Path)
    ap.add_argument("--rules", required=True, type=pathlib.Path)
    args = ap.parse_args()
    problems = []
    runtime = {p.name: declared(p.read_text()) for p in sorted(args.runtime.glob("*.h"))}
    everything = set().union(*runtime.values()) if runtime else set()
    if not runtime:
        problems.append(f"no runtime headers in {args.runtime}")
    lite_files = sorted(args.lite.glob("*.h"))
    if not lite_files:
        problems.append(f"no lite headers in {args.lite}")
    for lite in lite_files:
        if lite.name not in runtime:
            problems.append(f"{lite}: the runtime has no {lite.name}")
            continue
        for name in sorted(declared(lite.read_text()) - runtime[lite.name]):
            problems.append(f"{lite}: declares {name}, which runtime/{lite.name} does not")
    used = 0
    for rule_file in sorted(args.rules.glob("*.json")):
        for rule in json.loads(rule_file.read_text())["rules"]:
            for text in rewrite_texts(rule):
                names = re.findall(r"torchdevice::(?:\w+::)*(\w+)", text) + re.findall(r"\.(\w+)\(", text)
                for name in names:
                    used += 1
                    if name not in everything:
                        problems.append(f"{rule_file.name} {rule['id']}: writes {name}, which the runtime does not declare")
    for p in problems:
        print(p)
    print(f"{len(lite_files)} lite headers, {used} runtime names written by C++ rules; "
          f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
