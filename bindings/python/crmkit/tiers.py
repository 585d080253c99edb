"""Customer value tiers (capi/value_tiers.cpp), re-exported by crmkit.value.

    r = crmkit.value.score_rfm(days_since_last, purchases, monetary)
    r.code, r.segment_labels, dict(zip(r.segment_names, r.segment_sizes))
    c = crmkit.value.concentration(total_value)        # c.gini, c.top[0.2], c.lorenz
    t = crmkit.value.assign_tiers(total_value, scheme="share", cuts=(0.5, 0.8, 0.95))
    t.labels, t.table["key"]["value_share"]

Columns are NumPy arrays or sequences (contiguous float64 / int64 / uint8 arrays are passed
without copying). Enumerations (tiers, statuses, stages) are uint8 codes whose names are
TIERS, STATUSES and STAGES (taken from the library); functions taking them also accept
arrays of names. Results are plain objects with NumPy array attributes.
"""
import ctypes
from ctypes import POINTER, byref, c_char_p, c_double, c_int64, c_size_t, c_uint8, c_uint32, c_void_p
from types import SimpleNamespace

import numpy as np

from ._lib import (BufferTooSmall, CampaignPaybackResult, ConcentrationOptions, Handle,
                   ConcentrationResult, LoyaltyDriver, LoyaltyInfo, LoyaltyOptions,
                   RetentionCampaign, RfmOptions, RfmResult, StageOptions, StatusOptions,
                   TierMigrationResult, TierOptions, TierTable, ValueAtRiskResult, lib)

TIERS = tuple(lib.tier_name(i).decode() for i in range(5))
STATUSES = tuple(lib.customer_status_name(i).decode() for i in range(5))
STAGES = tuple(lib.stage_name(i).decode() for i in range(5))
ABSENT = len(TIERS)  # tier_migration: the row/column of customers not in that period
_SCHEMES = {"share": 0, "rank": 1}
_MISSING = {"reweight": 0, "reject": 1}


# ---- conversions ----------------------------------------------------------------------------

def _array(values, dtype, name, n=None):
    arr = np.ascontiguousarray(values, dtype=dtype)  # no copy when already so
    if arr.ndim != 1 or (n is not None and arr.shape[0] != n):
        raise ValueError("%s must be one-dimensional%s, got shape %s"
                         % (name, "" if n is None else " with %d values" % n, arr.shape))
    return arr


def _f64(values, name, n=None):
    return _array(values, np.float64, name, n)


def _codes(values, names, name, n=None):
    """uint8 codes from codes or from names (e.g. "at_risk")."""
    arr = np.asarray(values)
    if arr.dtype.kind in "USO":
        lookup = {label: code for code, label in enumerate(names)}
        try:
            arr = np.array([lookup[str(v)] for v in arr.ravel()], dtype=np.uint8)
        except KeyError as e:
            raise ValueError("%s: unknown name %s (known: %s)" % (name, e, ", ".join(names))) from None
    return _array(arr, np.uint8, name, n)


def _ptr(arr, ctype):
    return arr.ctypes.data_as(POINTER(ctype))


def _optional(arr, ctype):
    return None if arr is None else _ptr(arr, ctype)


def _text(handle, getter, i):
    """A NUL-terminated string from a buf/len/out_len function (CRM_EBUFS tells the size)."""
    needed = c_size_t()
    try:
        getter(handle, i, None, 0, byref(needed))
    except BufferTooSmall:  # asked for the length only
        pass
    buf = ctypes.create_string_buffer(needed.value + 1)
    getter(handle, i, buf, len(buf), byref(needed))
    return buf.value.decode()


# ---- RFM ------------------------------------------------------------------------------------

