import os
import sys

# The package under test is the one in the source tree (PYTHONPATH set by ctest); make a
# direct `pytest tests/python` work too.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bindings", "python"))

DATA = os.environ.get("CRMKIT_TEST_DATA_DIR",
                      os.path.join(os.path.dirname(__file__), "..", "..", "data"))
