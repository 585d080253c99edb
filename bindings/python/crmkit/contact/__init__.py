"""Contact centre (crmkit::contact): one module per capability, named as in every other layer
(include/crmkit/contact/<name>.hpp, capi/contact/<name>.cpp, tests/.../test_<name>).

    crmkit.contact.erlang_c(14, 10.0)                              # P(wait) = 0.1741...
    crmkit.contact.required_agents(100, 1800, 180, service_level=0.8, answer_within=20)
    crmkit.contact.contact_kpis(channel, arrival, answered=..., abandoned=..., end=...)
"""
from .erlang import QUEUE_MODELS, erlang_b, erlang_c  # noqa: F401
from .staffing import evaluate_staffing, required_agents, scheduled_agents, staffing_plan  # noqa: F401
from .kpi import GROUPINGS, SERVICE_LEVEL_DEFINITIONS, contact_kpis, contact_kpis_by  # noqa: F401
