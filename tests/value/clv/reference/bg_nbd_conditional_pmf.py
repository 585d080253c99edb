#!/usr/bin/env python3
"""Reference values for tests/value/clv/test_bg_nbd.cpp ("conditional P(Y(t) = n | history)"):
BG/NBD and MBG/NBD probability of n purchases in (T, T+t] given (x, t_x, T), n into the
thousands.

mpmath at 50 digits. P(alive) * P_new(n) + (1 - P(alive)) [n = 0], where P_new is FHL (2005)
eq. 8 for a new customer with the posterior parameters r+x, alpha+T, a, b+x (+1 for MBG/NBD),
its NBD tail 1 - sum_{j<n} NB(j) summed term by term (no incomplete beta function, unlike the
library). The derivation is checked independently for small n by integrating the generative
model over (lambda, p) numerically:
  P(Y = n, history) = int int prior(lambda, p) [ lambda^x e^(-lambda T) (1-p)^(x+d) f_n(lambda, p)
                       + [n = 0] lambda^x e^(-lambda t_x) p (1-p)^(x-1+d) ] dlambda dp,
  f_n = (1-p)^n Pois(n; lambda t) + [n > 0] p (1-p)^(n-1) P(Pois(lambda t) >= n),
(d = 1 for MBG/NBD's drop-out chance at time 0; for BG/NBD with x = 0 the dead branch is
absent) divided by the same integral summed over n (the history's likelihood); the two agree
to 1e-6, the accuracy of the 2-D quadrature near the priors' singular end points.
"""
import mpmath as mp

mp.mp.dps = 50


def pmf_new(n, r, alpha, a, b, t):
    q = alpha / (alpha + t)
    nb = lambda j: mp.exp(mp.loggamma(r + j) - mp.loggamma(r) - mp.loggamma(j + 1)) * q ** r * (1 - q) ** j
    p = mp.beta(a, b + n) / mp.beta(a, b) * nb(n)
    if n > 0:
        p += mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * (1 - mp.fsum(nb(j) for j in range(n)))
    return p


def p_alive(r, alpha, a, b, x, tx, T, mbg):
    if x == 0 and not mbg:
        return mp.mpf(1)
    d = 1 if mbg else 0
    return 1 / (1 + a / (b + x - 1 + d) * ((alpha + T) / (alpha + tx)) ** (r + x))


def conditional(n, t, x, tx, T, r, alpha, a, b, mbg):
    d = 1 if mbg else 0
    pa = p_alive(r, alpha, a, b, x, tx, T, mbg)
    return pa * pmf_new(n, r + x, alpha + T, a, b + x + d, t) + (1 - pa if n == 0 else 0)


def by_integration(n, t, x, tx, T, r, alpha, a, b, mbg):
    mp.mp.dps = 25
    d = 1 if mbg else 0

    def joint(m):
        def f(lam, p):
            prior = lam ** (r - 1) * mp.exp(-alpha * lam) * p ** (a - 1) * (1 - p) ** (b - 1)
            pois = mp.exp(-lam * t) * (lam * t) ** m / mp.factorial(m)
            tail = 1 - mp.fsum(mp.exp(-lam * t) * (lam * t) ** j / mp.factorial(j) for j in range(m))
            fm = (1 - p) ** m * pois + (p * (1 - p) ** (m - 1) * tail if m > 0 else 0)
            v = lam ** x * mp.exp(-lam * T) * (1 - p) ** (x + d) * fm
            if m == 0 and (x > 0 or mbg):
                v += lam ** x * mp.exp(-lam * tx) * p * (1 - p) ** (x - 1 + d)
            return prior * v
        return mp.quad(f, [0, 0.5, 2, 10, mp.inf], [0, 0.01, 0.5, 1])

    def history(lam, p):
        prior = lam ** (r - 1) * mp.exp(-alpha * lam) * p ** (a - 1) * (1 - p) ** (b - 1)
        v = lam ** x * mp.exp(-lam * T) * (1 - p) ** (x + d)
        if x > 0 or mbg:
            v += lam ** x * mp.exp(-lam * tx) * p * (1 - p) ** (x - 1 + d)
        return prior * v
    value = joint(n) / mp.quad(history, [0, 0.5, 2, 10, mp.inf], [0, 0.01, 0.5, 1])
    mp.mp.dps = 50
    return value


BG = (mp.mpf("0.243"), mp.mpf("4.414"), mp.mpf("0.793"), mp.mpf("2.426"))
MBG = (mp.mpf("0.525"), mp.mpf("6.183"), mp.mpf("0.891"), mp.mpf("1.614"))
CASES = [  # (n, t, x, t_x, T)
    (0, 39, 0, 0, "38.86"), (1, 39, 0, 0, "38.86"), (0, 39, 2, "30.43", "38.86"),
    (3, 39, 2, "30.43", "38.86"), (10, 39, 2, "30.43", "38.86"),
    (1000, 39, 2000, "38.5", 39), (2000, 39, 2000, "38.5", 39), (2500, 39, 2000, "38.5", 39),
    (5000, 100, 2000, "38.5", 39),
]
for mbg, params in ((False, BG), (True, MBG)):
    for n, t, x, tx, T in CASES:
        t, tx, T = mp.mpf(t), mp.mpf(tx), mp.mpf(T)
        v = conditional(n, t, x, tx, T, *params, mbg)
        if n <= 3 and x <= 2:
            check = by_integration(n, t, x, tx, T, *params, mbg)
            assert abs(check / v - 1) < mp.mpf("1e-6"), (mbg, n, x, v, check)
        print("    {%s, %d, %s, %d, %s, %s, %s}," % ("true" if mbg else "false", n, mp.nstr(t, 6), x,
                                                 mp.nstr(tx, 6), mp.nstr(T, 6), mp.nstr(v, 17)))
