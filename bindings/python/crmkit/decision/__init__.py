"""Decision weighting (crmkit::decision): one module per capability, named as in every
other layer (include/crmkit/decision/<name>.hpp, capi/decision/<name>.cpp, test_<name>).

    w = crmkit.decision.ahp([[1, 3], [1/3, 1]]).priorities
    w = crmkit.decision.rank_weights([2, 1, 3], method="rank-order-centroid")
"""
from .weights import (  # noqa: F401
    RANK_WEIGHTINGS,
    critic_weights,
    direct_weights,
    entropy_weights,
    rank_weights,
)
from .ahp import (  # noqa: F401
    COMPLETIONS,
    PRIORITY_METHODS,
    GOAL,
    ahp,
    random_index_table,
    random_index_table_names,
    synthesize_hierarchy,
)
