#!/usr/bin/python3
"""Side-by-side timing of crmkit's Python binding and the `lifetimes` package (0.11.3) in one
run, on the same data: BG/NBD and Pareto/NBD fits on the CDNOW summary (2,357 customers) and a
BG/NBD fit on 1,000,000 customers (the CDNOW rows tiled), plus conditional predictions.

lifetimes is not packaged in Debian: fetch its source (and autograd's, which it imports) and
put both on PYTHONPATH; nothing of theirs is committed here.
    PYTHONPATH=lifetimes:autograd:bindings/python CRMKIT_LIBRARY=build/release/libcrmkit.so \
        /usr/bin/python3 benchmarks/compare_lifetimes.py data/cdnow/cdnow_customers_summary.csv
Prints wall times (best of `repeat`) and the ratio, and the parameters both found."""
import csv
import sys
import time

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, ParetoNBDFitter

from crmkit.value import BetaGeo, ParetoNbd


def best(f, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - start)
    return min(times), out


def load(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return tuple(np.array([float(r[k]) for r in rows]) for k in ("frequency", "recency", "T"))


def main(path):
    x, tx, T = load(path)
    big = [np.tile(a, 1_000_000 // len(a) + 1)[:1_000_000] for a in (x, tx, T)]
    rows = []

    def pair(name, ours, theirs, repeat):
        t_ours, m_ours = best(ours, repeat)
        t_theirs, m_theirs = best(theirs, repeat)
        rows.append((name, t_ours, t_theirs))
        return m_ours, m_theirs

    bg, bgf = pair("BG/NBD fit, CDNOW (2,357)", lambda: BetaGeo().fit(x, tx, T),
                   lambda: BetaGeoFitter().fit(pd.Series(x), pd.Series(tx), pd.Series(T)), 5)
    pn, pnf = pair("Pareto/NBD fit, CDNOW", lambda: ParetoNbd().fit(x, tx, T),
                   lambda: ParetoNBDFitter().fit(pd.Series(x), pd.Series(tx), pd.Series(T)), 3)
    pair("BG/NBD fit, 1,000,000 customers", lambda: BetaGeo().fit(*big),
         lambda: BetaGeoFitter().fit(*[pd.Series(a) for a in big]), 1)
    pair("BG/NBD conditional expected purchases, 1,000,000",
         lambda: bg.conditional_expected_purchases(39, *big),
         lambda: bgf.conditional_expected_number_of_purchases_up_to_time(39, *big), 3)
    print("%-52s %12s %12s %8s" % ("benchmark (wall, best of runs)", "crmkit", "lifetimes", "ratio"))
    for name, ours, theirs in rows:
        print("%-52s %10.1f ms %10.1f ms %7.1fx" % (name, ours * 1e3, theirs * 1e3, theirs / ours))
    print("BG/NBD     crmkit %s\n           lifetimes %s" % (bg.params, dict(bgf.params_)))
    print("Pareto/NBD crmkit %s\n           lifetimes %s" % (pn.params, dict(pnf.params_)))


if __name__ == "__main__":
    main(sys.argv[1])
