"""Service quality (crmkit::quality): one module per capability, named as in every other
layer (include/crmkit/quality/<name>.hpp, capi/quality/<name>.cpp, tests/.../test_<name>).

    sq = crmkit.quality.Instrument.servqual()
    r = crmkit.quality.servqual(sq, expected, perceived, weights=weights)
    r.dimensions.gap["mean"], r.gap_mean_of_items, r.weighted_gap["mean"]
    a = crmkit.quality.category_scores(crmkit.quality.Instrument.audit(), answers)
"""
from .instrument import MISSING_POLICIES, SERVQUAL_VERSIONS, Instrument  # noqa: F401
from .servqual import ZONES, servqual  # noqa: F401
from .audit import category_scores  # noqa: F401
