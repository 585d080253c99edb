#!/usr/bin/env bash
# Install test: install the build into WORK/prefix (kept for the example tests, which build
# against it: tests/cmake_import/examples.sh), then check what a user gets there: files,
# exported symbols, headers that compile alone, find_package's version rule, the installed
# Python package and CLI.
# Usage: run.sh BUILD_DIR SOURCE_DIR PYTHON WORK
set -euo pipefail
build=$1
src=$2
python=$3
work=$4
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
tmp="$work/install-tmp"
mkdir "$tmp"

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log"
libdir=$(dirname "$(find "$prefix" -name 'libcrmkit.so.*' | head -1)")
test -f "$prefix/include/crmkit.h"
test -f "$prefix/include/crmkit/value/summary.hpp"
test -f "$prefix/include/crmkit/value/clv/partition.hpp"
test -f "$libdir/cmake/crmkit/crmkit-config.cmake"
test -f "$libdir/cmake/crmkit/crmkit-config-version.cmake"
test -x "$prefix/bin/crmkit"

# The soname carries major.minor before 1.0 (each 0.x may change the ABI), major after.
version=$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --modversion crmkit)
major=${version%%.*}
minor=${version#*.}
minor=${minor%%.*}
soname=$(objdump -p "$libdir/libcrmkit.so" | awk '$1 == "SONAME" {print $2}')
if [ "$major" = 0 ]; then expected="libcrmkit.so.0.$minor"; else expected="libcrmkit.so.$major"; fi
[ "$soname" = "$expected" ] || { echo "soname $soname, expected $expected"; exit 1; }

# Only crm_ symbols leave the shared library.
if nm -D --defined-only "$libdir/libcrmkit.so" | awk '{print $3}' | grep -v '^crm_' | grep -q .; then
  echo "libcrmkit.so exports non-crm_ symbols:"; nm -D --defined-only "$libdir/libcrmkit.so" | grep -v ' crm_'; exit 1
fi

# Every installed C header compiles alone as strict C99 with only pkg-config's flags
# (the .pc file is relocatable: --prefix was not known to it). Listed from the installed
# folder, so a new pillar's header is checked without an edit.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
test -f "$prefix/include/crmkit/quality.h" && test -f "$prefix/include/crmkit/decision.h"
for h in crmkit.h $(cd "$prefix/include" && ls crmkit/*.h); do
  # (A declaration after it: a header of macros only, version.h, is no empty unit.)
  printf '#include <%s>\ntypedef int header_compiles_alone;\n' "$h" > "$tmp/header.c"
  cc -std=c99 -Wall -Wextra -pedantic -Werror -c "$tmp/header.c" -o "$tmp/header.o" \
    $(pkg-config --cflags crmkit)
done

# find_package(crmkit X.Y): this version and its patches only before 1.0, the same major
# after (crmkit-config-version.cmake).
accepts() {  # requested version -> 0 when find_package accepts it
  mkdir -p "$tmp/find-$1"
  printf 'cmake_minimum_required(VERSION 3.25)\nproject(v LANGUAGES CXX)\nfind_package(crmkit %s REQUIRED)\n' \
    "$1" > "$tmp/find-$1/CMakeLists.txt"
  cmake -S "$tmp/find-$1" -B "$tmp/find-$1/build" -DCMAKE_PREFIX_PATH="$prefix" > "$tmp/find-$1.log" 2>&1
}
refuses() {
  if accepts "$1"; then echo "find_package(crmkit $1) accepted crmkit $version"; exit 1; fi
}
accepts "$major.$minor"
accepts "$major.$minor.0"
refuses "$((major + 1)).0"
if [ "$major" = 0 ]; then
  refuses "0.$((minor + 1))"
  if [ "$minor" != 0 ]; then refuses "0.$((minor - 1))"; fi
fi

# The installed Python package finds the installed library by itself.
(cd "$tmp" && env -u CRMKIT_LIBRARY PYTHONPATH="$libdir/python3/dist-packages" \
  "$python" -c 'import crmkit; print(crmkit.library_path)') > "$tmp/py.out"
grep -q "^$libdir/libcrmkit.so" "$tmp/py.out"

# The installed CLI finds the installed data for its demo.
(cd "$tmp" && "$prefix/bin/crmkit" demo --out "$tmp/demo" > /dev/null)
test -f "$tmp/demo/report.html"
echo "install test passed: files, symbols, soname $soname, headers, find_package $version, Python, CLI"
