"""Python entries for retention economics (hand-worked case)."""
import pytest

import crmkit
from crmkit import value


def test_value_at_risk_and_campaign_payback():
    risk = value.value_at_risk([10, 20, 30], ["at_risk", "active", "lapsed"])
    assert risk["at_risk_value"] == 10 and risk["lapsed_value"] == 30
    p = value.campaign_payback(**value.at_risk_campaign(risk, 1.0, 0.3))
    assert p["net_value"] == pytest.approx(2) and p["saving_vs_acquisition"] == pytest.approx(4)
    with pytest.raises(crmkit.InvalidArgument, match="win_back_rate"):
        value.campaign_payback(10, 1, 1.5, 10)
