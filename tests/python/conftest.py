import os
import sys

import numpy as np
import pytest

# The package under test is the one in the source tree (PYTHONPATH set by ctest); make a
# direct `pytest tests/python` work too.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bindings", "python"))

DATA = os.environ.get("CRMKIT_TEST_DATA_DIR",
                      os.path.join(os.path.dirname(__file__), "..", "..", "data"))

MASTER = os.path.join(DATA, "cdnow", "CDNOW_master.txt")


@pytest.fixture(scope="session")
def master_spend():
    """Total spend per customer of CDNOW_master.txt, read with NumPy alone."""
    raw = np.loadtxt(MASTER, skiprows=1, dtype=str)
    ids = raw[:, 0].astype(np.int64)
    dollars = raw[:, 3].astype(float)
    uniq, inverse = np.unique(ids, return_inverse=True)
    return np.bincount(inverse, weights=dollars)
