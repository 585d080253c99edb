#!/usr/bin/env bash
# CLI behaviour: exit codes, the column contract of `summarize`, JSON numbers, one-line
# errors naming FILE:LINE:COL. Usage: run.sh CRMKIT_BINARY DATA_DIR
set -u
crmkit=$(realpath "$1")
data=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$crmkit" --version | grep -Eq '^crmkit [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"

# The CDNOW sample with the issue's options: 2,357 customers; header as contracted.
"$crmkit" summarize "$data/cdnow/CDNOW_sample.txt" --no-header --delimiter whitespace \
  --customer 2 --time 3 --amount 5 --time-format %Y%m%d --unit week --end 1997-09-30 \
  --holdout-end 1998-06-30 --merge-same-day > "$tmp/sum.csv" || fail "summarize cdnow"
head -1 "$tmp/sum.csv" | grep -qx 'customer_id,frequency,recency,T,monetary_value,first,last,purchases,total_value,holdout_frequency,holdout_value' \
  || fail "summarize header: $(head -1 "$tmp/sum.csv")"
[ "$(($(wc -l < "$tmp/sum.csv") - 1))" = 2357 ] || fail "summarize row count"
# Sums of x and of holdout x: 2,457 and 1,882 (data/cdnow/README.md).
awk -F, 'NR>1 {x+=$2; h+=$10} END {exit !(x==2457 && h==1882)}' "$tmp/sum.csv" || fail "sum of x / holdout"
# Customer 1: x = 2, t_x = 30.43, T = 38.86 (cdnow_customers_summary.csv).
awk -F, '$1=="0001" {exit !($2==2 && sprintf("%.2f",$3)=="30.43" && sprintf("%.2f",$4)=="38.86" && $6=="1997-01-01")}' "$tmp/sum.csv" \
  || fail "customer 1 row"

# JSON: numbers unquoted, ids quoted.
"$crmkit" summarize "$data/cdnow/CDNOW_sample.txt" --no-header --delimiter whitespace \
  --customer 2 --time 3 --amount 5 --time-format %Y%m%d --merge-same-day --end 1997-09-30 \
  --drop-late --json > "$tmp/sum.json" || fail "summarize --json"
grep -q '"customer_id": "0001", "frequency": 2, "recency": 30.4285714285714' "$tmp/sum.json" || fail "json row: $(sed -n 2p "$tmp/sum.json")"

# A header file with default column names and no amount column.
"$crmkit" summarize "$data/lifetimes_synthetic/example_transactions.csv" --customer id \
  --no-amount --unit day > "$tmp/syn.csv" || fail "summarize synthetic"
[ "$(($(wc -l < "$tmp/syn.csv") - 1))" -gt 0 ] || fail "synthetic rows"

# Bad input: non-zero exit, one line "crmkit: error: FILE:LINE:COL: what", nothing on stdout.
expect_error() {  # expected-stderr-regex file args...
  local pattern=$1; shift
  "$crmkit" summarize "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  [ $rc -ne 0 ] || fail "exit 0 for $*"
  [ ! -s "$tmp/out" ] || fail "partial output for $*"
  [ "$(wc -l < "$tmp/err")" = 1 ] || fail "not one line for $*: $(cat "$tmp/err")"
  grep -Eq "$pattern" "$tmp/err" || fail "message for $*: $(cat "$tmp/err") (wanted $pattern)"
}
printf 'customer_id,date,amount\n1,2020-01-01,5\n2,2020-01-02\n' > "$tmp/ragged.csv"
expect_error "^crmkit: error: $tmp/ragged.csv:3:[0-9]+: expected 3 fields, found 2$" "$tmp/ragged.csv"
printf 'customer_id,date,amount\n1,2020-01-01,5\n2,2020-01-02,abc\n' > "$tmp/num.csv"
expect_error "num.csv:3:14: 'abc' is not a number" "$tmp/num.csv"
printf 'customer_id,date,amount\n1,2020-01-01,5\n2,2020-02-30,1\n' > "$tmp/date.csv"
expect_error "date.csv:3:3: cannot read time '2020-02-30'" "$tmp/date.csv"
printf 'customer_id,date,amount\n1,2020-01-01,-5\n' > "$tmp/neg.csv"
expect_error "neg.csv:2:14: amount -5 is negative" "$tmp/neg.csv"
printf 'customer_id,date,amount\n1,2020-01-01,nan\n' > "$tmp/nan.csv"
expect_error "nan.csv:2:14: amount is not a finite number" "$tmp/nan.csv"
printf 'customer_id,date,amount\n1,2020-01-01,5\n1,2020-03-01,5\n' > "$tmp/late.csv"
expect_error "late.csv:3:[0-9]+: time .* is after the observation end" "$tmp/late.csv" --end 2020-02-01
expect_error "no column named 'spend' \(columns: customer_id, date, amount\)" "$tmp/late.csv" --amount spend
: > "$tmp/empty.csv"
expect_error "empty.csv: empty file" "$tmp/empty.csv"
printf 'customer_id,date,amount\n' > "$tmp/header_only.csv"
expect_error "header_only.csv: no transactions" "$tmp/header_only.csv"
expect_error "cannot open file" "$tmp/missing.csv"

# Usage errors exit 2.
"$crmkit" summarize --bogus x > /dev/null 2>&1; [ $? = 2 ] || fail "unknown option exit code"
"$crmkit" nosuchcommand > /dev/null 2>&1; [ $? = 2 ] || fail "unknown command exit code"

# The demo writes its report.
(cd "$tmp" && "$crmkit" demo --data "$data" --out "$tmp/report" > "$tmp/demo.txt") || fail "demo"
grep -q '<svg' "$tmp/report/report.html" || fail "demo report has no chart"

if [ $fails -ne 0 ]; then echo "$fails CLI check(s) failed"; exit 1; fi
echo "CLI checks passed"
