#!/usr/bin/env bash
# Configures, builds and runs the whole test suite through CTest (the README's second command
# runs scripts/setup.sh first). Warnings are errors here.
#   scripts/test.sh [extra ctest arguments]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TORCHDEVICE_BUILD_DIR:-$ROOT/build}"
JOBS="${TORCHDEVICE_JOBS:-$(nproc)}"

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DTORCHDEVICE_WERROR=ON -DTORCHDEVICE_PYTHON=/usr/bin/python3
cmake --build "$BUILD" -j "$JOBS"
cd "$BUILD"
ctest --output-on-failure -j "$JOBS" "$@"
