#!/usr/bin/env bash
# Ports the CUDA-only example project in examples/train to the CPU and runs it.
# Run scripts/setup.sh first. Environment: BUILD_DIR (default build), PYTHON (default
# /usr/bin/python3, the interpreter that has Debian's torch).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD_DIR="${BUILD_DIR:-build}"
PYTHON="${PYTHON:-/usr/bin/python3}"
TOOL="$BUILD_DIR/tools/torchdevice-port"
OUT="$BUILD_DIR/example-ported"

if [[ -t 1 ]]; then BOLD=$'\033[1m' PLAIN=$'\033[0m'; else BOLD="" PLAIN=""; fi
step() { printf '\n%s==> %s%s\n' "$BOLD" "$*" "$PLAIN"; }

step "Building torchdevice-port"
if [[ -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD_DIR" >/dev/null
else
  cmake -S . -B "$BUILD_DIR" -G Ninja >/dev/null
fi
cmake --build "$BUILD_DIR" --target torchdevice-port
if [[ ! -x "$TOOL" ]]; then
  TOOL="$(find "$BUILD_DIR" -type f -name torchdevice-port -perm -u+x | head -n 1)"
  [[ -n "$TOOL" ]] || { echo "example: the build produced no torchdevice-port binary" >&2; exit 1; }
fi

step "1/4  The original examples/train is CUDA-only: on this machine it fails"
errlog="$(mktemp)"
trap 'rm -f "$errlog"' EXIT
if (cd examples/train && PYTHONDONTWRITEBYTECODE=1 "$PYTHON" train.py >/dev/null 2>"$errlog"); then
  echo "    (it ran: this machine has a CUDA GPU)"
else
  reason="$(grep -v '^[[:space:]]*$' "$errlog" | tail -n 1 || true)"
  echo "    $PYTHON examples/train/train.py -> ${reason:-(failed without an error message)}"
fi

step "2/4  Porting it: $TOOL examples/train --target cpu --out-root $OUT --stats"
rm -rf "$OUT"
"$TOOL" examples/train --target cpu --out-root "$OUT" --stats

# The ported tree mirrors examples/train under $OUT (possibly one level down).
ENTRY="$(find "$OUT" -type f -name train.py | awk '{ print length($0) " " $0 }' | sort -n | head -n 1 | cut -d' ' -f2-)"
[[ -n "$ENTRY" ]] || { echo "example: no train.py under $OUT" >&2; exit 1; }
PORTED_DIR="$(dirname "$ENTRY")"

step "3/4  What changed (diff -u examples/train $PORTED_DIR)"
for f in examples/train/*.py; do
  ported="$PORTED_DIR/$(basename "$f")"
  if [[ ! -f "$ported" ]]; then
    echo "    $(basename "$f"): missing from the ported tree" >&2
    exit 1
  fi
  if cmp -s "$f" "$ported"; then
    echo "    $(basename "$f"): unchanged"
  else
    added=$(diff "$f" "$ported" | grep -c '^>' || true)
    removed=$(diff "$f" "$ported" | grep -c '^<' || true)
    echo "    $(basename "$f"): +$added -$removed lines"
  fi
done
echo
diff -u --label "examples/train/train.py" --label "$ENTRY" examples/train/train.py "$ENTRY" || true

step "4/4  Running the ported program on the CPU (PYTHONPATH=runtime/python)"
(cd "$PORTED_DIR" && PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$ROOT/runtime/python" "$PYTHON" train.py)

echo
echo "Done: the CUDA-only example trained on the CPU. The ported tree is in $PORTED_DIR."
