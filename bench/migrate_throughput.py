#!/usr/bin/env python3
"""Throughput of `torchdevice-port migrate` on a large generated Python corpus, with two outside
references timed on the same corpus in the same run.

    bench/migrate_throughput.py --tool build/tools/torchdevice-port [--lines 300000] [--repeat 3]

Generates a corpus (a realistic mix: most files have no CUDA code, some a little, a few a lot),
then times, best of --repeat rounds (each round runs every command once, so that a shared
machine's changing load falls on all of them alike):

  * migrate --out-root with -j 1 and -j 2 (fresh out-root each time): lines per second, peak RSS
  * migrate again on the finished out-root (the incremental no-op re-run)
  * check of the whole rule set (-j 1 and -j 2)
  * ast-grep (npm @ast-grep/cli, pinned in third_party/npm) searching the single pattern
    `$X.cuda()` (--threads 1 and 2)
  * ripgrep counting the lines that contain `cuda` (`rg -c cuda`: the floor, no parsing at all)

and prints the ratios. Peak RSS is per process (os.wait4). Numbers go in notes; no test asserts
them. The machine this runs on is usually shared: repeat, and compare ratios rather than seconds.
"""
import argparse
import os
import pathlib
import shutil
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

from corpus import generate, run_measured  # noqa: E402  (bench/ is the script's directory)


def find_ast_grep():
    base = ROOT / "third_party" / "npm" / "node_modules" / "@ast-grep"
    # The platform package's binary itself: the node wrapper in .bin adds start-up time (its
    # postinstall, which would replace the wrapper, is not run: npm ci --ignore-scripts).
    for p in sorted(base.glob("cli-*/ast-grep")):
        if os.access(p, os.X_OK):
            return str(p)
    wrapper = ROOT / "third_party" / "npm" / "node_modules" / ".bin" / "ast-grep"
    return str(wrapper) if wrapper.exists() else shutil.which("ast-grep")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--lines", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="generate the corpus here and keep it")
    shm = pathlib.Path("/dev/shm")
    ap.add_argument("--workdir", default=str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None,
                    help="where the corpus and the out-roots go (default: /dev/shm when writable, so that the "
                         "numbers measure the tool rather than the disk; else the system's temporary directory)")
    args = ap.parse_args()
    tool = str(pathlib.Path(args.tool).resolve())
    ast_grep = find_ast_grep()
    rg = shutil.which("rg")

    with tempfile.TemporaryDirectory(prefix="tdp-bench-", dir=args.workdir) as tmp:
        tmp = pathlib.Path(args.keep or tmp)
        corpus = tmp / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        files, lines = generate(corpus, args.lines, seed=1)
        print(f"corpus: {files} Python files, {lines:,} lines, {sum(p.stat().st_size for p in corpus.rglob('*.py')) / 2**20:.1f} MiB")
        print(f"machine: {os.cpu_count()} cores (shared; timings are noisy), best of {args.repeat}; "
              f"files in {tmp.parent}")
        if rg:
            run_measured([rg, "-c", "cuda", str(corpus)])  # warm the page cache

        out = tmp / "out"
        rm_out = lambda: shutil.rmtree(out, ignore_errors=True)
        # (name, command, exit codes, preparation); run round-robin, repeat times, so that the
        # machine's load drifts over all of them alike; the best time of each is reported.
        plan = []
        for jobs in (1, 2):
            plan.append((f"migrate -j {jobs}", [tool, "migrate", str(corpus), "--out-root", str(out), "-j", str(jobs),
                                                "-q"], (0, 1), rm_out))
        plan.append(("migrate re-run", [tool, "migrate", str(corpus), "--out-root", str(out), "-j", "2", "-q"], (0, 1),
                     None))  # runs right after "migrate -j 2": the no-op re-run of a finished out-root
        for jobs in (1, 2):
            plan.append((f"check -j {jobs}", [tool, "check", str(corpus), "-j", str(jobs), "--statistics"], (0, 1), None))
        if ast_grep:
            for jobs in (1, 2):
                plan.append((f"ast-grep {jobs}", [ast_grep, "run", "-p", "$X.cuda()", "-l", "python", "--threads",
                                                  str(jobs), str(corpus)], (0, 1), None))
        else:
            print("ast-grep: not found (scripts/setup.sh fetches it into third_party/npm)")
        if rg:
            plan.append(("rg", [rg, "-c", "cuda", str(corpus)], (0, 1), None))
        else:
            print("rg: not found (Debian package ripgrep)")
        times, peaks = {}, {}
        for _ in range(args.repeat):
            for name, cmd, ok, before in plan:
                if before:
                    before()
                t, rss = run_measured(cmd, ok)
                times[name] = min(times.get(name, t), t)
                peaks[name] = max(peaks.get(name, 0), rss)
        labels = {"migrate -j 1": "migrate -j 1", "migrate -j 2": "migrate -j 2",
                  "migrate re-run": "migrate re-run (no-op) -j 2", "check -j 1": "check -j 1 (all rules)",
                  "check -j 2": "check -j 2 (all rules)", "ast-grep 1": "ast-grep --threads 1 ($X.cuda())",
                  "ast-grep 2": "ast-grep --threads 2 ($X.cuda())", "rg": "rg -c cuda"}
        for name, _, _, _ in plan:
            t = times[name]
            print(f"{labels[name]:<34} {t:7.3f} s {lines / t:>11,.0f} lines/s  peak RSS {peaks[name]:6.1f} MiB")
        results = times

        print("\nratios (time / time; below 1 means the first is faster):")
        j1, j2 = results["migrate -j 1"], results["migrate -j 2"]
        print(f"  migrate scaling -j 1 -> -j 2: {j1 / j2:.2f}x faster")
        print(f"  migrate re-run / first run (-j 2): {results['migrate re-run'] / j2:.3f}")
        if "ast-grep 1" in results:
            for jobs in (1, 2):
                print(f"  check -j {jobs} (whole rule set) / ast-grep --threads {jobs} (one pattern): "
                      f"{results[f'check -j {jobs}'] / results[f'ast-grep {jobs}']:.2f}")
                print(f"  migrate -j {jobs} / ast-grep --threads {jobs}: {results[f'migrate -j {jobs}'] / results[f'ast-grep {jobs}']:.2f}")
        if "rg" in results:
            print(f"  check -j 2 / rg: {results['check -j 2'] / results['rg']:.1f}   migrate -j 2 / rg: {j2 / results['rg']:.1f}")


if __name__ == "__main__":
    main()