class SegmentRules(Handle):
    """RFM segment rules (first match wins; unmatched customers are "other"). A C handle:
    use as a context manager or call close(); freed exactly once."""

    _FREE = "segment_rules_free"

    def __init__(self, handle):
        self._handle = handle

    @classmethod
    def standard(cls, names=None):
        """The 11 standard R x F segments, or the ones named, in that order (unknown names
        raise InvalidArgument)."""
        handle = c_void_p()
        if names is None:
            lib.segment_rules_standard(byref(handle), None, 0)
        else:
            names = [str(n).encode() for n in names]
            lib.segment_rules_standard(byref(handle), (c_char_p * len(names))(*names), len(names))
        return cls(handle)

    @classmethod
    def parse(cls, text):
        """Rules from text, e.g. "vip: r=4-5 f=5; sleeping: r=1" (ParseError naming the rule)."""
        handle = c_void_p()
        lib.segment_rules_parse(byref(handle), text.encode())
        return cls(handle)

    def _closed_message(self):
        return "segment rules are closed"

    def __len__(self):
        n = c_size_t()
        lib.segment_rules_count(self._live(), byref(n))
        return n.value

    @property
    def names(self):
        """The rules' names, then "other" (index = segment code)."""
        return [_text(self._live(), lib.segment_rules_name, i) for i in range(len(self) + 1)]

    def find(self, name):
        index = c_size_t()
        lib.segment_rules_find(self._live(), name.encode(), byref(index))
        return index.value

    def segment_of(self, r, f, m):
        """Segment index of one customer's scores (e.g. at a till with frozen cuts)."""
        index = c_size_t()
        lib.segment_of(self._live(), int(r), int(f), int(m), byref(index))
        return index.value



def _rules(segments):
    """A SegmentRules (and whether it is ours to close) from None, rules, text or names."""
    if segments is None:
        return SegmentRules.standard(), True
    if isinstance(segments, SegmentRules):
        return segments, False
    if isinstance(segments, str):
        return SegmentRules.parse(segments), True
    return SegmentRules.standard(segments), True


def rfm_columns(summary):
    """days_since_last, purchases, monetary of a crmkit.value.Summary, as crmkit::value::
    rfm_columns defines them: days since the last purchase at the observation end (never the
    summary's t_x `recency`), calibration purchases, total calibration spend."""
    return (summary.end - summary.last, summary.purchases.astype(np.float64), summary.total_value)


def score_rfm(days_since_last, purchases, monetary, *, bins=5, days_since_last_cuts=None,
              purchases_cuts=None, monetary_cuts=None, segments=None):
    """RFM scores 1..bins (quantile bins, equal values share a score; or caller cuts, bins - 1
    strictly increasing values per dimension), the code 100 R + 10 F + M and the segment.

    days_since_last: time since the last purchase (small = recent); purchases: transactions;
    monetary: total or mean spend. segments: None (the 11 standard rules), a SegmentRules,
    rule text ("vip: r=4-5 f=5; ...") or a list of standard rule names.

    Returns an object with recency_score, frequency_score, monetary_score, code, segment
    (arrays), segment_names, segment_sizes, segment_labels (name per customer), bins and
    cuts (dict of the cuts used per dimension; pass them back to score a later period)."""
    d = _f64(days_since_last, "days_since_last")
    n = d.shape[0]
    p, m = _f64(purchases, "purchases", n), _f64(monetary, "monetary", n)
    cuts = {name: None if c is None else _f64(c, name + "_cuts")
            for name, c in (("days_since_last", days_since_last_cuts),
                            ("purchases", purchases_cuts), ("monetary", monetary_cuts))}
    rules, owned = _rules(segments)
    try:
        names = rules.names
        opts = RfmOptions(1, int(bins))
        for name, c in cuts.items():
            if c is not None:
                setattr(opts, name + "_cuts", _ptr(c, c_double))
                setattr(opts, name + "_cut_count", c.shape[0])
        opts.segments = rules._live()
        result = SimpleNamespace(
            recency_score=np.empty(n, np.uint8), frequency_score=np.empty(n, np.uint8),
            monetary_score=np.empty(n, np.uint8), code=np.empty(n, np.uint16),
            segment=np.empty(n, np.uint8), segment_sizes=np.empty(len(names), np.uintp))
        out = RfmResult(1, _ptr(result.recency_score, c_uint8), _ptr(result.frequency_score, c_uint8),
                        _ptr(result.monetary_score, c_uint8),
                        result.code.ctypes.data_as(POINTER(ctypes.c_uint16)),
                        _ptr(result.segment, c_uint8), _ptr(result.segment_sizes, c_size_t),
                        len(names))
        lib.rfm_score(_ptr(d, c_double), _ptr(p, c_double), _ptr(m, c_double), n, byref(opts),
                      byref(out))
    finally:
        if owned:
            rules.close()
    result.bins = out.bins
    result.segment_names = names
    result.segment_labels = np.array(names, dtype=object)[result.segment]
    result.cuts = {name: np.array(getattr(out, name + "_cuts")[:out.bins - 1])
                   for name in ("days_since_last", "purchases", "monetary")}
    return result


