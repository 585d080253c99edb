#!/usr/bin/env python3
"""Reference values for tests/value/clv/test_pareto_nbd.cpp ("P(X(t) = n)" and "conditional
P(Y(t) = n | history)"): Pareto/NBD probability of n purchases, n into the thousands, at
CDNOW's published parameters (Fader, Hardie & Lee 2005, r 0.553, alpha 10.578, s 0.606,
beta 11.669; Pareto/NBD fit in weeks).

mpmath at 50 digits. A new customer: alive through (0, t] with n purchases, or dead at some
tau in (0, t] after n purchases:
  P(X(t) = n) = NB(n) (beta/(beta+t))^s
              + Gamma(r+n)/(Gamma(r) n!) alpha^r s beta^s int_0^t tau^n (alpha+tau)^-(r+n) (beta+tau)^-(s+1) dtau,
NB(n) the NBD(r, alpha/(alpha+t)) probability. The library evaluates the tau integral by
quadrature; here it is summed as a series of incomplete beta functions instead (expanding the
factor with the smaller of alpha, beta in powers of |alpha-beta|/(max+tau), all terms positive),
and cross-checked against mpmath quadrature of the tau integral to 1e-30.
Given a history (x, t_x, T): P(alive) P_new(n) + (1 - P(alive)) [n = 0], with P_new the above at
the posterior parameters r+x, alpha+T, s, beta+T (memoryless lifetime: a customer alive at T
is a new Pareto/NBD customer from T on) and P(alive) from the two likelihood branches, its
dead branch integrated by mpmath quadrature.
The derivation is checked independently for n <= 1 (and t <= 39, x <= 2) by integrating the generative model over
(lambda, mu) numerically:
  P(n) = int int prior(lambda, mu) [ lambda^x e^(-(lambda+mu) T) f_n(lambda, mu)
          + [n = 0] lambda^x mu/(lambda+mu) (e^(-(lambda+mu) t_x) - e^(-(lambda+mu) T)) ]
  / (the same with f_n = 1),
  f_n = e^(-mu t) Pois(n; lambda t) + mu lambda^n/(lambda+mu)^(n+1) P(Gamma(n+1, lambda+mu) <= t)
(x = t_x = T = 0 for a new customer); the two agree to 1e-6, the accuracy of the 2-D quadrature
near the gamma priors' singular end points.
"""
import mpmath as mp

mp.mp.dps = 50


def coef(r, n):  # Gamma(r+n) / (Gamma(r) n!)
    return mp.exp(mp.loggamma(r + n) - mp.loggamma(r) - mp.loggamma(n + 1))


def dead_integral_series(n, t, r, alpha, s, beta):
    """int_0^t tau^n (alpha+tau)^-(r+n) (beta+tau)^-(s+1) dtau as a positive series."""
    m = max(alpha, beta)
    d = abs(alpha - beta)
    shape = s + 1 if alpha >= beta else r + n  # exponent of the factor expanded
    total, k, term_coef = mp.mpf(0), 0, mp.mpf(1)  # term_coef = (shape)_k / k! d^k
    while True:
        # int_0^t tau^n (m+tau)^-(r+s+n+1+k) dtau = m^-(r+s+k) B_{t/(m+t)}(n+1, r+s+k)
        term = term_coef * m ** -(r + s + k) * mp.betainc(n + 1, r + s + k, 0, t / (m + t))
        total += term
        if d == 0 or (k > 10 and term < mp.mpf(10) ** -60 * total):
            return total
        term_coef *= (shape + k) * d / (k + 1)
        k += 1


def dead_integral_quad(n, t, r, alpha, s, beta):
    f = lambda u: u ** n * (alpha + u) ** -(r + n) * (beta + u) ** -(s + 1)
    return mp.quad(f, mp.linspace(0, t, 8))


