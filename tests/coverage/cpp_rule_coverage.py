#!/usr/bin/env python3
"""Rule coverage of LibTorch's CUDA API for the C++ rules (rules/cpp).

Two measures:

1. Required: the LibTorch names that issue 4 lists (device types and strings, queries, moves,
   streams, guards, events, the caching allocator, includes, raw CUDA). Each must be classified by
   a C++ rule that names it exactly (a "name", "method"+"class", "include", "token" or
   "device_string" match). Uses that are ported through another name (`.to(torch::kCUDA)` through
   torch::kCUDA) point at that name. Members of a renamed class (CUDAEvent::record) count when the
   runtime's public headers (runtime/cpp/include/torchdevice/*.h) declare a function or member of
   that name (a name-level check, not a per-class one). Threshold: 100%.
2. Informational, with a floor: the namespace-level API of the user-facing c10/cuda, ATen/cuda and
   torch/cuda headers of LibTorch 2.11 (shared/reference/libtorch-2.11-cuda-headers.json: per
   header, its classes and functions). A name counts as classified when a rule matches it by
   qualified name in one of the header's namespaces, as a token, as a method, or when it is a
   member of a class that a rule renames and the runtime's replacement declares. The reference
   lists members and free functions together, so the percentage is a lower bound; the test fails
   below FLOOR_PERCENT.

Prints the tables; `--markdown` prints the docs/coverage.md section instead (scripts/gen_rule_docs.py
includes it, and the rule_docs_fresh test keeps it current).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_RULES = REPO_ROOT / "rules" / "cpp"
DEFAULT_REFERENCE = REPO_ROOT.parent / "shared" / "reference"
DEFAULT_RUNTIME = REPO_ROOT / "runtime" / "cpp" / "include" / "torchdevice"
REFERENCE_FILE = "libtorch-2.11-cuda-headers.json"
FLOOR_PERCENT = 50.0

# (what the issue names, how it is matched): ("name", qualified) | ("method", class, method) |
# ("include", path) | ("token", spelling) | ("device_string", type, indexed) |
# ("member", renamed class, member).
REQUIRED = [
    ("torch::kCUDA", ("name", "torch::kCUDA")),
    ("at::kCUDA", ("name", "at::kCUDA")),
    ("c10::kCUDA", ("name", "c10::kCUDA")),
    ("c10::DeviceType::CUDA", ("name", "c10::DeviceType::CUDA")),
    ('torch::Device("cuda:0")', ("device_string", "cuda", True)),
    ('torch::Device("cuda")', ("device_string", "cuda", False)),
    ("torch::Device(torch::kCUDA, i)", ("device_string", "cuda", True)),
    ("torch::cuda::is_available", ("name", "torch::cuda::is_available")),
    ("torch::cuda::device_count", ("name", "torch::cuda::device_count")),
    ("torch::cuda::cudnn_is_available", ("name", "torch::cuda::cudnn_is_available")),
    ("torch::cuda::synchronize", ("name", "torch::cuda::synchronize")),
    ("torch::cuda::manual_seed", ("name", "torch::cuda::manual_seed")),
    ("torch::cuda::manual_seed_all", ("name", "torch::cuda::manual_seed_all")),
    ("Tensor::cuda()", ("method", "at::Tensor", "cuda")),
    (".to(torch::kCUDA)", ("name", "torch::kCUDA")),
    (".to(device, /*non_blocking=*/true)", ("name", "torch::kCUDA")),
    ("module->to(...)", ("name", "torch::kCUDA")),
    ("TensorOptions().device(...)", ("device_string", "cuda", True)),
    ("Tensor::is_cuda()", ("method", "at::TensorBase", "is_cuda")),
    ("TensorOptions::pinned_memory(true)", ("method", "c10::TensorOptions", "pinned_memory")),
    ("c10::cuda::CUDAStream", ("name", "c10::cuda::CUDAStream")),
    ("at::cuda::getCurrentCUDAStream", ("name", "at::cuda::getCurrentCUDAStream")),
    ("at::cuda::getDefaultCUDAStream", ("name", "at::cuda::getDefaultCUDAStream")),
    ("at::cuda::getStreamFromPool", ("name", "at::cuda::getStreamFromPool")),
    ("at::cuda::setCurrentCUDAStream", ("name", "at::cuda::setCurrentCUDAStream")),
    ("c10::cuda::CUDAStreamGuard", ("name", "c10::cuda::CUDAStreamGuard")),
    ("c10::cuda::CUDAGuard", ("name", "c10::cuda::CUDAGuard")),
    ("c10::cuda::OptionalCUDAGuard", ("name", "c10::cuda::OptionalCUDAGuard")),
    ("at::cuda::CUDAEvent", ("name", "at::cuda::CUDAEvent")),
    ("CUDAEvent::record", ("member", "at::cuda::CUDAEvent", "record")),
    ("CUDAEvent::block", ("member", "at::cuda::CUDAEvent", "block")),
    ("CUDAEvent::query", ("member", "at::cuda::CUDAEvent", "query")),
    ("CUDAEvent::synchronize", ("member", "at::cuda::CUDAEvent", "synchronize")),
    ("CUDAEvent::elapsed_time", ("member", "at::cuda::CUDAEvent", "elapsed_time")),
    ("c10::cuda::CUDACachingAllocator::emptyCache", ("name", "c10::cuda::CUDACachingAllocator::emptyCache")),
    ("torch::jit::load(path, torch::kCUDA)", ("name", "torch::kCUDA")),
    ("<ATen/cuda/CUDAContext.h>", ("include", "ATen/cuda/CUDAContext.h")),
    ("<c10/cuda/CUDAGuard.h>", ("include", "c10/cuda/CUDAGuard.h")),
    ("<c10/cuda/CUDAStream.h>", ("include", "c10/cuda/CUDAStream.h")),
    ("<ATen/cuda/CUDAEvent.h>", ("include", "ATen/cuda/CUDAEvent.h")),
    ("<torch/cuda.h>", ("include", "torch/cuda.h")),
    ("cudaMalloc", ("token", "cudaMalloc")),
    ("cudaStreamWaitEvent", ("token", "cudaStreamWaitEvent")),
    ("cudaLaunchHostFunc", ("token", "cudaLaunchHostFunc")),
    ("__global__ kernels", ("token", "__global__")),
    ("<<<...>>> launches", ("token", "<<<")),
    ("cuBLAS handles", ("token", "cublasHandle_t")),
    ("cuDNN handles", ("token", "cudnnHandle_t")),
    ("C10_CUDA_CHECK", ("token", "C10_CUDA_CHECK")),
    ("CUDA graphs", ("token", "CUDAGraph")),
]

# The headers a LibTorch program includes for CUDA, and the namespaces their API lives in.
HEADERS = {
    "torch/csrc/api/include/torch/cuda.h": ["torch::cuda"],
    "c10/cuda/CUDAFunctions.h": ["c10::cuda"],
    "c10/cuda/CUDAStream.h": ["c10::cuda", "at::cuda"],
    "c10/cuda/CUDAGuard.h": ["c10::cuda", "at::cuda"],
    "c10/cuda/CUDAEvent.h": ["c10::cuda", "at::cuda"],
    "c10/cuda/CUDACachingAllocator.h": ["c10::cuda::CUDACachingAllocator"],
}
# Not CUDA API names: macros, keywords and casts the header scan picked up, and the ROCm (HIP)
# spellings that the same headers declare.
NOT_API = re.compile(r"^(?:[A-Z0-9_]+|operator|static_assert|constexpr|int|alignas|hash|c10|std|.*HIP.*)$")


def as_list(v) -> list[str]:
    return v if isinstance(v, list) else [v]


def load_rules(rules_dir: pathlib.Path) -> list[dict]:
    rules = []
    for f in sorted(rules_dir.glob("*.json")):
        rules += json.loads(f.read_text())["rules"]
    return rules


def runtime_members(runtime_dir: pathlib.Path) -> set[str]:
    """Identifiers followed by '(' in the runtime's public headers: its functions and members."""
    names = set()
    for h in sorted(runtime_dir.glob("*.h")):
        names |= set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", h.read_text()))
    return names