# ---- concentration --------------------------------------------------------------------------

def concentration(values, *, top=(0.01, 0.05, 0.10, 0.20, 0.50), holding=(0.50, 0.80, 0.95),
                  lorenz_points=100):
    """Concentration of value (>= 0, positive total) over customers, all read off one
    piecewise-linear Lorenz curve: .top {k: value share of the top k of customers},
    .holding {v: smallest customer share holding v of the value}, .lorenz (points x 2 array
    of customer share, value share), .gini, .customers, .total_value."""
    v = _f64(values, "values")
    top_a, holding_a = _f64(top, "top"), _f64(holding, "holding")
    points = int(lorenz_points)
    top_out, holding_out = np.empty(top_a.shape[0]), np.empty(holding_a.shape[0])
    lorenz = np.empty((2, max(points, 0) + 1))
    opts = ConcentrationOptions(1, _ptr(top_a, c_double), top_a.shape[0], _ptr(holding_a, c_double),
                                holding_a.shape[0], points)
    out = ConcentrationResult(1, 0, 0.0, 0.0, _ptr(top_out, c_double), _ptr(holding_out, c_double),
                              _ptr(lorenz[0], c_double), _ptr(lorenz[1], c_double))
    lib.concentration(_ptr(v, c_double), v.shape[0], byref(opts), byref(out))
    return SimpleNamespace(customers=out.customers, total_value=out.total_value, gini=out.gini,
                           top=dict(zip(top_a.tolist(), top_out.tolist())),
                           holding=dict(zip(holding_a.tolist(), holding_out.tolist())),
                           lorenz=lorenz.T.copy())


# ---- tiers ----------------------------------------------------------------------------------

class TierTableResult(dict):
    """Rows by tier name (key, major, ordinary, small, inferior), each a dict of customers,
    customer_share, value, value_share, mean_value, min_value, max_value; plus .customers
    and .total_value."""

    def __init__(self, table):
        super().__init__((name, {field: getattr(table.rows[code], field)
                                 for field, _ in table.rows[code]._fields_})
                         for code, name in enumerate(TIERS))
        self.customers, self.total_value = table.customers, table.total_value


def _tier_table_struct():
    t = TierTable()
    t.version = 1
    return t


