"""crmkit.contact.erlang_b / erlang_c: exact cases, the worked example, 50-digit references."""
import pytest

import crmkit
from crmkit import contact


def test_exact_cases():
    # B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5 and C(2, 1) = 1/3 by hand; M/M/1 waits with
    # probability = load.
    assert contact.erlang_b(2, 1.0) == pytest.approx(0.2, rel=1e-15)
    assert contact.erlang_c(2, 1.0) == pytest.approx(1 / 3, rel=1e-15)
    assert contact.erlang_c(1, 0.37) == pytest.approx(0.37, rel=1e-14)
    # The worked example (14 agents, 10 Erlangs): P(wait) 0.1741319 as published.
    assert contact.erlang_c(14, 10.0) == pytest.approx(0.1741319, abs=5e-8)


def test_thousands_of_erlangs():
    # tests/contact/reference/erlang_c.py (mpmath, 50 digits, factorials summed directly).
    assert contact.erlang_b(5100, 5000.0) == pytest.approx(0.0022435792955605247, rel=1e-11)
    assert contact.erlang_c(5100, 5000.0) == pytest.approx(0.10288141360093403, rel=1e-11)


def test_errors():
    with pytest.raises(crmkit.InvalidArgument, match="agents must exceed the traffic"):
        contact.erlang_c(10, 10.0)
    with pytest.raises(crmkit.InvalidArgument, match="traffic = -1"):
        contact.erlang_b(3, -1.0)
    with pytest.raises(ValueError, match="agents must be a whole number"):
        contact.erlang_b(2.5, 1.0)
    assert contact.QUEUE_MODELS == ("erlang-c", "erlang-a")
