"""Python entries for customer status and relationship stage (hand-worked cases)."""

from crmkit import value


def test_status_and_stage():
    s = value.classify_status([0, 0, 200, 330], [300, 50, 200, 330], [5, 3, 1, 1], as_of=365,
                              typical_interval_days=50)
    assert s.labels.tolist() == ["active", "lapsed", "at_risk", "new"]
    assert s.counts["at_risk"] == 1 and s.population_interval_days == 50
    assert value.status_of(0, 10, 2, None, as_of=400, population_interval_days=30) == "lapsed"
    stages = value.relationship_stages([5, 3, 1, 1], [365, 365, 165, 35], s.labels)
    assert [value.STAGES[k] for k in stages] == ["commitment", "dissolution", "exploration", "exploration"]