def assign_tiers(values, *, scheme="share", cuts=None, inferior_below=0.0):
    """The customer pyramid: values (any per-customer figure, any sign) below inferior_below
    are inferior; the rest are cut into key / major / ordinary / small by cumulative value
    share (scheme "share", default cuts 0.5, 0.8, 0.95) or customer share ("rank", default
    0.01, 0.05, 0.20). Equal values share a tier; the customer crossing a cut stays above.
    Returns .tier (uint8 codes, names in TIERS), .labels (names) and .table."""
    if scheme not in _SCHEMES:
        raise ValueError("scheme must be 'share' or 'rank', got %r" % (scheme,))
    v = _f64(values, "values")
    opts = TierOptions(1, _SCHEMES[scheme], 0, (c_double * 3)(), float(inferior_below))
    if cuts is not None:
        c = _f64(cuts, "cuts", 3)
        opts.has_cuts, opts.cuts = 1, (c_double * 3)(*c)
    tiers, table = np.empty(v.shape[0], np.uint8), _tier_table_struct()
    lib.assign_tiers(_ptr(v, c_double), v.shape[0], byref(opts), _ptr(tiers, c_uint8), byref(table))
    return SimpleNamespace(tier=tiers, labels=np.array(TIERS, dtype=object)[tiers],
                           table=TierTableResult(table))


def tier_table(values, tiers):
    """The per-tier table of any assignment (codes or names), e.g. last period's tiers with
    this period's values."""
    v = _f64(values, "values")
    t = _codes(tiers, TIERS, "tiers", v.shape[0])
    table = _tier_table_struct()
    lib.tier_table_of(_ptr(v, c_double), _ptr(t, c_uint8), v.shape[0], byref(table))
    return TierTableResult(table)


def tier_migration(ids_before, tiers_before, ids_after, tiers_after):
    """Who moved between two periods, customers matched by id (unique per period).
    .counts[from][to] (6 x 6: the tiers, then ABSENT = not in that period), .upgraded,
    .downgraded, .unchanged, .entered, .left."""
    ib = _array(ids_before, np.int64, "ids_before")
    ia = _array(ids_after, np.int64, "ids_after")
    tb = _codes(tiers_before, TIERS, "tiers_before", ib.shape[0])
    ta = _codes(tiers_after, TIERS, "tiers_after", ia.shape[0])
    out = TierMigrationResult()
    out.version = 1
    lib.tier_migration(_ptr(ib, c_int64), _ptr(tb, c_uint8), ib.shape[0], _ptr(ia, c_int64),
                       _ptr(ta, c_uint8), ia.shape[0], byref(out))
    return SimpleNamespace(counts=np.array([list(row) for row in out.counts], dtype=np.int64),
                           upgraded=out.upgraded, downgraded=out.downgraded,
                           unchanged=out.unchanged, entered=out.entered, left=out.left)


# ---- status and relationship stage ----------------------------------------------------------

def _status_options(new_within_days, at_risk_multiple, lapsed_multiple, min_interval_days,
                    typical_interval_days):
    return StatusOptions(1, float(new_within_days), float(at_risk_multiple), float(lapsed_multiple),
                         float(min_interval_days), int(typical_interval_days is not None),
                         float(typical_interval_days or 0.0))


def classify_status(first, last, purchases, gap_before_last=None, *, as_of, new_within_days=90,
                    at_risk_multiple=2.0, lapsed_multiple=4.0, min_interval_days=7.0,
                    typical_interval_days=None):
    """Status (new, active, at_risk, lapsed, won_back) of each customer at day as_of, from
    first/last purchase days, purchases (>= 1) and the gap before the last purchase (None:
    nobody is won_back), against the customer's own purchase rhythm; rules in
    include/crmkit/value/status.hpp. Returns .status (codes, names in STATUSES), .labels,
    .counts {name: customers} and .population_interval_days (the rhythm of one-time buyers)."""
    f = _f64(first, "first")
    n = f.shape[0]
    la, p = _f64(last, "last", n), _array(purchases, np.int64, "purchases", n)
    gap = None if gap_before_last is None else _f64(gap_before_last, "gap_before_last", n)
    status, counts, interval = np.empty(n, np.uint8), np.empty(len(STATUSES), np.uintp), c_double()
    opts = _status_options(new_within_days, at_risk_multiple, lapsed_multiple, min_interval_days,
                           typical_interval_days)
    lib.classify_status(_ptr(f, c_double), _ptr(la, c_double), _ptr(p, c_int64),
                        _optional(gap, c_double), n, float(as_of), byref(opts),
                        _ptr(status, c_uint8), _ptr(counts, c_size_t), byref(interval))
    return SimpleNamespace(status=status, labels=np.array(STATUSES, dtype=object)[status],
                           counts=dict(zip(STATUSES, counts.tolist())),
                           population_interval_days=interval.value)


