#!/usr/bin/env python3
"""scikit-learn reference values for tests/value/test_segment.cpp and test_churn.cpp.

Run from the repository root with Debian's python3-sklearn (not a build dependency):
    /usr/bin/python3 tests/value/reference/mining_sklearn.py
It rebuilds the CDNOW features from data/cdnow/CDNOW_master.txt on its own (calibration to
1997-09-30, holdout to 1998-06-30, days; no same-day merging), so the C++ side is checked
against an independent path from the raw file, and prints the figures the C++ tests keep.
"""
import datetime
import math
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score, silhouette_score

EPOCH = datetime.date(1970, 1, 1)


def day(text):
    return (datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8])) - EPOCH).days


def cdnow_features(path="data/cdnow/CDNOW_master.txt"):
    end, holdout_end = day("19970930"), day("19980630")
    cust = {}
    with open(path) as f:
        next(f)
        for line in f:
            cid, date, _cds, dollars = line.split()
            d = day(date)
            c = cust.setdefault(int(cid), {"first": d, "last": d, "n": 0, "value": 0.0, "hold": 0})
            if d <= end:
                c["first"] = min(c["first"], d)
                c["last"] = max(c["last"], d)
                c["n"] += 1
                c["value"] += float(dollars)
            elif d <= holdout_end:
                c["hold"] += 1
    rows, label = [], []
    for cid in sorted(cust):
        c = cust[cid]
        tenure = end - c["first"]
        regularity = (c["last"] - c["first"]) / (c["n"] - 1) if c["n"] > 1 else tenure
        rows.append([end - c["last"], c["n"], c["value"], tenure, regularity])
        label.append(1.0 if c["hold"] == 0 else 0.0)
    return np.array(rows), np.array(label)


def zscore(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)


def blobs():
    """Three well-separated blobs, no RNG: the same formula is in test_segment.cpp."""
    centres = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)]
    pts, truth = [], []
    for i in range(300):
        c = i % 3
        pts.append([centres[c][0] + ((i * 37) % 17 - 8) / 8.0, centres[c][1] + ((i * 53) % 19 - 9) / 9.0])
        truth.append(c)
    return np.array(pts), np.array(truth)


def main():
    print("scikit-learn", sklearn.__version__, "numpy", np.__version__, "python", sys.version.split()[0])
    X, y = cdnow_features()
    print("cdnow customers", len(y), "churn rate %.17g" % y.mean())

    # Churn: log1p(frequency, monetary), then z-score, then L2 logistic regression.
    Z = X.copy()
    Z[:, 1] = np.log1p(Z[:, 1])
    Z[:, 2] = np.log1p(Z[:, 2])
    Z = zscore(Z)
    for lam, weight in ((1.0, None), (10.0, "balanced")):
        lr = LogisticRegression(C=1.0 / lam, class_weight=weight, tol=1e-12, max_iter=100000)
        lr.fit(Z, y)
        p = lr.predict_proba(Z)[:, 1]
        print("logistic l2=%g class_weight=%s" % (lam, weight))
        print("  intercept %.10f" % lr.intercept_[0])
        print("  coef", ", ".join("%.10f" % v for v in lr.coef_[0]))
        print("  log_loss %.10f auc %.10f" % (log_loss(y, p), roc_auc_score(y, p)))

    # k-means: recency, log1p(frequency), log1p(monetary), z-scored; k = 4, 10 restarts.
    K = X[:, :3].copy()
    K[:, 1] = np.log1p(K[:, 1])
    K[:, 2] = np.log1p(K[:, 2])
    K = zscore(K)
    for k in (3, 4, 5):
        best = min(KMeans(n_clusters=k, n_init=10, random_state=s).fit(K).inertia_ for s in range(5))
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(K)
        print("kmeans k=%d inertia(seed 0) %.10f best of 5 seeds %.10f" % (k, km.inertia_, best))

    B, truth = blobs()
    km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(B)
    same = all(len(set(km.labels_[truth == c])) == 1 for c in range(3)) and len(set(km.labels_)) == 3
    print("blobs: sklearn partition equals the construction: %s; inertia %.10f; silhouette %.10f"
          % (same, km.inertia_, silhouette_score(B, truth)))


if __name__ == "__main__":
    main()
