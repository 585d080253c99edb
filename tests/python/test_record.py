"""The decision record through Python: the cases of tests/decision/test_record.cpp."""
import os

import pytest

import crmkit
from crmkit import decision

GOLDEN = os.path.join(os.environ.get("CRMKIT_TEST_DATA_DIR", "data"), "golden", "decision", "v1", "record.txt")


def test_steps_and_checklist(tmp_path):
    r = decision.DecisionRecord()
    assert r.missing_steps() == list(decision.DECISION_STEPS)
    with pytest.raises(crmkit.InvalidState, match="1 statement.*5 evaluations"):
        r.choose(0)
    r.set_statement("Which campaign?")
    r.set_criteria([("gain", "benefit", "points"), ("cost", "cost", "EUR", "gain")])
    with pytest.raises(crmkit.Error, match="off 1 by 0.1"):
        r.set_weights([0.6, 0.5])
    r.set_weights([0.6, 0.4], method="direct")
    r.set_alternatives(["A", "B"])
    with pytest.raises(crmkit.InvalidState, match="5 evaluations"):
        r.choose("B")
    r.set_evaluations([[3, 100], [4, 150]])
    r.choose("B", "cheaper per point")
    r.note_bias("groupthink", "ranked alone first")
    assert r.missing_steps() == [] and r.choice == 1
    text = r.describe()
    assert "6 choice: B (cheaper per point)" in text and "[x] groupthink: ranked alone first" in text
    assert "cost (cost, EUR, under gain)" in text
    r.set_evaluations([[3, 100], [4, 90]])  # redoing step 5 withdraws the choice
    assert r.choice is None and r.missing_steps() == ["choice"]
    path = str(tmp_path / "campaign.record")
    r.save(path)
    back = decision.DecisionRecord.load(path)
    assert back.describe() == r.describe()
    with pytest.raises(crmkit.Error, match="bias"):
        r.note_bias("optimism")


def test_golden_record_loads():
    r = decision.DecisionRecord.load(GOLDEN)
    assert r.choice == 1 and "win-back call" in r.describe()
