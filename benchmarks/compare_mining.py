#!/usr/bin/env python3
"""Issue 27: scikit-learn and crmkit on the same data in one session.

    /usr/bin/python3 benchmarks/compare_mining.py build/release/benchmarks/bench_value_mining

Writes the benchmark's data (bench_value_mining --write-data), times scikit-learn's
KMeans(n_clusters=8, n_init=10) on 1,000,000 x 4 and LogisticRegression() (lbfgs, C = 1) on
1,000,000 x 8, three runs each (wall time, best and median), then runs the C++ benchmark and
prints the ratios. Needs python3-sklearn (not a build dependency).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression


def timed(fit, runs=3):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fit()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main():
    bench = os.path.realpath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([bench, "--write-data", tmp], check=True)
        blobs = np.fromfile(os.path.join(tmp, "blobs_1M_x4.f64")).reshape(-1, 4)
        X = np.fromfile(os.path.join(tmp, "features_1M_x8.f64")).reshape(-1, 8)
        y = np.fromfile(os.path.join(tmp, "churned_1M.f64"))
    print("scikit-learn", sklearn.__version__, "numpy", np.__version__, "cores", os.cpu_count(),
          "load", os.getloadavg())
    km = {}
    sk_km = timed(lambda: km.setdefault("m", KMeans(n_clusters=8, n_init=10, random_state=0).fit(blobs)))
    lr = {}
    sk_lr = timed(lambda: lr.setdefault("m", LogisticRegression().fit(X, y)))
    print("sklearn KMeans: best %.3f s, median %.3f s, inertia %.6g" % (*sk_km, km["m"].inertia_))
    print("sklearn LogisticRegression: best %.3f s, median %.3f s" % sk_lr)
    out = subprocess.run([bench, "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout
    rows = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration":
            rows.setdefault(b["run_name"], []).append(b["real_time"] / 1000)
    for name, times in rows.items():
        ref = sk_km if "KMeans" in name else sk_lr
        print("%-45s best %.3f s median %.3f s   sklearn/crmkit (best) %.2fx  (median) %.2fx"
              % (name, min(times), statistics.median(times), ref[0] / min(times),
                 ref[1] / statistics.median(times)))


if __name__ == "__main__":
    main()
