#!/usr/bin/env bash
# The examples, built and run against the prefix that run.sh installed into WORK/prefix, as
# a user following each README would. One step per ctest entry:
#   erp     examples/erp-cpp (find_package) on the CDNOW master log -> WORK/erp/
#   python  examples/python on the same log, with the installed package; equal to erp's CSV
#   pos     examples/pos-c (pkg-config) on a till journal made from the CDNOW sample, with
#           the models erp left; a refund opens a complaint case -> WORK/pos.out
#   static  a static libcrmkit (BUILD_SHARED_LIBS=OFF, its own build folder, ccache) and the
#           till linked against it with find_package: the same output as the shared one
# Usage: examples.sh STEP SOURCE_DIR PYTHON WORK [STATIC_BUILD_DIR]
set -euo pipefail
step=$1
src=$2
python=$3
work=$4
prefix="$work/prefix"
libdir=$(dirname "$(find "$prefix" -name 'libcrmkit.so' | head -1)")
master="$src/data/cdnow/CDNOW_master.txt"
sample="$src/data/cdnow/CDNOW_sample.txt"
launcher=$(command -v ccache || true)

# A CMake example project built in WORK/NAME-build against PREFIX.
build_example() {  # folder name prefix
  cmake -S "$src/examples/$1" -B "$work/$2-build" -DCMAKE_PREFIX_PATH="$3" \
    -DCMAKE_BUILD_TYPE=Release ${launcher:+-DCMAKE_C_COMPILER_LAUNCHER=$launcher} \
    ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher} > "$work/$2-config.log"
  cmake --build "$work/$2-build" -j2 > "$work/$2-build.log"
}

# The till journal: the sample's sales in time order (a till sees them so), customers by
# their master id, and a refund after the 100th sale.
journal() {
  awk '{printf "sale %s %s %s\n", $3, $1, $5}' "$sample" | tr -d '\r' | sort -s -k2,2 \
    | sed '100a refund 19970115 114 12.50'
}

case "$step" in
  erp)
    build_example erp-cpp erp "$prefix"
    rm -rf "$work/erp" && mkdir "$work/erp"
    "$work/erp-build/erp_batch" "$master" "$work/erp" > "$work/erp.out"
    # data/cdnow/README.md: 23,570 customers, $2,500,315.63, observed to 1998-06-30.
    grep -qx "customers: 23570" "$work/erp.out"
    grep -qx "spend: 2500315.63" "$work/erp.out"
    grep -qx "as of: 1998-06-30" "$work/erp.out"
    [ "$(wc -l < "$work/erp/customers.csv")" = 23571 ]
    # Value-share tiers: the key customers are the fewest holding at least half the CLV.
    awk '$1 == "key" && $3 >= 0.5 && $3 < 0.51 {ok = 1} END {exit !ok}' "$work/erp.out"
    for f in bg_nbd.model gamma_gamma.model till.txt; do test -s "$work/erp/$f"; done
    ;;
  python)
    (cd "$work" && env -u CRMKIT_LIBRARY PYTHONPATH="$libdir/python3/dist-packages" \
      "$python" "$src/examples/python/erp_batch.py" "$master" "$work/python.csv") > "$work/python.out"
    grep -q "customers: 23570" "$work/python.out"
    # The same batch: the same customers, tiers and figures as the C++ one.
    "$python" - "$work/erp/customers.csv" "$work/python.csv" <<'PY'
import csv, math, sys
cpp, py = (list(csv.DictReader(open(p))) for p in sys.argv[1:])
assert len(cpp) == len(py) == 23570
for a, b in zip(cpp, py):
    assert a["customer_id"] == b["customer_id"] and a["tier"] == b["tier"], (a, b)
    for k in ("frequency", "recency", "T", "p_alive", "expected_purchases_52w", "expected_spend", "clv"):
        assert math.isclose(float(a[k]), float(b[k]), rel_tol=1e-12, abs_tol=1e-300), (k, a, b)
