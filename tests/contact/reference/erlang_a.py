"""Erlang A (M/M/N+M) reference values at 50 digits, independent of src/contact/erlang.cpp:
the birth-death chain summed state by state (no Erlang B, no closed-form density, no
quadrature), and each waiting caller followed as a small Markov chain.

- pi_n: n < N: A^n / n!; n = N + j: pi_N prod_{i=1..j} lambda / (N mu + i theta); truncated
  where the terms fall below 1e-45 of the total, then normalised.
- P(wait) = sum_{n >= N} pi_n; Lq = sum_j j pi_{N+j}; P(abandon) = theta Lq / lambda.
- A caller finding j others waiting moves through stages j, j-1, ..., 0 (ahead of it: N mu
  agents finishing plus i theta callers abandoning), leaving each at rate N mu + i theta + theta
  (the last theta its own abandonment). First-step analysis gives P(answered | j) and
  E[wait; answered | j]; P(answered within t | j) comes from uniformizing that chain at rate
  Lambda (a Poisson mixture of a discrete chain: positive terms only, no cancellation).
- service level = sum_{n<N} pi_n + sum_j pi_{N+j} P(answered within t | j);
  ASA = sum_j pi_{N+j} E[wait; answered | j] / (1 - P(abandon)); ASA of the delayed = the same
  numerator / (P(wait) - P(abandon)).

Run: /usr/bin/python3 tests/contact/reference/erlang_a.py  (prints the table quoted in
tests/contact/test_erlang.cpp).
"""
from mpmath import mp, mpf, exp, factorial

mp.dps = 50


def erlang_a(agents, calls, length, aht, patience, t):
    lam, mu, theta = mpf(calls) / length, 1 / mpf(aht), 1 / mpf(patience)
    a = lam / mu
    below = [a ** n / factorial(n) for n in range(agents)]
    queue = [a ** agents / factorial(agents)]
    while True:
        j = len(queue)
        queue.append(queue[-1] * lam / (agents * mu + j * theta))
        if j > 10 and queue[-1] < mpf(10) ** -45 * (sum(below) + sum(queue)):
            break
    total = sum(below) + sum(queue)
    below = [p / total for p in below]
    queue = [p / total for p in queue]
    p_wait = sum(queue)
    lq = sum(j * p for j, p in enumerate(queue))
    p_abandon = theta * lq / lam

    service = agents * mu
    answered, moment = [], []  # P(answered | j), E[wait; answered | j]
    for i in range(len(queue)):
        leave = service + i * theta + theta
        onward = (service + i * theta) / leave
        p_prev, m_prev = (answered[-1], moment[-1]) if i else (mpf(1), mpf(0))
        answered.append(onward * p_prev)
        moment.append(answered[-1] / leave + onward * m_prev)

    # Uniformized chain: u_k[i] = P(answered within k jumps | i ahead).
    rate = service + len(queue) * theta
    u = [mpf(0)] * len(queue)
    within = [mpf(0)] * len(queue)
    weight = exp(-rate * t)  # Poisson(k; rate t) at k = 0
    k = 0
    while True:
        k += 1
        u = [((service + i * theta) / rate) * (u[i - 1] if i else mpf(1)) +
             (1 - (service + i * theta + theta) / rate) * u[i] for i in range(len(queue))]
        weight = weight * rate * t / k
        within = [w + weight * x for w, x in zip(within, u)]
        if k > rate * t and weight < mpf(10) ** -45:
            break
    service_level = sum(below) + sum(p * w for p, w in zip(queue, within))
    waited = sum(p * m for p, m in zip(queue, moment))
    return dict(p_wait=p_wait, p_abandon=p_abandon, service_level=service_level,
                asa=waited / (1 - p_abandon), asa_delayed=waited / (p_wait - p_abandon),
                queue_length=lq)


CASES = [  # agents, calls, length s, aht s, patience s, answer within s
    (14, 100, 1800, 180, 120, 20),   # the worked example's load, with impatient callers
    (8, 100, 1800, 180, 120, 20),    # fewer agents than Erlangs: Erlang C has no answer
    (105, 1000, 1800, 180, 300, 30),  # 100 Erlangs
]

if __name__ == "__main__":
    for case in CASES:
        r = erlang_a(*case)
        print(case)
        for name, value in r.items():
            print("  %-14s %s" % (name, mp.nstr(value, 17)))
