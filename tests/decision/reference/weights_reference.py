"""Independent NumPy computations of the hand cases in tests/decision/test_weights.cpp and
test_ahp.cpp (run with Debian's /usr/bin/python3; prints the values the tests assert)."""
import numpy as np

np.set_printoptions(precision=17)

# Geometric-mean AHP priorities of a 3 x 3 matrix, and the mean of (A w)_i / w_i.
A = np.array([[1, 2, 4], [1 / 2, 1, 3], [1 / 4, 1 / 3, 1]])
g = np.prod(A, axis=1) ** (1 / 3)
g /= g.sum()
print("geometric", repr(g), "lambda", np.mean(A @ g / g))
print("eigen", sorted(np.linalg.eigvals(A).real)[-1])

# Entropy weights (Shannon): p = x / column sum, E = -sum p ln p / ln m, w ~ 1 - E.
X = np.array([[7, 9, 9], [8, 7, 8], [9, 6, 8], [6, 7, 8.0]])
P = X / X.sum(0)
d = 1 + (P * np.log(P)).sum(0) / np.log(len(X))
print("entropy", repr(d / d.sum()))

# CRITIC: min-max normalised in each criterion's direction (column 0 is a cost),
# population standard deviations, Pearson correlations, C = sigma * sum(1 - r).
X = np.array([[250, 16, 12], [200, 16, 8], [300, 32, 16], [275, 32, 8], [225, 16, 16.0]])
cost = [True, False, False]
R = np.empty_like(X)
for j in range(3):
    lo, hi = X[:, j].min(), X[:, j].max()
    R[:, j] = (hi - X[:, j]) / (hi - lo) if cost[j] else (X[:, j] - lo) / (hi - lo)
C = R.std(0) * (1 - np.corrcoef(R.T)).sum(0)
print("critic", repr(C / C.sum()))