def pmf_new(n, t, r, alpha, s, beta):
    nb = coef(r, n) * (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** n
    dead = coef(r, n) * alpha ** r * s * beta ** s * dead_integral_series(n, t, r, alpha, s, beta)
    return nb * (beta / (beta + t)) ** s + dead


def p_alive(x, tx, T, r, alpha, s, beta):
    alive = (alpha + T) ** -(r + x) * (beta + T) ** -s
    dead = s * mp.quad(lambda u: (alpha + u) ** -(r + x) * (beta + u) ** -(s + 1), [tx, T]) if T > tx else 0
    return alive / (alive + dead)


def conditional(n, t, x, tx, T, r, alpha, s, beta):
    pa = p_alive(x, tx, T, r, alpha, s, beta)
    return pa * pmf_new(n, t, r + x, alpha + T, s, beta + T) + (1 - pa if n == 0 else 0)


def by_integration(n, t, x, tx, T, r, alpha, s, beta):
    mp.mp.dps = 15
    prior = lambda lam, mu: lam ** (r - 1) * mp.exp(-alpha * lam) * mu ** (s - 1) * mp.exp(-beta * mu)

    def dead_branch(lam, mu):
        if T <= tx:
            return 0
        return lam ** x * mu / (lam + mu) * (mp.exp(-(lam + mu) * tx) - mp.exp(-(lam + mu) * T))

    def f_n(lam, mu):
        pois = mp.exp(-lam * t) * (lam * t) ** n / mp.factorial(n)
        died = mu * lam ** n / (lam + mu) ** (n + 1) * mp.gammainc(n + 1, 0, (lam + mu) * t, regularized=True)
        return mp.exp(-mu * t) * pois + died

    def joint(lam, mu):
        v = lam ** x * mp.exp(-(lam + mu) * T) * f_n(lam, mu)
        if n == 0:
            v += dead_branch(lam, mu)
        return prior(lam, mu) * v

    def history(lam, mu):
        return prior(lam, mu) * (lam ** x * mp.exp(-(lam + mu) * T) + dead_branch(lam, mu))
    grid = [0, 0.01, 0.1, 0.5, 2, 10, mp.inf]
    value = mp.quad(joint, grid, grid) / mp.quad(history, grid, grid)
    mp.mp.dps = 50
    return value


CDNOW = (mp.mpf("0.553"), mp.mpf("10.578"), mp.mpf("0.606"), mp.mpf("11.669"))
# Cross-check of the series against quadrature of the tau integral, both orientations.
for params in (CDNOW, (CDNOW[0], CDNOW[3], CDNOW[2], CDNOW[1])):
    for n, t in ((0, 1), (5, 39), (100, 520), (1000, 520)):
        a = dead_integral_series(n, mp.mpf(t), *params)
        b = dead_integral_quad(n, mp.mpf(t), *params)
        assert abs(a / b - 1) < mp.mpf("1e-30"), (params, n, t, a, b)

print("// new customer {n, t, P(X(t) = n)}")
for t in (1, 39, 520):
    for n in (0, 1, 2, 5, 10, 100, 1000):
        v = pmf_new(n, mp.mpf(t), *CDNOW)
        if n <= 1 and t <= 39:
            check = by_integration(n, mp.mpf(t), 0, 0, 0, *CDNOW)
            assert abs(check / v - 1) < mp.mpf("1e-6"), (n, t, v, check)
        print("    {%d, %d, %s}," % (n, t, mp.nstr(v, 17)))

print("// history {n, t, x, t_x, T, P(Y(t) = n | x, t_x, T)}")
HISTORIES = [(0, 0, "38.86"), (2, "30.43", "38.86"), (2, "10", "38.86"), (200, "38.5", 39)]
for x, tx, T in HISTORIES:
    tx, T = mp.mpf(tx), mp.mpf(T)
    for n, t in ((0, 39), (1, 39), (2, 39), (10, 1), (100, 520), (1000, 520)):
        v = conditional(n, mp.mpf(t), x, tx, T, *CDNOW)
        if n <= 1 and x <= 2:
            check = by_integration(n, mp.mpf(t), x, tx, T, *CDNOW)
            assert abs(check / v - 1) < mp.mpf("1e-6"), (n, t, x, v, check)
        print("    {%d, %d, %d, %s, %s, %s}," % (n, t, x, mp.nstr(tx, 6), mp.nstr(T, 6), mp.nstr(v, 17)))