class Index:
    def __init__(self, rules: list[dict], members: set[str]):
        self.by_key: dict[tuple, dict] = {}
        self.renamed_classes: dict[str, dict] = {}
        self.members = members
        for r in rules:
            m = r.get("match", {})
            for n in as_list(m.get("name", [])):
                self.by_key[("name", n)] = r
                if r["kind"] == "rename":
                    self.renamed_classes[n] = r
            for inc in as_list(m.get("include", [])):
                self.by_key[("include", inc)] = r
            for t in as_list(m.get("token", [])):
                self.by_key[("token", t)] = r
            if "method" in m:
                for c in as_list(m.get("class", [])):
                    self.by_key[("method", c, m["method"])] = r
            if "device_string" in m:
                self.by_key[("device_string", m["device_string"], bool(m.get("indexed", False)))] = r

    def classify(self, key: tuple) -> dict | None:
        if key[0] == "member":
            owner = self.renamed_classes.get(key[1])
            return owner if owner and key[2] in self.members else None
        return self.by_key.get(key)

    def classify_unqualified(self, name: str, namespaces: list[str]) -> dict | None:
        for ns in namespaces:
            if (r := self.by_key.get(("name", f"{ns}::{name}"))) is not None:
                return r
        if (r := self.by_key.get(("token", name))) is not None:
            return r
        for key, r in self.by_key.items():
            if key[0] == "method" and key[2] == name:
                return r
        # A member of a class that a rule renames, declared by the runtime's replacement.
        for cls, r in self.renamed_classes.items():
            if any(cls == f"{ns}::{c}" for ns in namespaces for c in self.header_classes) and name in self.members:
                return r
        return None

    header_classes: list[str] = []


