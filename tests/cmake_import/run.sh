#!/usr/bin/env bash
# Install test: install the build into a temporary prefix, then build and run the consumers
# a user would write: a C99 POS (pkg-config), a C++ app (find_package) and Python.
# Usage: run.sh BUILD_DIR SOURCE_DIR PYTHON
set -euo pipefail
build=$1
src=$2
python=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log"
libdir=$(dirname "$(find "$prefix" -name 'libcrmkit.so.*' | head -1)")
test -f "$prefix/include/crmkit.h"
test -f "$prefix/include/crmkit/value/summary.hpp"
test -f "$libdir/cmake/crmkit/crmkit-config.cmake"
test -f "$libdir/cmake/crmkit/crmkit-config-version.cmake"
test -x "$prefix/bin/crmkit"

# Only crm_ symbols leave the shared library.
if nm -D --defined-only "$libdir/libcrmkit.so" | awk '{print $3}' | grep -v '^crm_' | grep -q .; then
  echo "libcrmkit.so exports non-crm_ symbols:"; nm -D --defined-only "$libdir/libcrmkit.so" | grep -v ' crm_'; exit 1
fi

# C consumer via pkg-config (the .pc file is relocatable: --prefix was not known to it).
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cc -std=c99 -Wall -Wextra -Werror -o "$tmp/pos" "$src/examples/pos-c/pos.c" \
  $(pkg-config --cflags --libs crmkit)
LD_LIBRARY_PATH="$libdir" "$tmp/pos" "$src/data/cdnow/CDNOW_sample.txt" > "$tmp/pos.out"
grep -q "customers: 2357" "$tmp/pos.out"
grep -q "sales rung up: 6919" "$tmp/pos.out"
# A header line or a bad line stops the till: exit 1, the line named, no partial totals.
{ echo "master customer date cds dollars"; head -3 "$src/data/cdnow/CDNOW_sample.txt"; } > "$tmp/header.txt"
{ head -3 "$src/data/cdnow/CDNOW_sample.txt"; echo "4 1 19970101 1 -5.00"; } > "$tmp/negative.txt"
for bad in header negative; do
  if LD_LIBRARY_PATH="$libdir" "$tmp/pos" "$tmp/$bad.txt" > "$tmp/$bad.out" 2> "$tmp/$bad.err"; then
    echo "pos accepted $bad.txt"; exit 1
  fi
  test ! -s "$tmp/$bad.out"
done
grep -q "header.txt:1: not a sale" "$tmp/header.err"
grep -q "negative.txt:4: sale refused" "$tmp/negative.err"

# Every installed C header compiles alone as strict C99 with only pkg-config's flags.
# (Listed from the installed folder, so a new pillar's header is checked without an edit.)
test -f "$prefix/include/crmkit/quality.h" && test -f "$prefix/include/crmkit/decision.h"
for h in crmkit.h $(cd "$prefix/include" && ls crmkit/*.h); do
  # (A declaration after it: a header of macros only, version.h, is no empty unit.)
  printf '#include <%s>\ntypedef int header_compiles_alone;\n' "$h" > "$tmp/header.c"
  cc -std=c99 -Wall -Wextra -pedantic -Werror -c "$tmp/header.c" -o "$tmp/header.o" \
    $(pkg-config --cflags crmkit)
done

# C++ consumer via find_package.
cmake -S "$src/examples/app-cpp" -B "$tmp/app-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$tmp/app-config.log"
cmake --build "$tmp/app-build" -j2 > "$tmp/app-build.log"
"$tmp/app-build/crmkit_app" "$src/data/cdnow/CDNOW_sample.txt" > "$tmp/app.out"
grep -q "customers: 2357" "$tmp/app.out"
grep -q "BG/NBD: r = 0.2425" "$tmp/app.out"  # Fader, Hardie & Lee (2005): r 0.243

# The installed Python package finds the installed library by itself.
(cd "$tmp" && env -u CRMKIT_LIBRARY PYTHONPATH="$libdir/python3/dist-packages" \
  "$python" "$src/examples/python/summary.py" "$src/data/cdnow/CDNOW_sample.txt") > "$tmp/py.out"
grep -q "customers: 2357" "$tmp/py.out"

# The installed CLI finds the installed data for its demo.
(cd "$tmp" && "$prefix/bin/crmkit" demo --out "$tmp/demo" > /dev/null)
test -f "$tmp/demo/report.html"
echo "install test passed: C (pkg-config), C++ (find_package), Python, CLI"
