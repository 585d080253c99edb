#!/usr/bin/python3
"""Independent NumPy computations of the reference values in tests/decision/test_rank.cpp.

Written from the methods' textbook formulas (Hwang & Yoon 1981 for TOPSIS; Opricovic & Tzeng
2004 for VIKOR; Brans & Vincke 1985 for PROMETHEE II; Zavadskas et al. 2012 for WASPAS), one
matrix operation per step, with no code shared with the library. Run it to print the values
the tests quote:  /usr/bin/python3 tests/decision/reference/mcdm_reference.py
(tests/python/test_rank.py imports the functions to check every method on random problems).
"""
import numpy as np



def topsis(x, w, cost, minmax=False):
    x = np.asarray(x, float)
    if minmax:
        lo, hi = x.min(0), x.max(0)
        r = np.where(cost, (hi - x) / (hi - lo), (x - lo) / (hi - lo))
        v = r * w
        best, worst = v.max(0), v.min(0)
    else:
        v = x / np.sqrt((x ** 2).sum(0)) * w
        best = np.where(cost, v.min(0), v.max(0))
        worst = np.where(cost, v.max(0), v.min(0))
    dp = np.sqrt(((v - best) ** 2).sum(1))
    dm = np.sqrt(((v - worst) ** 2).sum(1))
    return dp, dm, dm / (dp + dm)


def vikor(x, w, cost, v=0.5):
    x = np.asarray(x, float)
    best = np.where(cost, x.min(0), x.max(0))
    worst = np.where(cost, x.max(0), x.min(0))
    g = w * (best - x) / (best - worst)
    s, r = g.sum(1), g.max(1)
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    return s, r, q


def promethee(x, w, cost, pref):
    x = np.asarray(x, float)
    n = x.shape[0]
    sign = np.where(cost, -1.0, 1.0)
    d = (x[:, None, :] - x[None, :, :]) * sign  # d[a, b, j]
    p = np.zeros_like(d)
    for j, f in enumerate(pref):
        p[:, :, j] = f(d[:, :, j])
    pi = (p * w).sum(2)
    plus = pi.sum(1) / (n - 1)
    minus = pi.sum(0) / (n - 1)
    return plus, minus, plus - minus


def ratio(x, cost):
    x = np.asarray(x, float)
    return np.where(cost, x.min(0) / x, x / x.max(0))


usual = lambda d: (d > 0).astype(float)
linear = lambda q, p: (lambda d: np.clip((d - q) / (p - q), 0, 1))
vshape = lambda p: (lambda d: np.clip(d / p, 0, 1))
gauss = lambda s: (lambda d: np.where(d > 0, 1 - np.exp(-d ** 2 / (2 * s ** 2)), 0.0))

def main():
    np.set_printoptions(precision=15)
    print("TOPSIS, Faez's car example (Civic, Saturn, Ford, Mazda; last criterion a cost)")
    cars = [[7, 9, 9, 8], [8, 7, 8, 7], [9, 6, 8, 9], [6, 7, 8, 6]]
    wc, cc = np.array([0.1, 0.4, 0.3, 0.2]), np.array([0, 0, 0, 1], bool)
    print(" ideal", (np.asarray(cars) / np.sqrt((np.asarray(cars, float) ** 2).sum(0)) * wc).max(0))
    print(" D+, D-, C", *topsis(cars, wc, cc))

    print("TOPSIS, Sennaroglu's 3 x 2 example (weights 0.714, 0.286)")
    print(" D+, D-, C", *topsis([[17, 12], [10, 9], [8, 6]], np.array([0.714, 0.286]), np.array([0, 0], bool)))

    print("TOPSIS minmax on the car example:", topsis(cars, wc, cc, minmax=True)[2])

    print("VIKOR, onlineoutput.com 'School project' example (5 x 5, weights 0.2, criterion 3 a cost)")
    school = [[2, 5.6, 10.7, 3, 1], [3, 6.4, 8.3, 5, 2], [5, 2.32, 3.3, 1, 5], [2, 14.6, 10, 3, 1],
              [3, 10.8, 6.8, 2, 3]]
    ws, cs = np.full(5, 0.2), np.array([0, 0, 1, 0, 0], bool)
    print(" S, R, Q", *vikor(school, ws, cs))

    print("PROMETHEE II (usual) on the school example: phi+, phi-, phi")
    print(" ", *promethee(school, ws, cs, [usual] * 5))
    print("PROMETHEE II (linear q=1 p=3; v-shape p=5; gaussian s=2; usual; level skipped)")
    print(" ", *promethee(school, ws, cs, [linear(1, 3), vshape(5), gauss(2), usual, usual]))

    print("WSM / WPM / WASPAS (max normalisation) on the car example")
    r = ratio(cars, cc)
    wsm, wpm = (r * wc).sum(1), np.prod(r ** wc, 1)
    print(" WSM", wsm, "\n WPM", wpm, "\n WASPAS 0.5", 0.5 * wsm + 0.5 * wpm)


if __name__ == "__main__":
    main()