def required_rows(index: Index):
    return [(what, key, index.classify(key)) for what, key in REQUIRED]


def header_rows(index: Index, reference: dict):
    rows = []
    for header, namespaces in HEADERS.items():
        entry = reference["headers"].get(header)
        if entry is None:
            rows.append((header, [], {}))
            continue
        index.header_classes = entry.get("classes", [])
        names = sorted({n for n in entry.get("classes", []) + entry.get("functions", []) if not NOT_API.match(n)})
        rows.append((header, names, {n: r for n in names if (r := index.classify_unqualified(n, namespaces))}))
    return rows


def describe(key: tuple) -> str:
    if key[0] == "method":
        return f"method {key[1]}::{key[2]}"
    if key[0] == "member":
        return f"member of {key[1]} (runtime declares `{key[2]}`)"
    if key[0] == "device_string":
        return "device string \"cuda" + (":N\"" if key[2] else "\"")
    return f"{key[0]} `{key[1]}`"


def kind_of(rule: dict) -> str:
    return "ported" if rule["kind"] in ("rename", "rewrite") else rule["kind"]


def markdown(required, headers, version: str) -> str:
    covered = sum(1 for _, _, r in required if r)
    out = ["## C++ (LibTorch)", "",
           "Generated by `tests/coverage/cpp_rule_coverage.py` (the `cpp_rule_coverage` test) from `rules/cpp`.", "",
           f"### Names listed by the C++ issue: {covered} of {len(required)} classified "
           f"({100.0 * covered / len(required):.1f}%, required: 100%)", "",
           "| name | matched as | classification | rule |", "| --- | --- | --- | --- |"]
    for what, key, rule in required:
        cls = f"{kind_of(rule)} | [{rule['id']}](rules-reference.md#{rule['id'].lower()})" if rule else "**not classified** |"
        out.append(f"| `{what}` | {describe(key)} | {cls} |")
    total = sum(len(n) for _, n, _ in headers)
    hit = sum(len(c) for _, _, c in headers)
    out += ["", f"### LibTorch {version} CUDA headers: {hit} of {total} names classified "
            f"({100.0 * hit / max(total, 1):.1f}%, floor: {FLOOR_PERCENT:.0f}%)", "",
            "From `shared/reference/" + REFERENCE_FILE + "`: the classes and functions of the headers a LibTorch "
            "program includes for CUDA. The reference lists members and free functions together, so members "
            "of classes that no rule renames count as not classified.", "",
            "| header | classified | not classified |", "| --- | --- | --- |"]
    for header, names, classified in headers:
        missing = [n for n in names if n not in classified]
        out.append(f"| `{header}` | {len(classified)}/{len(names)} | {', '.join(f'`{n}`' for n in missing) or '-'} |")
    return "\n".join(out) + "\n"


def compute(rules_dir: pathlib.Path, reference_dir: pathlib.Path, runtime_dir: pathlib.Path):
    index = Index(load_rules(rules_dir), runtime_members(runtime_dir))
    reference = json.loads((reference_dir / REFERENCE_FILE).read_text())
    version = re.search(r"(\d+\.\d+)", REFERENCE_FILE).group(1)
    return required_rows(index), header_rows(index, reference), version


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", type=pathlib.Path, default=DEFAULT_RULES)
    ap.add_argument("--reference", type=pathlib.Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--runtime", type=pathlib.Path, default=DEFAULT_RUNTIME)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    required, headers, version = compute(args.rules, args.reference, args.runtime)
    if args.markdown:
        print(markdown(required, headers, version), end="")
        return 0
    missing = [what for what, _, r in required if not r]
    print(f"issue names: {len(required) - len(missing)}/{len(required)} classified")
    for what, key, rule in required:
        print(f"  {'ok  ' if rule else 'MISS'} {what:45} {describe(key):50} {rule['id'] if rule else ''}")
    total = sum(len(n) for _, n, _ in headers)
    hit = sum(len(c) for _, _, c in headers)
    percent = 100.0 * hit / max(total, 1)
    print(f"LibTorch {version} CUDA headers: {hit}/{total} names classified ({percent:.1f}%, floor {FLOOR_PERCENT:.0f}%)")
    for header, names, classified in headers:
        if not names:
            print(f"  {header}: not in the reference")
            continue
        print(f"  {header}: {len(classified)}/{len(names)}; not classified: {' '.join(n for n in names if n not in classified)}")
    failed = bool(missing) or percent < FLOOR_PERCENT or any(not names for _, names, _ in headers)
    if missing:
        print("FAIL: issue names without a rule:", ", ".join(missing))
    if percent < FLOOR_PERCENT:
        print(f"FAIL: header coverage {percent:.1f}% is below {FLOOR_PERCENT:.0f}%")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
