"""Retention economics: value at risk and campaign payback (crmkit::value::campaign_payback,
capi/value/retention.cpp)."""
from ctypes import byref, c_double, c_uint8

from .._convert import codes, f64, ptr, struct_dict
from .._lib import (CampaignPaybackResult, RetentionCampaign, ValueAtRiskResult, defaults, lib,
                    new)
from .status import STATUSES


def value_at_risk(values, status):
    """Value held by at-risk and lapsed customers: values (>= 0, e.g. CLV) and status (codes
    or names). A dict: customers, total_value, at_risk_customers, at_risk_value,
    at_risk_share, lapsed_customers, lapsed_value."""
    v = f64(values, "values")
    s = codes(status, STATUSES, "status", v.shape[0])
    out = new(ValueAtRiskResult)
    lib.value_at_risk(ptr(v, c_double), ptr(s, c_uint8), v.shape[0], byref(out))
    return struct_dict(out)


def campaign_payback(customers, cost_per_customer, win_back_rate, value_per_customer, *,
                     acquisition_cost=None, acquisition_multiple=None):
    """Payback of a retention campaign. Without acquisition_cost a new customer costs
    acquisition_multiple (None: the library's default, the material's 5x rule) times the cost
    per customer retained. A dict: retained, cost, value_recovered, net_value, roi,
    cost_per_retained, break_even_win_back_rate, acquisition_cost, replacement_cost,
    saving_vs_acquisition."""
    campaign = defaults(RetentionCampaign, "retention_campaign")
    campaign.customers, campaign.cost_per_customer = float(customers), float(cost_per_customer)
    campaign.win_back_rate, campaign.value_per_customer = float(win_back_rate), float(value_per_customer)
    if acquisition_cost is not None:
        campaign.has_acquisition_cost, campaign.acquisition_cost = 1, float(acquisition_cost)
    if acquisition_multiple is not None:
        campaign.acquisition_multiple = float(acquisition_multiple)
    out = new(CampaignPaybackResult)
    lib.campaign_payback(byref(campaign), byref(out))
    return struct_dict(out)


def at_risk_campaign(risk, cost_per_customer, win_back_rate):
    """The campaign aimed at the at-risk customers of value_at_risk(...) (customers = the
    at-risk customers, value per customer = their mean value), as keyword arguments of
    campaign_payback."""
    r = new(ValueAtRiskResult, **{name: risk[name] for name, _ in ValueAtRiskResult._fields_[1:]})
    out = RetentionCampaign()
    lib.at_risk_campaign(byref(r), float(cost_per_customer), float(win_back_rate), byref(out))
    return dict(customers=out.customers, cost_per_customer=out.cost_per_customer,
                win_back_rate=out.win_back_rate, value_per_customer=out.value_per_customer,
                acquisition_multiple=out.acquisition_multiple)
