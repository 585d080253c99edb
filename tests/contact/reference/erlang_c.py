"""Erlang B and C at 50 digits from their textbook definitions (factorials summed directly,
no recurrence): B = (A^N / N!) / sum_{k<=N} A^k / k!, C = (A^N / N! * N / (N - A)) /
(sum_{k<N} A^k / k! + A^N / N! * N / (N - A)). The loads of thousands of Erlangs are where a
double-precision factorial overflows. Run: /usr/bin/python3 tests/contact/reference/erlang_c.py
"""
from mpmath import mp, mpf, factorial

mp.dps = 50


def erlang_b(n, a):
    a = mpf(a)
    return (a ** n / factorial(n)) / sum(a ** k / factorial(k) for k in range(n + 1))


def erlang_c(n, a):
    a = mpf(a)
    top = a ** n / factorial(n) * n / (n - a)
    return top / (sum(a ** k / factorial(k) for k in range(n)) + top)


if __name__ == "__main__":
    for n, a in [(1050, 1000), (1000, 1000), (5100, 5000), (14, 10), (13, 10)]:
        print(n, a, "B", mp.nstr(erlang_b(n, a), 17), "C", mp.nstr(erlang_c(n, a), 17) if n > a else "-")