def status_of(first, last, purchases, gap_before_last, *, as_of, population_interval_days,
              new_within_days=90, at_risk_multiple=2.0, lapsed_multiple=4.0,
              min_interval_days=7.0):
    """Status name of one customer (at a till); gap_before_last None when unknown."""
    out = c_uint8()
    opts = _status_options(new_within_days, at_risk_multiple, lapsed_multiple, min_interval_days,
                           None)
    lib.status_of(float(first), float(last), int(purchases),
                  float("nan") if gap_before_last is None else float(gap_before_last),
                  float(as_of), float(population_interval_days), byref(opts), byref(out))
    return STATUSES[out.value]


def relationship_stages(purchases, tenure_days, status, spend_trend=None, *,
                        exploration_purchases=3, exploration_days=90, commitment_days=365,
                        growth=0.10, decline=0.20):
    """Relationship stage (awareness, exploration, expansion, commitment, dissolution; names
    in STAGES) of each customer from purchases, tenure in days, status (codes or names) and
    the relative spend trend (NaN or None: unknown); rules in status.hpp. Returns codes."""
    p = _array(purchases, np.int64, "purchases")
    n = p.shape[0]
    tenure = _f64(tenure_days, "tenure_days", n)
    s = _codes(status, STATUSES, "status", n)
    trend = None if spend_trend is None else _f64(spend_trend, "spend_trend", n)
    out = np.empty(n, np.uint8)
    opts = StageOptions(1, int(exploration_purchases), float(exploration_days),
                        float(commitment_days), float(growth), float(decline))
    lib.relationship_stages(_ptr(p, c_int64), _ptr(tenure, c_double), _ptr(s, c_uint8),
                            _optional(trend, c_double), n, byref(opts), _ptr(out, c_uint8))
    return out


# ---- loyalty --------------------------------------------------------------------------------

_DRIVER_FIELDS = ("name", "weight", "low", "high", "higher_is_loyal", "saturate")


def default_loyalty_drivers():
    """The default drivers as dicts (name, weight, low, high, higher_is_loyal, saturate)."""
    count = c_size_t()
    try:
        lib.loyalty_default_drivers(None, 0, byref(count))
    except BufferTooSmall:  # asked for the count only
        pass
    drivers = (LoyaltyDriver * count.value)()
    lib.loyalty_default_drivers(drivers, count.value, byref(count))
    return [dict(name=d.name.decode(), weight=d.weight, low=d.low, high=d.high,
                 higher_is_loyal=bool(d.higher_is_loyal), saturate=bool(d.saturate))
            for d in drivers]


