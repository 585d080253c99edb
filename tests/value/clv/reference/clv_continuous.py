#!/usr/bin/env python3
"""Reference for tests/value/clv/test_gamma_gamma.cpp ("CLV with continuous discounting ..."):
the present value of the expected purchases, int_0^H exp(-d t) dE(t), of BG/NBD customers at
the published CDNOW parameters (r 0.243, alpha 4.414, a 0.793, b 2.426), rate d = 0.1 per
time unit, spend 1, for growing horizons H and the limit H -> inf.

mpmath at 50 digits; E(t) = P(alive) * FHL (2005) eq. 10 through mpmath's hyp2f1, and
int_0^H exp(-d t) dE(t) = int_0^H exp(-d t) E'(t) dt with E' by mpmath.diff, integrated by
mpmath.quad on [0, H] split at 1/d multiples (a route independent of the library's
integration by parts over u = exp(-d t)).
"""
import mpmath as mp

mp.mp.dps = 50
r, alpha, a, b = mp.mpf("0.243"), mp.mpf("4.414"), mp.mpf("0.793"), mp.mpf("2.426")
d = mp.mpf("0.1")


def expected(t, x, tx, T):
    if t == 0:
        return mp.mpf(0)
    alive = 1 if x == 0 else 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
    z = t / (alpha + T + t)
    c = a + b + x - 1
    return alive * c / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, c, z))


for x, tx, T in [(0, 0, 0), (2, mp.mpf("30.43"), mp.mpf("38.86"))]:
    for H in ["10", "100", "1000", "1e4", "1e5", "inf"]:
        H = mp.inf if H == "inf" else mp.mpf(H)
        pts = [0] + [k / d for k in (1, 5, 20, 60, 200, 400)] + [mp.inf]
        pts = [p for p in pts if p < H] + [H]
        v = mp.quad(lambda t: mp.exp(-d * t) * mp.diff(lambda s: expected(s, x, tx, T), t), pts)
        print(x, mp.nstr(tx, 6), mp.nstr(T, 6), mp.nstr(H, 6), mp.nstr(v, 17))
