"""Python entries for category sums: the self-audit worked by hand, an unanswered item under
each missing-answer policy, and employee satisfaction through the same function."""
import numpy as np
import pytest

import crmkit
from crmkit import quality

SIZES = [7, 5, 4, 7, 4, 7, 6]


def audit_row(answers):
    return np.repeat(np.array(answers, dtype=float), SIZES)


def test_audit_scores_and_weakest_categories():
    audit = quality.Instrument.audit()
    s = quality.category_scores(audit, audit_row([5, 3, 2, 4, 4, 3, 1]))
    assert s.maximum.tolist() == [35, 25, 20, 35, 20, 35, 30] and s.total_maximum == 200
    assert s.score[0].tolist() == [35, 15, 8, 28, 16, 21, 6]
    np.testing.assert_allclose(s.percentage[0], [100, 60, 40, 80, 80, 60, 20])
    assert s.total.tolist() == [129] and s.total_percentage[0] == pytest.approx(64.5)
    assert s.weakest.tolist() == [6, 2, 1, 5, 3, 4, 0]
    assert s.weakest_names[0] == "process and product improvement"


def test_unanswered_item_never_counts_as_zero():
    audit = quality.Instrument.audit()
    second = audit_row([5, 3, 2, 4, 4, 3, 1])
    second[12:16] = [np.nan, 3, 3, 4]
    both = np.vstack([audit_row([5, 3, 2, 4, 4, 3, 1]), second])
    pw = quality.category_scores(audit, both)
    assert np.isnan(pw.score[1, 2]) and pw.scored[2] == 1 and pw.mean_score[2] == 8
    dm = quality.category_scores(audit, both, missing="dimension-mean", min_answered=3)
    assert dm.score[1, 2] == pytest.approx(10 + 10 / 3)
    lw = quality.category_scores(audit, both, missing="listwise")
    assert np.isnan(lw.score[1]).all() and lw.scored.tolist() == [1] * 7
    with pytest.raises(crmkit.InvalidArgument, match="respondent 0, item 1: answer 6 is outside the scale 1-5"):
        quality.category_scores(audit, audit_row([6, 3, 2, 4, 4, 3, 1]))
    with pytest.raises(crmkit.InvalidArgument, match="missing-answer policy"):
        quality.category_scores(audit, both, missing="casewise")


def test_employee_satisfaction_by_dimension():
    es = quality.Instrument.employee_satisfaction(
        [["j1", ("j2", "", True)], ["w1"], ["c1"], ["o1"], ["i1"]])
    # Job: 4 + (6 - 2) = 8 and 5 + (6 - 5) = 6 of 10 -> 70%.
    s = quality.category_scores(es, [[4, 2, 3, 5, 1, 2], [5, 5, 4, 4, 2, 3]])
    assert s.score[:, 0].tolist() == [8, 6] and s.mean_percentage[0] == pytest.approx(70)
    assert s.weakest_names == ["organisation and personnel", "company image", "job", "workplace",
                               "working conditions"]
