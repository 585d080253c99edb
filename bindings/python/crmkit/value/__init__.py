"""Customer value (crmkit::value): one module per capability, named as in every other layer
(include/crmkit/value/<name>.hpp, capi/value/<name>.cpp, tests/.../test_<name>).

    s = crmkit.value.summarize(customers, times, amounts, unit="week", merge_same_day=True)
    m = crmkit.value.BetaGeo().fit(s.frequency, s.recency, s.T)
    r = crmkit.value.score_rfm(*crmkit.value.rfm_columns(s))
"""
from .summary import (  # noqa: F401
    UNITS,
    Ledger,
    Summary,
    cumulative_repeat_transactions,
    summarize,
    summarize_csv,
)
from .clv import (  # noqa: F401
    DISCOUNTINGS,
    MODEL_KINDS,
    BetaGeo,
    BetaGeoBetaBinom,
    GammaGamma,
    ModifiedBetaGeo,
    ParetoNbd,
    load_model,
)
from .rfm import SegmentRules, rfm_columns, score_rfm  # noqa: F401
from .concentration import concentration  # noqa: F401
from .tiers import (  # noqa: F401
    ABSENT,
    SCHEMES,
    TIERS,
    assign_tiers,
    default_tier_cuts,
    tier_migration,
    tier_table,
)
from .status import STAGES, STATUSES, classify_status, relationship_stages, status_of  # noqa: F401
from .loyalty import default_loyalty_drivers, loyalty_index  # noqa: F401
from .retention import at_risk_campaign, campaign_payback, value_at_risk  # noqa: F401
from .segment import K_SELECTIONS, SCALINGS, KMeans  # noqa: F401
from .churn import ChurnModel, churn_metrics  # noqa: F401
from .partition import (  # noqa: F401
    ClvPartition,
    PartitionStatistics,
    fit_partitioned,
    sum_answers,
    sum_statistics,
)
