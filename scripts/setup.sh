#!/usr/bin/env bash
# Installs everything torchdevice-port needs on Debian 12 (run as root), then fetches the pinned
# tree-sitter C sources. A fast no-op when everything is already there.
#
#   scripts/setup.sh            install what is missing
#   scripts/setup.sh --check    only report what is missing (exit 1 if anything is)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHECK_ONLY=0
[[ "${1:-}" == "--check" ]] && CHECK_ONLY=1

# Debian packages: the toolchain, LLVM/Clang 19 (C++ frontend), libraries, Debian's torch 1.13
# (LibTorch for the C++ runtime, python3-torch for the Python runtime and end-to-end tests),
# ripgrep (an outside reference that bench/migrate_throughput.py times).
DEBIAN_PACKAGES=(
  build-essential cmake ninja-build git pkg-config
  clang-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev
  libcli11-dev nlohmann-json3-dev libgtest-dev libgmock-dev
  libtorch-dev python3-torch python3-pytest python3-jsonschema
  pre-commit
  nodejs npm
  ripgrep
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  # nodejs/npm may come from another apt source (nodesource bundles npm into nodejs);
  # a working `npm` command is what matters.
  if [[ "$pkg" == npm || "$pkg" == nodejs ]]; then
    command -v npm >/dev/null 2>&1 && continue
  fi
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  if ((CHECK_ONLY)); then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    exit 1
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 2
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# /usr/bin/python3 must be the interpreter that has Debian's torch; another python3 may come first on PATH.
if ! /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then
  echo "setup: /usr/bin/python3 cannot import torch (python3-torch is installed?)" >&2
  exit 1
fi

# Sources from the npm registry (tree-sitter runtime and tree-sitter-python grammar, the SARIF
# schema): exact versions pinned by third_party/npm/package-lock.json; no install script is run.
NPM_DIR="$ROOT/third_party/npm"
NPM_STAMP="$NPM_DIR/node_modules/.torchdevice-lock-stamp"
if [[ ! -f "$NPM_STAMP" ]] || ! cmp -s "$NPM_DIR/package-lock.json" "$NPM_STAMP"; then
  if ((CHECK_ONLY)); then
    echo "setup: the pinned npm sources are not fetched (run scripts/setup.sh)" >&2
    exit 1
  fi
  echo "setup: fetching pinned sources from the npm registry (third_party/npm/package-lock.json)"
  (cd "$NPM_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$NPM_DIR/package-lock.json" "$NPM_STAMP"
fi

echo "setup: all dependencies present"
