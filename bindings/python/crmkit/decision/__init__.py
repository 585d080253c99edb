"""Decisions (crmkit::decision): one module per capability, named as in every other layer
(include/crmkit/decision/<name>.hpp, capi/decision/<name>.cpp, tests/.../test_<name>).

    r = crmkit.decision.rank_topsis(values, [0.5, 0.3, 0.2], cost=["price"],
                                    criteria=["quality", "speed", "price"])
    r.scores, r.ranks                    # closeness and ranks (1 = best, ties share)
    crmkit.decision.rank_acceptability(values, weights, method="topsis", draws=10000)
"""
from .rank import (  # noqa: F401
    DIRECTIONS,
    METHODS,
    NORMALIZATIONS,
    PREFERENCE_FUNCTIONS,
    rank,
    rank_promethee,
    rank_topsis,
    rank_vikor,
    rank_waspas,
    rank_wpm,
    rank_wsm,
)
from .sensitivity import (  # noqa: F401
    WEIGHT_DISTRIBUTIONS,
    rank_acceptability,
    rank_reversal_on_addition,
    rank_reversal_on_removal,
    weight_sensitivity,
)
