"""Decision weighting (crmkit::decision): one module per capability, named as in every
other layer (include/crmkit/decision/<name>.hpp, capi/decision/<name>.cpp, test_<name>).

    w = crmkit.decision.ahp([[1, 3], [1/3, 1]]).priorities
    w = crmkit.decision.rank_weights([2, 1, 3], method="rank-order-centroid")
    r = crmkit.decision.rank_topsis(values, [0.5, 0.3, 0.2], cost=["price"],
                                    criteria=["quality", "speed", "price"])
    r.scores, r.ranks                    # closeness and ranks (1 = best, ties share)
    crmkit.decision.rank_acceptability(values, weights, method="topsis", draws=10000)
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
from .group import (  # noqa: F401
    aggregate_judgments,
    aggregate_priorities,
    borda,
    footrule,
    kendall_tau,
    kendall_w,
    team_exercise,
)
from .swot import (  # noqa: F401
    IE_STRATEGIES,
    SWOT_GROUPS,
    SWOT_QUADRANTS,
    TOWS_TYPES,
    swot,
    swot_ahp,
    swot_chart,
)
from .record import BIASES, DECISION_STEPS, DecisionRecord  # noqa: F401