def loyalty_index(columns, *, drivers=None, missing="reweight"):
    """Composite loyalty index 0..100 from weighted drivers. columns: {driver name: values}
    (a driver without a column, or a NaN value, is missing for that customer); drivers: list
    of dicts as default_loyalty_drivers() returns (None: those). missing="reweight" scales
    the other weights up and records it; "reject" raises InvalidArgument instead.
    Returns .index, .drivers_used (bit d: driver d entered the index), .driver_names,
    .weights (nominal, sum 1; a customer's applied weights are those of its drivers_used,
    rescaled to sum 1), .coverage, .reweighted and .without_index."""
    if missing not in _MISSING:
        raise ValueError("missing must be 'reweight' or 'reject', got %r" % (missing,))
    drivers = default_loyalty_drivers() if drivers is None else list(drivers)
    unknown = set(columns) - {d["name"] for d in drivers}
    if unknown:
        raise ValueError("columns for unknown drivers: %s" % ", ".join(sorted(unknown)))
    given = [None if columns.get(d["name"]) is None else _f64(columns[d["name"]], d["name"])
             for d in drivers]
    lengths = {a.shape[0] for a in given if a is not None}
    if len(lengths) != 1:
        raise ValueError("give at least one driver column, all of one length (got %s)" % sorted(lengths))
    n = lengths.pop()
    c_drivers = (LoyaltyDriver * len(drivers))(*[
        LoyaltyDriver(str(d["name"]).encode(), float(d.get("weight", 1.0)), float(d.get("low", 0.0)),
                      float(d.get("high", 1.0)), int(bool(d.get("higher_is_loyal", True))),
                      int(bool(d.get("saturate", False)))) for d in drivers])
    pointers = (POINTER(c_double) * len(drivers))(*[_optional(a, c_double) for a in given])
    opts = LoyaltyOptions(1, c_drivers, len(drivers), _MISSING[missing])
    index, used, info = np.empty(n), np.empty(n, np.uint32), LoyaltyInfo()
    info.version = 1
    lib.loyalty_index(pointers, len(drivers), n, byref(opts), _ptr(index, c_double),
                      _ptr(used, c_uint32), byref(info))
    return SimpleNamespace(index=index, drivers_used=used,
                           driver_names=[d["name"] for d in drivers],
                           weights=np.array(info.weights[:info.drivers]),
                           coverage=np.array(info.coverage[:info.drivers]),
                           reweighted=info.reweighted, without_index=info.without_index)


# ---- retention economics --------------------------------------------------------------------

def _fields(struct):
    return {name: getattr(struct, name) for name, _ in struct._fields_[1:]}


def value_at_risk(values, status):
    """Value held by at-risk and lapsed customers: values (>= 0, e.g. CLV) and status (codes
    or names). A dict: customers, total_value, at_risk_customers, at_risk_value,
    at_risk_share, lapsed_customers, lapsed_value."""
    v = _f64(values, "values")
    s = _codes(status, STATUSES, "status", v.shape[0])
    out = ValueAtRiskResult()
    out.version = 1
    lib.value_at_risk(_ptr(v, c_double), _ptr(s, c_uint8), v.shape[0], byref(out))
    return _fields(out)


def campaign_payback(customers, cost_per_customer, win_back_rate, value_per_customer, *,
                     acquisition_cost=None, acquisition_multiple=5.0):
    """Payback of a retention campaign. Without acquisition_cost a new customer costs
    acquisition_multiple (the material's 5x rule) times the cost per customer retained.
    A dict: retained, cost, value_recovered, net_value, roi, cost_per_retained,
    break_even_win_back_rate, acquisition_cost, replacement_cost, saving_vs_acquisition."""
    campaign = RetentionCampaign(1, float(customers), float(cost_per_customer), float(win_back_rate),
                                 float(value_per_customer), int(acquisition_cost is not None),
                                 float(acquisition_cost or 0.0), float(acquisition_multiple))
    out = CampaignPaybackResult()
    out.version = 1
    lib.campaign_payback(byref(campaign), byref(out))
    return _fields(out)


def at_risk_campaign(risk, cost_per_customer, win_back_rate):
    """The campaign aimed at the at-risk customers of value_at_risk(...) (customers = the
    at-risk customers, value per customer = their mean value), as keyword arguments of
    campaign_payback."""
    r = ValueAtRiskResult(1, *[risk[name] for name, _ in ValueAtRiskResult._fields_[1:]])
    out = RetentionCampaign()
    lib.at_risk_campaign(byref(r), float(cost_per_customer), float(win_back_rate), byref(out))
    return dict(customers=out.customers, cost_per_customer=out.cost_per_customer,
                win_back_rate=out.win_back_rate, value_per_customer=out.value_per_customer,
                acquisition_multiple=out.acquisition_multiple)
