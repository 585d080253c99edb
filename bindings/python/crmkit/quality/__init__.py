"""Service quality (crmkit::quality): one module per capability, named as in every other
layer (include/crmkit/quality/<name>.hpp, capi/quality/<name>.cpp, tests/.../test_<name>).

    r = crmkit.quality.reliability(answers)            # Cronbach's alpha
    q = crmkit.quality.ipa(performance, importance)    # importance-performance quadrants
    g = crmkit.quality.five_gaps(expectations=e, perceptions=p, management=m)
    c = crmkit.quality.csi(answers, scale=(1, 5))      # 0-100 index, bootstrap interval
"""
from .reliability import MISSING_POLICIES, reliability  # noqa: F401
from .ipa import CROSSHAIRS, IMPORTANCE_METHODS, QUADRANTS, ipa  # noqa: F401
from .gaps import GAPS, SOURCES, five_gaps, gap_remedies, gap_title  # noqa: F401
from .csi import csi, csi_tracking  # noqa: F401
