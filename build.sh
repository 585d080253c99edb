#!/usr/bin/env bash
# crmkit's two set-up commands (see README.md):
#   ./build.sh demo   install missing Debian packages, build, run `crmkit demo` on the bundled data
#   ./build.sh test   the same set-up, then every test: C++ (Catch2), C API (C), Python, CLI,
#                     fuzz corpus, install test; then the whole C/C++ suite again under
#                     ASan + UBSan (skip locally with CRMKIT_SKIP_ASAN=1; never skipped with CI=true)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ gcc make cmake pkg-config python3 libboost-serialization-dev libboost-graph-dev
          libeigen3-dev catch2 libbenchmark-dev python3-numpy python3-pytest python3-pycparser python3-pip
          libcli11-dev nlohmann-json3-dev libsqlite3-dev libhowardhinnant-date-dev tzdata
          chromium fonts-dejavu-core doxygen python3-dask python3-distributed)
JOBS=${CRMKIT_JOBS:-2}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo > /dev/null || { echo "build.sh: run as root to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {  # preset [targets...]
  local preset=$1; shift
  cmake --preset "$preset" > /dev/null
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" -j "$JOBS" --target "$@"
  else
    cmake --build --preset "$preset" -j "$JOBS"
  fi
}

case "${1:-}" in
  demo)
    install_packages
    build release crmkit_cli
    ./build/release/crmkit demo --data data --out out
    ;;
  test)
    install_packages
    build release
    ctest --preset release -j "$JOBS"
    if [ "${CI:-}" = true ] || [ "${CRMKIT_SKIP_ASAN:-0}" != 1 ]; then
      build asan
      ctest --preset asan -j "$JOBS"
    fi
    echo "build.sh: all tests passed"
    ;;
  *)
    echo "usage: ./build.sh demo | test" >&2
    exit 2
    ;;
esac
