#!/usr/bin/env python3
"""Reference values for tests/value/clv/test_stability.cpp: BG/NBD and MBG/NBD conditional
expected purchases E[Y(t) | x, t_x, T] for small a and horizons up to 1e6 (alpha + T).

Computed with mpmath at 50 significant digits by two independent routes, which must agree
to 1e-20 before a value is printed:
  1. FHL (2005) eq. 10 with mpmath's hyp2f1 (which uses its own transformations near z = 1):
       P(alive) * (a+b'+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x)
                                        * 2F1(r+x, b'+x; a+b'+x-1; t/(alpha+T+t))]
     with b' = b for BG/NBD and b + 1 for MBG/NBD (Batislam et al. 2007);
  2. the posterior expectation over the drop-out probability p ~ Beta(a, b'+x) of
       (1 - (1 + p t/(alpha+T))^-(r+x)) / p,
     integrated by mpmath.quad in two parts: p <= (alpha+T)/t with u = p^a, above with
     p = exp(-v).
Run: python3 bg_nbd_long_horizon.py  (prints the C++ table rows used by the test).
"""
import mpmath as mp

mp.mp.dps = 50

R, ALPHA, B = mp.mpf("0.243"), mp.mpf("4.414"), mp.mpf("2.426")  # CDNOW BG/NBD, a varied
CUSTOMERS = [(0, 0, 0), (2, "30.43", "38.86"), (50, 38, 39)]
A_VALUES = ["1e-4", "1e-3", "0.01", "0.03", "0.1"]
Y_VALUES = ["500", "2000", "1e4", "1e5", "1e6"]  # t / (alpha + T); 500 is below z = 0.999


def p_alive(a, b, x, tx, T, mbg):
    if x == 0 and not mbg:
        return mp.mpf(1)
    d = 1 if mbg else 0
    return 1 / (1 + a / (b + x - 1 + d) * ((ALPHA + T) / (ALPHA + tx)) ** (R + x))


def future_hyp(a, b, x, T, t):
    z = t / (ALPHA + T + t)
    c = a + b + x - 1
    return c / (a - 1) * (1 - ((ALPHA + T) / (ALPHA + T + t)) ** (R + x) * mp.hyp2f1(R + x, b + x, c, z))


def future_quad(a, b, x, T, t):
    kappa = t / (ALPHA + T)
    bx, n = b + x, R + x
    h = lambda p: -mp.expm1(-n * mp.log1p(p * kappa)) / p  # no cancellation for tiny p
    ps = 1 / kappa
    # p in (0, 1/kappa]: u = (p kappa)^a, p^(a-1) dp = ps^a du / a (the mass of p^(a-1) near 0).
    low = mp.quad(lambda u: (1 - ps * u ** (1 / a)) ** (bx - 1) * h(ps * u ** (1 / a)),
                  [0, 1 - 10 * a, 1 - a, 1]) * ps ** a / a
    # p in [1/kappa, 1]: p = exp(-v), v in [0, log kappa].
    high = mp.quad(lambda v: mp.exp(-a * v) * (-mp.expm1(-v)) ** (bx - 1) * h(mp.exp(-v)),
                   [0, 1, mp.log(kappa)])
    return (low + high) / mp.beta(a, bx)


for mbg in (False, True):
    for a_s in A_VALUES:
        a = mp.mpf(a_s)
        for x, tx, T in CUSTOMERS:
            tx, T = mp.mpf(tx), mp.mpf(T)
            b = B + 1 if mbg else B
            for y_s in Y_VALUES:
                t = mp.mpf(y_s) * (ALPHA + T)
                f1, f2 = future_hyp(a, b, x, T, t), future_quad(a, b, x, T, t)
                assert abs(f1 / f2 - 1) < mp.mpf("1e-20"), (mbg, a, x, y_s, f1, f2)
                e = p_alive(a, b - 1 if mbg else b, x, tx, T, mbg) * f1
                print("    {%s, %s, %s, %s, %s, %s, %s}," % (
                    "true" if mbg else "false", a_s, x, mp.nstr(tx, 6), mp.nstr(T, 6),
                    mp.nstr(t, 17), mp.nstr(e, 17)))
