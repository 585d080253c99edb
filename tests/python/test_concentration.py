"""Python entries for value concentration: a hand case and the CDNOW master cohort
cross-checked by an independent NumPy computation."""
import numpy as np
import pytest

import crmkit
from crmkit import value

from conftest import MASTER


def test_concentration_hand_case():
    # 1, 2, 3, 4, 10: Gini = (-4 - 4 + 0 + 8 + 40) / 100 = 0.4; top 20% = 10/20; the Lorenz
    # curve at 1/4 of the customers: (1 + 0.25 x 2) / 20 = 0.075.
    c = value.concentration(np.array([4.0, 10, 1, 3, 2]), top=[0.2], holding=[0.5], lorenz_points=4)
    assert c.gini == pytest.approx(0.4) and c.total_value == 20 and c.customers == 5
    assert c.top == {0.2: pytest.approx(0.5)} and c.holding == {0.5: pytest.approx(0.2)}
    assert c.lorenz[1].tolist() == pytest.approx([0.25, 0.075])
    assert value.concentration([5, 5, 5]).gini == pytest.approx(0)
    # One customer holding everything: (n - 1) / n.
    assert value.concentration([0, 0, 0, 9]).gini == pytest.approx(0.75)
    with pytest.raises(crmkit.InvalidArgument, match="total 0"):
        value.concentration([0, 0])
    with pytest.raises(crmkit.InvalidArgument):
        value.concentration([1, np.nan])


def test_cdnow_master_concentration_against_a_plain_sort_and_sum(master_spend):
    s = value.summarize_csv(MASTER, amount="dollar_value", time_format="%Y%m%d", delimiter=" ")
    assert len(s) == 23570  # the cohort size
    spend = s.total_value
    assert np.sort(spend) == pytest.approx(np.sort(master_spend))
    c = value.concentration(spend)
    # Independent: sort descending, sum the top 20% (4,714 customers exactly), and the Gini
    # of the ascending values by sum((2i - n - 1) x_i) / (n sum x).
    desc = np.sort(master_spend)[::-1]
    n = desc.size
    assert c.top[0.2] == pytest.approx(desc[: n // 5].sum() / desc.sum(), rel=1e-12)
    asc = desc[::-1]
    gini = np.sum((2 * np.arange(1, n + 1) - n - 1) * asc) / (n * asc.sum())
    assert c.gini == pytest.approx(gini, rel=1e-9)
    assert 0.67 < c.top[0.2] < 0.68 and 0.63 < c.gini < 0.64  # the demo's 67.8%, 0.635

