#!/usr/bin/env python3
"""Throughput of the port command (`torchdevice-port DIR --out-root`) on the generated Python corpus
of bench/corpus.py (the same corpus bench/migrate_throughput.py uses).

Ports the corpus with --out-root at -j 1 and -j 2 (best of --repeat, a fresh out-root each time)
and prints lines per second and the peak resident memory of the tool. Numbers go in notes; no test
asserts them.

    bench/port_throughput.py --tool build/tools/torchdevice-port [--lines 100000] [--repeat 3]
"""
import argparse
import pathlib
import shutil
import tempfile

from corpus import generate, run_measured


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--lines", type=int, default=100_000, help="corpus size in lines (approximate)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files, lines = generate(tmp / "corpus", args.lines, seed=1)
        print(f"corpus: {files} Python files, {lines} lines")
        for jobs in (1, 2):
            times, peak = [], 0.0
            for _ in range(args.repeat):
                shutil.rmtree(tmp / "out", ignore_errors=True)
                seconds, rss = run_measured([args.tool, tmp / "corpus", "--out-root", tmp / "out", "-j", str(jobs), "-q"],
                                            ok=(0, 1))
                times.append(seconds)
                peak = max(peak, rss)
            best = min(times)
            print(f"-j {jobs}: best of {args.repeat} {best:.3f} s, {lines / best:,.0f} lines/s, peak RSS {peak:.1f} MiB")


if __name__ == "__main__":
    main()
