"""Python entries for survey instruments: the bundled ones, text and file definitions, the
accessors, and errors raised as crmkit exceptions."""
import os

import numpy as np
import pytest

import crmkit
from crmkit import quality

from conftest import DATA


def test_bundled_servqual_and_audit():
    with quality.Instrument.servqual("1988") as sq:
        assert len(sq) == 22 and sq.scale == (1.0, 7.0)
        assert sq.dimensions == ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
        assert sq.columns("P")[:2] == ["P1", "P2"] and sq.item_ids[-1] == "22"
        # 1988: statements 10-13 and 18-22 are reverse-coded.
        assert np.flatnonzero(sq.reverse_coded).tolist() == [9, 10, 11, 12, 17, 18, 19, 20, 21]
        assert sq.dimension_items("responsiveness") == range(9, 13)
        assert sq.item_texts[0] == "modern-looking equipment"
    assert not quality.Instrument.servqual().reverse_coded.any()
    assert quality.Instrument.servqual(scale=(1, 5)).scale == (1.0, 5.0)
    audit = quality.Instrument.audit()
    sizes = [len(audit.dimension_items(d)) for d in range(len(audit.dimensions))]
    assert sizes == [7, 5, 4, 7, 4, 7, 6] and len(audit) == 40
    assert quality.SERVQUAL_VERSIONS == ("1991", "1988")
    assert quality.MISSING_POLICIES == ("listwise", "pairwise", "dimension-mean")
    with pytest.raises(crmkit.InvalidArgument, match="1991, 1988"):
        quality.Instrument.servqual("2001")


def test_employee_satisfaction_and_text_definitions():
    es = quality.Instrument.employee_satisfaction(
        [["j1", ("j2", "too much overtime", True)], ["w1"], ["c1"], ["o1"], ["i1"]])
    assert es.dimensions[4] == "company image" and es.reverse_coded.tolist() == [0, 1, 0, 0, 0, 0]
    assert es.item_texts[1] == "too much overtime" and es.scale == (1.0, 5.0)
    with pytest.raises(crmkit.InvalidArgument, match="employee satisfaction"):
        quality.Instrument.employee_satisfaction([["a"], ["b"]])
    own = quality.Instrument.parse("scale: 1-10\ndimension: d\nitem: x | wording | reverse\n")
    assert own.scale == (1.0, 10.0) and own.reverse_coded.tolist() == [True]
    with pytest.raises(crmkit.ParseError, match="mine.txt:2"):
        quality.Instrument.parse("dimension: d\nitm: x\n", source="mine.txt")
    branch = quality.Instrument.read(os.path.join(DATA, "quality", "branch.instrument"))
    assert branch.name == "Branch survey" and branch.dimensions == ["staff", "waiting", "facilities"]
    with pytest.raises(crmkit.IoError):
        quality.Instrument.read(os.path.join(DATA, "quality", "no-such-file"))


def test_closed_instrument_raises():
    sq = quality.Instrument.servqual()
    sq.close()
    sq.close()  # freed once; closing again is harmless
    with pytest.raises(ValueError, match="closed"):
        len(sq)