PY
    ;;
  pos)
    export PKG_CONFIG_PATH="$libdir/pkgconfig"
    cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/pos" "$src/examples/pos-c/pos.c" \
      $(pkg-config --cflags --libs crmkit)
    journal > "$work/journal.txt"
    rm -rf "$work/desk"
    LD_LIBRARY_PATH="$libdir" "$work/pos" "$work/erp" "$work/journal.txt" "$work/desk" > "$work/pos.out"
    grep -qx "sales rung up: 6919" "$work/pos.out"
    grep -qx "customers: 2357" "$work/pos.out"
    grep -qx "refund customer 114: \$12.50, complaint case refund:journal.txt:101 received, resolution due in 168 h" "$work/pos.out"
    test -f "$work/desk/desk.sqlite3"
    # P(alive) by hand (Fader, Hardie & Lee 2005 eq. 13 with t_x = T, a purchase just made):
    # 1 / (1 + a / (b + x - 1)) for x repeat purchases, 1 for a first purchase; a, b as the
    # batch printed them.
    awk 'NR == FNR { if ($1 == "bg-nbd:") { a = $10; b = $13 }; next }
         $1 == "checkout" {
           x = $8; sub(",", "", x); p = $10; sub(",", "", p)
           want = x == 0 ? 1 : 1 / (1 + a / (b + x - 1))
           if (p - want > 0.00005 || want - p > 0.00005) { print "P(alive) " p " != " want ": " $0; bad = 1 }
           n++ }
         END { exit bad || n != 6919 }' "$work/erp.out" "$work/pos.out"
    # A bad line stops the till: exit 1, the line named, no totals.
    { head -3 "$work/journal.txt"; echo "sale 19970101 4 -5.00"; } > "$work/negative.txt"
    { head -3 "$work/journal.txt"; echo "return 19970101 4 5.00"; } > "$work/unknown.txt"
    for bad in negative unknown; do
      if LD_LIBRARY_PATH="$libdir" "$work/pos" "$work/erp" "$work/$bad.txt" "$work/desk-$bad" \
          > "$work/$bad.out" 2> "$work/$bad.err"; then
        echo "pos accepted $bad.txt"; exit 1
      fi
      if grep -q "sales rung up" "$work/$bad.out"; then echo "pos printed totals for $bad.txt"; exit 1; fi
    done
    grep -q "negative.txt:4: sale refused" "$work/negative.err"
    grep -q "unknown.txt:4: expected 'sale|refund" "$work/unknown.err"
    ;;
  static)
    static_build=$5
    static_prefix="$work/static-prefix"
    cmake -S "$src" -B "$static_build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
      -DCRMKIT_BUILD_TESTS=OFF -DCRMKIT_BUILD_TOOLS=OFF > "$work/static-config.log"
    cmake --build "$static_build" -j2 > "$work/static-build.log"
    rm -rf "$static_prefix"
    cmake --install "$static_build" --prefix "$static_prefix" > "$work/static-install.log"
    test -f "$(find "$static_prefix" -name libcrmkit.a | head -1)"
    if find "$static_prefix" -name 'libcrmkit.so*' | grep -q .; then echo "static build installed a libcrmkit.so"; exit 1; fi
    build_example pos-c pos-static "$static_prefix"
    if ldd "$work/pos-static-build/pos" | grep -q libcrmkit; then echo "the static till loads libcrmkit"; exit 1; fi
    rm -rf "$work/desk-static"
    "$work/pos-static-build/pos" "$work/erp" "$work/journal.txt" "$work/desk-static" > "$work/pos-static.out"
    cmp "$work/pos.out" "$work/pos-static.out"
    # pkg-config's static flags link the same till (only libcrmkit.a is there to find).
    static_libdir=$(dirname "$(find "$static_prefix" -name libcrmkit.a | head -1)")
    cc -std=c99 -o "$work/pos-pc-static" "$src/examples/pos-c/pos.c" \
      $(PKG_CONFIG_PATH="$static_libdir/pkgconfig" pkg-config --static --cflags --libs crmkit)
    rm -rf "$work/desk-pc"
    "$work/pos-pc-static" "$work/erp" "$work/journal.txt" "$work/desk-pc" | cmp - "$work/pos.out"
    ;;
  *)
    echo "usage: examples.sh erp|python|pos|static SOURCE_DIR PYTHON WORK [STATIC_BUILD_DIR]" >&2
    exit 2
    ;;
esac
echo "example $step passed"
