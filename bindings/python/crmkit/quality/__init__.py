"""Service quality (crmkit::quality): one module per capability, named as in every other
layer (include/crmkit/quality/<name>.hpp, capi/quality/<name>.cpp, tests/.../test_<name>).

    sq = crmkit.quality.Instrument.servqual()
    r = crmkit.quality.servqual(sq, expected, perceived, weights=weights)
    r.dimensions.gap["mean"], r.gap_mean_of_items, r.weighted_gap["mean"]
    a = crmkit.quality.category_scores(crmkit.quality.Instrument.audit(), answers)
    r = crmkit.quality.reliability(answers)            # Cronbach's alpha
    q = crmkit.quality.ipa(performance, importance)    # importance-performance quadrants
    g = crmkit.quality.five_gaps(expectations=e, perceptions=p, management=m)
    c = crmkit.quality.csi(answers, scale=(1, 5))      # 0-100 index, bootstrap interval
    m = crmkit.quality.PlsModel("ecsi").fit(answers, columns)  # PLS index model (ECSI)
"""
from .instrument import MISSING_POLICIES, SERVQUAL_VERSIONS, Instrument  # noqa: F401
from .servqual import ZONES, servqual  # noqa: F401
from .audit import category_scores  # noqa: F401
from .reliability import reliability  # noqa: F401
from .ipa import CROSSHAIRS, IMPORTANCE_METHODS, QUADRANTS, ipa  # noqa: F401
from .gaps import GAPS, SOURCES, five_gaps, gap_means, gap_remedies, gap_title  # noqa: F401
from .csi import csi, csi_tracking  # noqa: F401
from .pls import PLS_INDEX_METHODS, PLS_SCHEMES, PlsModel  # noqa: F401
