#!/usr/bin/env python3
"""Reference for tests/value/clv/test_stability.cpp: BG/NBD E[X(39)] for a new customer with
r = 0.243, alpha = 4.414, a = 0.793 and b at the top of the accepted range (1e6), where the
hypergeometric forms cancel. mpmath at 50 digits, as the mean over p ~ Beta(a, b) of
(1 - (1 + p t/alpha)^-r) / p (FHL 2005 eq. 7 before integrating p out), by mpmath.quad on
p = exp(-v) split around the posterior's bulk (p ~ a/b)."""
import mpmath as mp

mp.mp.dps = 50
r, alpha, a, t = mp.mpf("0.243"), mp.mpf("4.414"), mp.mpf("0.793"), mp.mpf(39)
for b in (mp.mpf(10) ** 4, mp.mpf(10) ** 6):
    kappa = t / alpha
    f = lambda v: mp.exp((1 - a) * v) * (-mp.expm1(-v)) ** (b - 1) * -mp.expm1(-r * mp.log1p(kappa * mp.exp(-v)))
    c = mp.log(b / a)
    e = mp.quad(f, [0, c - 10, c - 3, c, c + 3, c + 10, c + 60, mp.inf]) / mp.beta(a, b)
    print(mp.nstr(b, 3), mp.nstr(e, 17))
