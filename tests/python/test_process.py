"""crmkit.process: the hand-computed maps of tests/process/ (a rework loop with probability
p repeats its steps 1 / (1 - p) times; a parallel split takes its longest branch; a redesign
moves the critical path), errors naming the step, the swim lanes and the value chain."""
import os

import pytest

import crmkit

DATA = os.environ.get("CRMKIT_TEST_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "data"))
HEADER = "step,department,duration,cost,value_adding,next\n"


@pytest.mark.parametrize("p", [0.25, 0.5, 0.9])
def test_rework_loop_repeats_one_over_one_minus_p(p):
    with crmkit.process.ProcessMap(text=HEADER + "A,x,10,2,yes,B\nB,x,20,4,yes,C\n"
                                   "C,y,5,1,no,D:%r|B:%r\nD,x,1,0,yes,\n" % (1 - p, p)) as m:
        assert m.expected_visits[1] == pytest.approx(1 / (1 - p), rel=1e-12)
        assert m.expected_cycle_time == pytest.approx(10 + 25 / (1 - p) + 1, rel=1e-12)
        assert m.rework_probability == pytest.approx(p, rel=1e-12)
        assert m.critical_path == ["A", "B", "C", "D"]
        assert m.candidates == {"C": "no value added"}


def test_parallel_split_roles_and_handoffs():
    # S (5) -> B (10) & C (30) -> J (5): elapsed 40, work 50; S -> C and C -> J cross departments.
    m = crmkit.process.ProcessMap(text=HEADER + "S,x,5,1,yes,B&C\nB,x,10,1,yes,J\nC,y,30,1,no,J\nJ,x,5,1,yes,\n")
    assert m.expected_cycle_time == pytest.approx(40)
    assert m.expected_work_time == pytest.approx(50)
    assert m.handoffs == pytest.approx(2)
    assert m.critical_path == ["S", "C", "J"]
    assert m.roles["J"].suppliers == ["B", "C"]
    assert m.roles["J"].customers == ["customer"]
    assert m.roles["S"].suppliers == ["customer"]
    m.close()
    with pytest.raises(ValueError, match="closed"):
        m.chart()


def test_complaint_redesign(tmp_path):
    before = crmkit.process.ProcessMap(os.path.join(DATA, "process", "complaint_before.csv"))
    after = crmkit.process.ProcessMap(os.path.join(DATA, "process", "complaint_after.csv"))
    # The review loop: 1 / (1 - 0.3 - 0.7 x 0.15) visits before, 1 / (1 - 0.1 - 0.9 x 0.05) after.
    assert before.expected_visits[before.steps.index("review")] == pytest.approx(1 / 0.595, rel=1e-12)
    assert after.expected_visits[after.steps.index("review")] == pytest.approx(1 / 0.855, rel=1e-12)
    assert "ask_branch" in before.critical_path and "check_records" not in before.critical_path
    assert "check_records" in after.critical_path and "ask_branch" not in after.critical_path
    assert before.candidates["re_enter"] == "no value added, unnecessary, duplicate of log"
    assert before.roles["ask_branch"].executor == "branch manager"
    changes = before.compare(after)
    assert [c["step"] for c in changes if c["change"] == "removed"] == ["log", "forward", "approve", "re_enter"]
    assert sum(c["cost"] for c in changes) == pytest.approx(after.expected_cost - before.expected_cost)
    assert sum(c["time"] for c in changes) == pytest.approx(after.expected_work_time - before.expected_work_time)
    svg = after.chart("after <redesign>")
    assert svg.startswith("<svg") and "after &lt;redesign&gt;" in svg
    assert svg.count("<g><title>") == len(after.steps)
    before.write_chart(tmp_path / "before.svg", "before")
    assert (tmp_path / "before.svg").read_text(encoding="utf-8").count("<g><title>") == len(before.steps)


def test_errors_name_the_step():
    with pytest.raises(crmkit.InvalidArgument, match=r"m.csv:3: step 'b': next names 'z', which is not a step"):
        crmkit.process.ProcessMap(text=HEADER + "a,d,1,1,no,b\nb,d,1,1,no,z\n", name="m.csv")
    with pytest.raises(crmkit.ParseError, match=r"<text>:2:9: 'maybe' is not yes or no"):
        crmkit.process.ProcessMap(text=HEADER + "a,d,5,1,maybe,\n")
    with pytest.raises(crmkit.IoError):
        crmkit.process.ProcessMap("/nonexistent/map.csv")
    with pytest.raises(ValueError, match="not both"):
        crmkit.process.ProcessMap("x.csv", text=HEADER)


def test_value_chain():
    # Operations 50 / 80, service 10 / 30, procurement 5 / 0: margins 30, 20, -5; firm 45 of 110.
    c = crmkit.process.value_chain({"operations": (50, 80), "service": (10, 30), "procurement": (5, 0)})
    assert list(c.activities) == list(crmkit.process.ACTIVITIES) and len(c.activities) == 9
    assert c.activities["operations"]["margin"] == 30
    assert c.activities["procurement"]["margin"] == -5 and not c.activities["procurement"]["primary"]
    assert (c.cost, c.value, c.margin) == (65, 110, 45)
    assert c.margin_ratio == pytest.approx(45 / 110)
    with pytest.raises(crmkit.InvalidArgument, match="unknown value chain activity 'sales'"):
        crmkit.process.value_chain([("sales", 1, 1)])
    with pytest.raises(crmkit.InvalidArgument, match=r"entry 0 \(service\): cost"):
        crmkit.process.value_chain([("service", -1, 1)])


def test_random_loop_maps_against_a_dense_numpy_solve():
    """Expected visits of seeded random maps of decisions, skips and rework loops, against
    numpy.linalg.solve of (I - W^T) v = e_start built here from the same branches; without
    parallel parts the cycle time and the work time are both sum(v x duration)."""
    import numpy as np
    rng = np.random.default_rng(28)
    for _ in range(20):
        n = int(rng.integers(3, 40))
        rows, w = [], np.zeros((n, n))
        durations = rng.uniform(0, 30, n).round(2)
        for i in range(n):
            if i == n - 1:
                nxt = ""
            elif rng.random() < 0.5:
                nxt, w[i, i + 1] = "s%d" % (i + 1), 1
            else:  # on to i + 1, sometimes also a skip to i + 2, and back to an earlier step
                back, p = int(rng.integers(0, i + 1)), round(float(rng.uniform(0.05, 0.6)), 3)
                skip = round(float(rng.uniform(0, 0.3)), 3) if i + 2 < n and rng.random() < 0.5 else 0
                nxt = "s%d:%r|s%d:%r" % (i + 1, round(1 - p - skip, 3), back, p)
                w[i, i + 1], w[i, back] = round(1 - p - skip, 3), p
                if skip:
                    nxt += "|s%d:%r" % (i + 2, skip)
                    w[i, i + 2] = skip
            rows.append("s%d,d%d,%r,1,yes,%s" % (i, i % 3, durations[i], nxt))
        m = crmkit.process.ProcessMap(text=HEADER + "\n".join(rows) + "\n")
        v = np.linalg.solve(np.eye(n) - w.T, np.eye(n)[0])
        np.testing.assert_allclose(m.expected_visits, v, rtol=1e-9)
        assert m.expected_cycle_time == pytest.approx(float(v @ durations), rel=1e-9)
        assert m.expected_work_time == pytest.approx(float(v @ durations), rel=1e-9)
