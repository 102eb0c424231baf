#!/usr/bin/env bash
# The runtime on a real CUDA GPU (issue 3's GPU check), for a session lent the device machine
# (torch 2.x with CUDA, no network). Builds the C++ runtime against the LibTorch of the installed
# torch wheel, runs both runtime test suites with CUDA selected, and times a stream/event-heavy
# loop through the runtime against plain torch.cuda. Prints a summary; needs no GPU to be read.
#   bench/gpu_check.sh [python]       (default: python3)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${1:-python3}"
OUT="${OUT:-/tmp/tdp-gpu-check}"
mkdir -p "$OUT"
TORCH_PREFIX="$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
echo "torch: $("$PY" -c 'import torch; print(torch.__version__, torch.version.cuda, torch.cuda.is_available())')"

echo "== C++ runtime against $TORCH_PREFIX"
cmake -S "$ROOT/runtime/cpp" -B "$OUT/rt" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$TORCH_PREFIX" \
  > "$OUT/configure.log" 2>&1 && cmake --build "$OUT/rt" -j"$(nproc)" > "$OUT/build.log" 2>&1 \
  && TORCHDEVICE_DEVICE=cuda ctest --test-dir "$OUT/rt" -j4 --output-on-failure > "$OUT/ctest.log" 2>&1
echo "C++ runtime: exit $? (logs in $OUT)"; tail -3 "$OUT/ctest.log" 2>/dev/null

echo "== Python runtime"
(cd "$ROOT/runtime/python" && TORCHDEVICE_DEVICE=cuda "$PY" -m pytest -q -p no:cacheprovider tests > "$OUT/pytest.log" 2>&1)
echo "Python runtime: exit $?"; tail -3 "$OUT/pytest.log"

echo "== overhead: stream/event loop, runtime vs torch.cuda"
PYTHONPATH="$ROOT/runtime/python" "$PY" - <<'PYEOF'
import time, torch, torchdevice
def loop(mod, n=2000):
    s = mod.Stream(); a = torch.randn(256, 256, device="cuda")
    torch.cuda.synchronize(); t0 = time.perf_counter()
    for _ in range(n):
        e = mod.Event(enable_timing=True)
        with mod.stream(s):
            b = a @ a
        e.record(s); mod.current_stream().wait_event(e)
    mod.synchronize(); return time.perf_counter() - t0
for _ in range(2): loop(torch.cuda), loop(torchdevice)
native = min(loop(torch.cuda) for _ in range(5)); ported = min(loop(torchdevice) for _ in range(5))
print(f"torch.cuda {native*1e3:.1f} ms, torchdevice {ported*1e3:.1f} ms, ratio {ported/native:.3f}")
PYEOF
