#!/usr/bin/env bash
# crmkit's two set-up commands (see README.md):
#   ./build.sh demo   install missing Debian packages, build, run `crmkit demo` on the bundled data
#   ./build.sh test   the same set-up, then every test: C++ (Catch2), C API (C), Python, CLI,
#                     fuzz corpus, install test; then the whole C/C++ suite again under
#                     ASan + UBSan (skip locally with CRMKIT_SKIP_ASAN=1; never skipped with CI=true),
#                     the concurrency tests under ThreadSanitizer, and (CI=true, or CRMKIT_FUZZ=1)
#                     a short libFuzzer smoke of every harness
#   ./build.sh fuzz [SECONDS]   build the libFuzzer harnesses (clang) and run each for SECONDS
#                     (default 60); new inputs go to build/fuzz/corpus/, crashes to build/fuzz/crashes/
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ gcc make cmake pkg-config python3 libboost-serialization-dev libboost-graph-dev
          libeigen3-dev catch2 libbenchmark-dev python3-numpy python3-pytest python3-pycparser python3-pip
          libcli11-dev nlohmann-json3-dev libsqlite3-dev libhowardhinnant-date-dev tzdata
          chromium fonts-dejavu-core doxygen python3-dask python3-distributed clang libclang-rt-14-dev ccache)
JOBS=${CRMKIT_JOBS:-2}
# ccache (CMakeLists.txt uses it when found) with paths relative to the checkout, so the
# static build of the install test (build/release-static) reuses the release objects.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}

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

# Runs every libFuzzer harness for $1 seconds from its checked-in corpus (fuzz/corpus/<surface>/,
# read-only: what the fuzzer finds goes to build/fuzz/corpus/<surface>/). Prints each
# harness's executions; fails on the first crash, leak, timeout or out-of-memory, leaving the
# input in build/fuzz/crashes/.
run_fuzzers() {
  local seconds=$1 dir=build/fuzz total=0
  mkdir -p "$dir/crashes"
  for harness in fuzz/*_fuzzer.cpp; do
    local name surface log execs
    name=$(basename "$harness" .cpp)
    surface=${name%_fuzzer}
    mkdir -p "$dir/corpus/$surface"
    log="$dir/$surface.log"
    if ! "$dir/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
         -malloc_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$dir/crashes/$surface-" \
         "$dir/corpus/$surface" "fuzz/corpus/$surface" > "$log" 2>&1; then
      tail -n 40 "$log" >&2
      echo "build.sh: fuzz: $surface failed; the input is in $dir/crashes/" >&2
      return 1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "build.sh: fuzz: $surface: ${execs:-0} executions in ${seconds} s, no crash"
    total=$((total + ${execs:-0}))
  done
  echo "build.sh: fuzz: $total executions in total"
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
    # The desk crash test's tally of the write phases its kills landed in.
    grep -A 7 '^desk crash test:' build/release/Testing/Temporary/LastTest.log || true
    if [ "${CI:-}" = true ] || [ "${CRMKIT_SKIP_ASAN:-0}" != 1 ]; then
      build asan
      ctest --preset asan -j "$JOBS"
      # Only the concurrency tests, under ThreadSanitizer (the preset builds test_concurrency).
      build tsan test_concurrency
      ctest --preset tsan -j "$JOBS"
    fi
    if [ "${CI:-}" = true ] || [ "${CRMKIT_FUZZ:-0}" = 1 ]; then
      build fuzz crmkit_fuzzers
      run_fuzzers "${CRMKIT_FUZZ_SECONDS:-10}"
    fi
    echo "build.sh: all tests passed"
    ;;
  fuzz)
    install_packages
    build fuzz crmkit_fuzzers
    run_fuzzers "${2:-60}"
    ;;
  *)
    echo "usage: ./build.sh demo | test | fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
