#!/bin/sh
# Writes the generated transaction logs the summary figures in benchmarks/README.md were
# measured on (10,000,000 rows, 1,000,000 customers, two years, 283 MB each), in time order
# and in random order, so that the CLI can be timed on them:
#   benchmarks/make_summary_log.sh [BUILD_DIR] [OUT_DIR]
#   /usr/bin/time -f '%e s %M KB' BUILD_DIR/crmkit summarize --merge-same-day \
#       OUT_DIR/summary_10M_random.csv > /dev/null
# The data are seeded (the generator is in bench_summary.cpp): every run writes the same bytes.
set -eu
build=${1:-build/release}
out=${2:-${TMPDIR:-/tmp}}
gen="$build/benchmarks/bench_summary"
[ -x "$gen" ] || { echo "no $gen: configure with -DCRMKIT_BUILD_BENCHMARKS=ON and build bench_summary" >&2; exit 1; }
for order in time random; do
  "$gen" --generate "$out/summary_10M_$order.csv" 10000000 1000000 "$order"
  echo "$out/summary_10M_$order.csv"
done
