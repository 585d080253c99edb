"""crmkit.contact.required_agents, evaluate_staffing, scheduled_agents, staffing_plan."""
import math

import numpy as np
import pytest

import crmkit
from crmkit import contact


def test_worked_example():
    # 100 calls in 30 min at 180 s, 80/20: 14 agents (SL 0.8883500, ASA 7.835937 s,
    # occupancy 0.714); 13 give 0.7955948; 30% shrinkage -> 20 (the published example).
    r = contact.required_agents(100, 1800, 180, service_level=0.8, answer_within=20, shrinkage=0.3)
    assert (r["agents"], r["scheduled"]) == (14, 20)
    assert r["service_level"] == pytest.approx(0.8883500, abs=5e-8)
    assert r["asa"] == pytest.approx(7.835937, abs=5e-7)
    assert r["occupancy"] == pytest.approx(0.714, abs=5e-4)
    assert contact.evaluate_staffing(13, 100, 1800, 180)["service_level"] == pytest.approx(0.7955948, abs=5e-8)
    assert contact.scheduled_agents(21, 0.3) == 30  # 21 / 0.7 = 30.000000000000004 in doubles


def test_targets_and_erlang_a():
    # ASA <= 5 s alone: 14 agents give 7.84 s, 15 give 3.67 s (C(15, 10) x 180 / 5).
    assert contact.required_agents(100, 1800, 180, service_level=None, asa=5)["agents"] == 15
    # Erlang A matches tests/contact/reference/erlang_a.py (mpmath, 50 digits).
    r = contact.evaluate_staffing(8, 100, 1800, 180, model="erlang-a", patience=120)
    assert r["p_abandon"] == pytest.approx(0.25798238128775812, rel=1e-10)
    assert r["service_level"] == pytest.approx(0.40321302738024722, rel=1e-10)


def test_plan():
    plan = contact.staffing_plan([100, 0, 200], [1800, 1800, 3600], np.full(3, 180.0), shrinkage=0.3)
    assert plan["agents"].tolist() == [14, 0, 14]
    assert plan["scheduled"].tolist() == [20, 0, 20]
    assert math.isnan(plan["service_level"][1])
    assert plan["totals"]["agent_hours"] == pytest.approx(21)  # 14 x 0.5 h + 14 x 1 h
    assert plan["totals"]["peak_scheduled"] == 20


def test_errors():
    with pytest.raises(crmkit.InvalidArgument, match="service level target = 1.5"):
        contact.required_agents(100, 1800, 180, service_level=1.5)
    with pytest.raises(crmkit.InvalidArgument, match="shrinkage = 1"):
        contact.required_agents(100, 1800, 180, shrinkage=1)
    with pytest.raises(crmkit.InvalidArgument, match="no staffing target"):
        contact.required_agents(100, 1800, 180, service_level=None)
    with pytest.raises(crmkit.InvalidArgument, match="unknown queue model 'erlang-b'"):
        contact.required_agents(100, 1800, 180, model="erlang-b")
    with pytest.raises(crmkit.InvalidArgument, match="interval 2: aht = 0"):
        contact.staffing_plan([1, 2], [1800, 1800], [180, 0])
    with pytest.raises(ValueError, match="length must be one-dimensional with 2 values"):
        contact.staffing_plan([1, 2], [1800], [180, 180])
