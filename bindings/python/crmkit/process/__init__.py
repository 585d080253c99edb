"""Service processes (crmkit::process): one module per capability, named as in every other
layer (include/crmkit/process/<name>.hpp, capi/process/, test_process).

    m = crmkit.process.ProcessMap("data/process/complaint_before.csv")
    m.expected_cycle_time, m.critical_path, m.candidates
    m.compare(crmkit.process.ProcessMap("data/process/complaint_after.csv"))
    crmkit.process.value_chain({"operations": (50, 80), "service": (10, 30)})
"""
from .map import ProcessMap  # noqa: F401
from .value_chain import (  # noqa: F401
    ACTIVITIES,
    value_chain,
)
