"""Python entries for the loyalty index (hand-worked case)."""
import numpy as np
import pytest

import crmkit
from crmkit import value


def test_loyalty_index_reweights_missing_drivers():
    # 100 x (0.3 x 0.5 + 0.25 x 1) / 0.55; the second customer on repeat purchases alone.
    loyalty = value.loyalty_index({"repeat_purchase_rate": [0.5, 1.0], "satisfaction": [5, np.nan]})
    assert loyalty.index.tolist() == pytest.approx([100 * 0.4 / 0.55, 100])
    assert loyalty.drivers_used.tolist() == [0b101, 0b1] and loyalty.reweighted == 2
    with pytest.raises(crmkit.InvalidArgument):
        value.loyalty_index({"satisfaction": [5, np.nan]}, missing="reject")
