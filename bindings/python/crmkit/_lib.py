"""Loading libcrmkit and the one table of C signatures (see capi/crmkit.h)."""
import ctypes
import glob
import os
from ctypes import (POINTER, byref, c_char, c_char_p, c_double, c_int, c_int64, c_size_t, c_uint,
                    c_uint8, c_uint16, c_uint32, c_uint64, c_void_p)
from ctypes.util import find_library

# Must match include/crmkit/version.h; tests/python checks that it does, and loading checks
# that the library is this version exactly (0.x releases may change the ABI).
__version__ = "0.2.0"


# ---- errors ----------------------------------------------------------------------------

class Error(Exception):
    """A crmkit failure; `status` is the C status code, the message is crm_last_error()."""

    status = -9


class InvalidArgument(Error, ValueError):
    """CRM_EINVAL: an argument is missing, out of range, NaN, or sizes disagree."""

    status = -1


class ParseError(Error, ValueError):
    """CRM_EPARSE: text input does not follow its format; the message says file:line:col."""

    status = -2


class NotConverged(Error):
    """CRM_ECONVERGE: an iterative fit did not converge."""

    status = -3


class IoError(Error, OSError):
    """CRM_EIO: a file could not be read or written."""

    status = -4


class CorruptData(Error):
    """CRM_ECORRUPT: a saved file or archive failed its checks."""

    status = -5


class InvalidState(Error):
    """CRM_ESTATE: the object's state does not allow the operation."""

    status = -6


class BufferTooSmall(Error):
    """CRM_EBUFS: a result buffer was too small (handled inside the bindings)."""

    status = -7


class OutOfMemory(Error, MemoryError):
    """CRM_ENOMEM: out of memory, or a size beyond a safe limit."""

    status = -8


_ERRORS = {cls.status: cls for cls in (InvalidArgument, ParseError, NotConverged, IoError,
                                       CorruptData, InvalidState, BufferTooSmall, OutOfMemory)}


# ---- finding the library -----------------------------------------------------------------

_HERE = os.path.dirname(os.path.abspath(__file__))


def _candidates():
    """Places to look, in order: $CRMKIT_LIBRARY, the package folder, the library folder of
    an installed prefix (<libdir>/python3/dist-packages/crmkit), the source tree's build
    folders, then the system's search path."""
    env = os.environ.get("CRMKIT_LIBRARY")
    if env:
        yield env
    for folder in (_HERE, os.path.normpath(os.path.join(_HERE, "..", "..", ".."))):
        yield from sorted(glob.glob(os.path.join(folder, "libcrmkit.so*")))
    source_root = os.path.normpath(os.path.join(_HERE, "..", "..", ".."))
    for preset in ("release", "dev", "asan"):
        yield os.path.join(source_root, "build", preset, "libcrmkit.so")
    system = find_library("crmkit")
    if system:
        yield system


def _load():
    tried = []
    for path in _candidates():
        if os.path.sep in path and not os.path.exists(path):
            tried.append(path + " (missing)")
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("crmkit: cannot load libcrmkit; tried: " + "; ".join(tried or ["nothing"]) +
                      ". Set CRMKIT_LIBRARY to the library's path.")


_dll, library_path = _load()


def _check(status, func, args):
    if status != 0:
        message = _dll.crm_last_error().decode("utf-8", "replace")
        raise _ERRORS.get(status, Error)(message or "%s failed with status %d" % (func.__name__, status))
    return status


# ---- C types ----------------------------------------------------------------------------
# Every struct and function of capi/crmkit/*.h, declared once here. tests/python/test_abi.py
# parses the C headers and compiles a C program printing sizeof/offsetof of every struct:
# a field, type or signature that drifts from the header fails that test.

class _Opaque(ctypes.Structure):
    """Base of the opaque handle types: POINTER(crm_summary) and POINTER(crm_ledger) are
    distinct ctypes types, so passing one handle where another is expected raises
    ctypes.ArgumentError instead of corrupting memory (cindex.py's approach)."""
    _fields_ = []


class crm_summary(_Opaque):
    pass


class crm_ledger(_Opaque):
    pass


class crm_clv_model(_Opaque):
    pass


class crm_segment_rules(_Opaque):
    pass


class crm_instrument(_Opaque):
    pass


class crm_process_map(_Opaque):
    pass


class crm_pls(_Opaque):
    pass


class crm_kmeans(_Opaque):
    pass


class crm_churn(_Opaque):
    pass


class crm_decision_record(_Opaque):
    pass


_P_I64 = POINTER(c_int64)
_P_F64 = POINTER(c_double)
_P_U8 = POINTER(c_uint8)
_P_SIZE = POINTER(c_size_t)


class SummaryOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("unit", c_int), ("merge_same_day", c_int),
                ("has_end", c_int), ("end", c_double), ("has_holdout_end", c_int),
                ("holdout_end", c_double), ("drop_late", c_int),
                ("expected_customers", c_size_t)]


class CsvOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("delimiter", c_char), ("has_header", c_int),
                ("customer_column", c_char_p), ("time_column", c_char_p),
                ("amount_column", c_char_p), ("time_format", c_char_p)]


class SummaryColumns(ctypes.Structure):
    _fields_ = [("version", c_uint), ("customer_id", _P_I64), ("first", _P_F64), ("last", _P_F64),
                ("purchases", _P_I64), ("frequency", _P_F64), ("recency", _P_F64), ("T", _P_F64),
                ("total_value", _P_F64), ("monetary_value", _P_F64),
                ("holdout_frequency", _P_F64), ("holdout_value", _P_F64)]


class SummaryInfo(ctypes.Structure):
    _fields_ = [("version", c_uint), ("end", c_double), ("holdout_end", c_double), ("unit", c_int),
                ("sales", c_int64), ("merged_sales", c_int64), ("dropped_sales", c_int64),
                ("holdout_only_customers", c_int64)]


class ClvFitOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("starts", c_int), ("tolerance", c_double),
                ("max_iterations", c_int), ("penalty", c_double), ("require_convergence", c_int)]


class ClvFitInfo(ctypes.Structure):
    _fields_ = [("version", c_uint), ("log_likelihood", c_double), ("aic", c_double),
                ("bic", c_double), ("gradient_norm", c_double), ("iterations", c_int),
                ("evaluations", c_int), ("starts_run", c_int), ("converged", c_int),
                ("customers", c_double), ("unique_rows", c_size_t)]


class ClvOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("horizon", c_double), ("discount_rate", c_double),
                ("period", c_double), ("discounting", c_int)]


class RfmOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("bins", c_int),
                ("days_since_last_cuts", _P_F64), ("days_since_last_cut_count", c_size_t),
                ("purchases_cuts", _P_F64), ("purchases_cut_count", c_size_t),
                ("monetary_cuts", _P_F64), ("monetary_cut_count", c_size_t),
                ("segments", POINTER(crm_segment_rules))]


class RfmResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("recency_score", _P_U8), ("frequency_score", _P_U8),
                ("monetary_score", _P_U8), ("code", POINTER(c_uint16)), ("segment", _P_U8),
                ("segment_sizes", _P_SIZE), ("segment_capacity", c_size_t),
                ("days_since_last_cuts", _P_F64), ("purchases_cuts", _P_F64),
                ("monetary_cuts", _P_F64), ("cut_capacity", c_size_t),
                ("bins", c_int), ("segment_count", c_size_t)]


class ConcentrationOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("top_customer_shares", _P_F64), ("top_count", c_size_t),
                ("value_shares", _P_F64), ("value_share_count", c_size_t),
                ("lorenz_points", c_size_t)]


class ConcentrationResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("customers", c_size_t), ("total_value", c_double),
                ("gini", c_double), ("top_value_shares", _P_F64),
                ("holding_customer_shares", _P_F64), ("lorenz_customer_shares", _P_F64),
                ("lorenz_value_shares", _P_F64)]


class TierOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("scheme", c_int), ("cuts", _P_F64), ("cut_count", c_size_t),
                ("inferior_below", c_double)]


class TierTable(ctypes.Structure):
    _fields_ = [("version", c_uint), ("customers", c_size_t), ("total_value", c_double),
                ("tier_capacity", c_size_t), ("tier_customers", _P_SIZE),
                ("customer_share", _P_F64), ("value", _P_F64), ("value_share", _P_F64),
                ("mean_value", _P_F64), ("min_value", _P_F64), ("max_value", _P_F64)]


class TierMigrationResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("counts", _P_SIZE), ("count_capacity", c_size_t),
                ("upgraded", c_size_t), ("downgraded", c_size_t), ("unchanged", c_size_t),
                ("entered", c_size_t), ("left", c_size_t)]


class StatusOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("new_within_days", c_double), ("at_risk_multiple", c_double),
                ("lapsed_multiple", c_double), ("min_interval_days", c_double),
                ("has_typical_interval", c_int), ("typical_interval_days", c_double)]


class StageOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("exploration_purchases", c_int64),
                ("exploration_days", c_double), ("commitment_days", c_double),
                ("growth", c_double), ("decline", c_double)]


class LoyaltyOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("driver_count", c_size_t),
                ("driver_names", POINTER(c_char_p)), ("weights", _P_F64), ("lows", _P_F64),
                ("highs", _P_F64), ("higher_is_loyal", _P_U8), ("saturate", _P_U8),
                ("missing", c_int)]


class LoyaltyInfo(ctypes.Structure):
    _fields_ = [("version", c_uint), ("weights", _P_F64), ("coverage", _P_SIZE),
                ("driver_capacity", c_size_t), ("drivers", c_size_t),
                ("reweighted", c_size_t), ("without_index", c_size_t)]


class ValueAtRiskResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("customers", c_size_t), ("total_value", c_double),
                ("at_risk_customers", c_size_t), ("at_risk_value", c_double),
                ("at_risk_share", c_double), ("lapsed_customers", c_size_t),
                ("lapsed_value", c_double)]


class RetentionCampaign(ctypes.Structure):
    _fields_ = [("version", c_uint), ("customers", c_double), ("cost_per_customer", c_double),
                ("win_back_rate", c_double), ("value_per_customer", c_double),
                ("has_acquisition_cost", c_int), ("acquisition_cost", c_double),
                ("acquisition_multiple", c_double)]


class CampaignPaybackResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("retained", c_double), ("cost", c_double),
                ("value_recovered", c_double), ("net_value", c_double), ("roi", c_double),
                ("cost_per_retained", c_double), ("break_even_win_back_rate", c_double),
                ("acquisition_cost", c_double), ("replacement_cost", c_double),
                ("saving_vs_acquisition", c_double)]


class AhpOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("method", c_int), ("completion", c_int),
                ("random_index_table", c_char_p), ("random_index_values", _P_F64),
                ("random_index_count", c_size_t), ("allow_outside_scale", c_int),
                ("reciprocal_tolerance", c_double), ("judgments_to_report", c_size_t),
                ("tolerance", c_double), ("max_iterations", c_int)]


class AhpJudgment(ctypes.Structure):
    _fields_ = [("row", c_size_t), ("column", c_size_t), ("value", c_double),
                ("error", c_double), ("consistent_value", c_double),
                ("scale_value", c_double), ("cr_if_changed", c_double)]


class AhpResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("lambda_max", c_double), ("ci", c_double),
                ("cr", c_double), ("random_index", c_double), ("missing", c_size_t),
                ("completion_iterations", c_int), ("matrix", _P_F64),
                ("inconsistent", POINTER(AhpJudgment)), ("inconsistent_capacity", c_size_t),
                ("inconsistent_count", c_size_t)]


class HierarchyNode(ctypes.Structure):
    _fields_ = [("name", c_char_p), ("parent", c_size_t), ("local_weight", c_double)]
class ChartOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("title", c_char_p), ("x_label", c_char_p),
                ("y_label", c_char_p), ("width", c_int), ("height", c_int),
                ("marker_x", _P_F64), ("marker_labels", POINTER(c_char_p)),
                ("marker_count", c_size_t), ("dashed", _P_U8), ("has_x_range", c_int),
                ("x_min", c_double), ("x_max", c_double), ("has_y_range", c_int),
                ("y_min", c_double), ("y_max", c_double)]
class StaffingOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("model", c_int), ("patience", c_double),
                ("answer_within", c_double), ("has_service_level", c_int),
                ("service_level", c_double), ("has_asa", c_int), ("asa", c_double),
                ("has_max_occupancy", c_int), ("max_occupancy", c_double), ("shrinkage", c_double)]


class StaffingResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("agents", c_int64), ("scheduled", c_int64),
                ("traffic", c_double), ("p_wait", c_double), ("p_abandon", c_double),
                ("service_level", c_double), ("asa", c_double), ("asa_delayed", c_double),
                ("queue_length", c_double), ("occupancy", c_double)]


class PlanColumns(ctypes.Structure):
    _fields_ = [("version", c_uint), ("agents", _P_I64), ("scheduled", _P_I64),
                ("traffic", _P_F64), ("service_level", _P_F64), ("asa", _P_F64),
                ("p_abandon", _P_F64), ("occupancy", _P_F64)]


class PlanTotals(ctypes.Structure):
    _fields_ = [("version", c_uint), ("calls", c_double), ("agent_hours", c_double),
                ("scheduled_hours", c_double), ("peak_agents", c_int64),
                ("peak_scheduled", c_int64), ("service_level", c_double), ("asa", c_double),
                ("p_abandon", c_double), ("occupancy", c_double)]


class ContactLog(ctypes.Structure):
    _fields_ = [("version", c_uint), ("n", c_size_t), ("channel", _P_I64), ("agent", _P_I64),
                ("arrival", _P_F64), ("answered", _P_F64), ("abandoned", _P_F64),
                ("end", _P_F64), ("ivr", _P_U8), ("transferred", _P_U8), ("resolved", _P_U8),
                ("satisfaction", _P_F64)]


class KpiOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("answer_within", c_double), ("short_abandon", c_double),
                ("definition", c_int), ("interval", c_double)]


class KpiFigures(ctypes.Structure):
    _fields_ = [("version", c_uint)] + [
        (name, c_size_t) for name in (
            "contacts", "ivr_contained", "offered", "answered", "abandoned", "short_abandoned",
            "answered_within", "abandoned_within", "delayed", "transferred", "resolved",
            "satisfaction_responses")] + [
        (name, c_double) for name in (
            "wait_seconds", "handle_seconds", "staffed_seconds", "abandonment_rate",
            "abandonment_rate_excluding_short", "service_level", "asa", "aht", "busy_rate",
            "occupancy", "first_contact_resolution", "containment", "transfer_rate",
            "satisfaction")]


# quality: instruments, SERVQUAL, category sums (capi/crmkit/quality.h)
class Estimate(ctypes.Structure):
    _fields_ = [("mean", c_double), ("sd", c_double), ("n", c_size_t), ("lower", c_double),
                ("upper", c_double)]


_P_EST = POINTER(Estimate)


class ServqualOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("missing", c_int), ("min_answered", c_size_t),
                ("confidence", c_double)]


class ServqualResult(ctypes.Structure):
    _fields_ = [("version", c_uint),
                ("item_expected", _P_EST), ("item_perceived", _P_EST), ("item_gap", _P_EST),
                ("item_adequate", _P_EST), ("item_msa", _P_EST), ("item_zone", _P_U8),
                ("dimension_expected", _P_EST), ("dimension_perceived", _P_EST),
                ("dimension_gap", _P_EST), ("dimension_adequate", _P_EST),
                ("dimension_msa", _P_EST), ("dimension_zone", _P_U8),
                ("respondent_dimension_gap", _P_F64), ("respondent_weighted_gap", _P_F64),
                ("gap_mean_of_items", c_double), ("gap_mean_of_dimensions", c_double),
                ("servperf_mean_of_items", c_double), ("servperf_mean_of_dimensions", c_double),
                ("weighted_gap", Estimate), ("has_adequate", c_int), ("has_weights", c_int),
                ("respondents_used", c_size_t)]


class CategoryOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("missing", c_int), ("min_answered", c_size_t)]


class CategoryResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("score", _P_F64), ("percentage", _P_F64),
                ("total", _P_F64), ("total_percentage", _P_F64), ("maximum", _P_F64),
                ("mean_score", _P_F64), ("mean_percentage", _P_F64), ("scored", _P_SIZE),
                ("weakest", _P_SIZE), ("total_maximum", c_double), ("mean_total", c_double),
                ("mean_total_percentage", c_double), ("scored_total", c_size_t)]
# decision: ranking and sensitivity (capi/crmkit/decision.h)
class DecisionMatrix(ctypes.Structure):
    _fields_ = [("version", c_uint), ("values", _P_F64), ("alternatives", c_size_t),
                ("criteria", c_size_t), ("directions", _P_U8),
                ("alternative_names", POINTER(c_char_p)), ("criterion_names", POINTER(c_char_p))]


class RankOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("method", c_int), ("normalization", c_int),
                ("waspas_lambda", c_double), ("vikor_v", c_double),
                ("preference_functions", _P_U8), ("q", _P_F64), ("p", _P_F64), ("s", _P_F64)]


class RankResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("scores", _P_F64), ("ranks", _P_SIZE), ("order", _P_SIZE),
                ("wsm", _P_F64), ("wpm", _P_F64), ("distance_best", _P_F64),
                ("distance_worst", _P_F64), ("vikor_s", _P_F64), ("vikor_r", _P_F64),
                ("phi_plus", _P_F64), ("phi_minus", _P_F64), ("compromise", _P_U8),
                ("lower_is_better", c_int), ("normalization", c_int),
                ("acceptable_advantage", c_int), ("acceptable_stability", c_int)]


class SensitivityOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("step", c_double), ("tolerance", c_double)]


class WeightSensitivityResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("top_low", _P_F64), ("top_high", _P_F64),
                ("ranking_low", _P_F64), ("ranking_high", _P_F64), ("exact", c_int),
                ("has_flip", c_int), ("flip_criterion", c_size_t), ("flip_weight", c_double),
                ("flip_change", c_double), ("flip_winner", c_size_t)]


class MonteCarloOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("draws", c_size_t), ("seed", c_int64),
                ("distribution", c_int), ("concentration", c_double)]


# quality: reliability, importance-performance analysis, the five-gap model, CSI
class ReliabilityOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("missing", c_int)]


class ReliabilityResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("alpha_if_deleted", _P_F64),
                ("item_total_correlation", _P_F64), ("item_mean", _P_F64),
                ("item_variance", _P_F64), ("respondents", c_size_t), ("alpha_raw", c_double),
                ("alpha_standardised", c_double), ("mean_correlation", c_double)]


class IpaOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("importance", c_int), ("crosshair", c_int),
                ("scale_min", c_double), ("scale_max", c_double)]


class IpaResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("importance", _P_F64), ("performance", _P_F64),
                ("quadrant", _P_U8), ("importance_crosshair", c_double),
                ("performance_crosshair", c_double), ("respondents", c_size_t)]


class GapMeans(ctypes.Structure):
    _fields_ = [("version", c_uint), ("dimensions", c_size_t), ("expectations", _P_F64),
                ("management", _P_F64), ("specifications", _P_F64), ("delivered", _P_F64),
                ("communicated", _P_F64), ("perceptions", _P_F64)]


class GapResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("gaps", _P_F64), ("main_contributor", POINTER(c_int)),
                ("ranked", POINTER(c_int)), ("overall_gaps", _P_F64),
                ("overall_main_contributor", c_int), ("overall_ranked", POINTER(c_int))]


class GapSurveys(ctypes.Structure):
    _fields_ = [("version", c_uint), ("expectations", _P_F64),
                ("expectations_respondents", c_size_t), ("management", _P_F64),
                ("management_respondents", c_size_t), ("specifications", _P_F64),
                ("specifications_respondents", c_size_t), ("delivered", _P_F64),
                ("delivered_respondents", c_size_t), ("communicated", _P_F64),
                ("communicated_respondents", c_size_t), ("perceptions", _P_F64),
                ("perceptions_respondents", c_size_t), ("missing", c_int),
                ("min_answered", c_size_t)]


class CsiOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("scale_min", c_double), ("scale_max", c_double),
                ("weights", _P_F64), ("weight_count", c_size_t), ("level", c_double),
                ("resamples", c_size_t), ("seed", c_uint64)]


class CsiResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("item_mean", _P_F64), ("weights", _P_F64),
                ("index", c_double), ("lower", c_double), ("upper", c_double),
                ("respondents", c_size_t)]


class PlsOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("scheme", c_int), ("tolerance", c_double),
                ("max_iterations", c_size_t), ("index_method", c_int), ("scale_min", c_double),
                ("scale_max", c_double), ("ipma_target", c_char_p), ("bootstrap", c_size_t),
                ("seed", c_uint64), ("level", c_double), ("threads", c_int)]


class PlsResult(ctypes.Structure):
    _fields_ = [("version", c_uint)] + [(name, _P_F64) for name in (
        "path_coefficient", "weights", "loadings", "index_weights", "r2", "r2_adjusted",
        "alpha_raw", "alpha_standardised", "rho_c", "rho_a", "ave", "index_mean",
        "ipma_importance", "total_effects", "indirect_effects", "htmt", "vif")] + [
        ("gof", c_double), ("iterations", c_size_t), ("ipma_target", c_size_t)]


class PlsEstimate(ctypes.Structure):
    _fields_ = [(name, c_double) for name in (
        "estimate", "mean", "std_error", "t", "lower", "upper", "bca_lower", "bca_upper")]


class ProcessSummary(ctypes.Structure):
    _fields_ = [("version", c_uint), ("steps", c_size_t), ("expected_cycle_time", c_double),
                ("expected_work_time", c_double), ("expected_cost", c_double),
                ("value_added_time", c_double), ("value_added_ratio", c_double),
                ("handoffs", c_double), ("rework_probability", c_double),
                ("critical_path_length", c_double), ("critical_path_count", c_size_t)]


class ProcessStepFigures(ctypes.Structure):
    _fields_ = [("expected_visits", c_double), ("expected_time", c_double),
                ("expected_cost", c_double), ("candidate", c_uint), ("critical", c_int)]


class ProcessChange(ctypes.Structure):
    _fields_ = [("before_step", c_size_t), ("after_step", c_size_t), ("time", c_double),
                ("cost", c_double)]


class ActivityFigures(ctypes.Structure):
    _fields_ = [("activity", c_int), ("cost", c_double), ("value", c_double)]


class ActivityMargin(ctypes.Structure):
    _fields_ = [("activity", c_int), ("primary", c_int), ("cost", c_double), ("value", c_double),
                ("margin", c_double), ("cost_share", c_double)]


class ValueChainResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("activities", POINTER(ActivityMargin)), ("cost", c_double),
                ("value", c_double), ("margin", c_double), ("margin_ratio", c_double)]


class KMeansOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("k_min", c_int), ("k_max", c_int), ("n_init", c_int),
                ("max_iterations", c_int), ("tolerance", c_double), ("seed", c_uint64),
                ("silhouette_sample", c_size_t), ("selection", c_int), ("threads", c_int),
                ("scaling", c_int), ("log1p", POINTER(c_char_p)), ("log1p_count", c_size_t),
                ("value_column", c_char_p)]


class KMeansInfo(ctypes.Structure):
    _fields_ = [("version", c_uint), ("k", c_int), ("features", c_size_t), ("inertia", c_double),
                ("silhouette", c_double)]


class ChurnOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("l2", c_double), ("balanced", c_int),
                ("max_iterations", c_int), ("tolerance", c_double), ("threshold", c_double),
                ("threads", c_int), ("scaling", c_int), ("log1p", POINTER(c_char_p)),
                ("log1p_count", c_size_t)]


class ChurnMetrics(ctypes.Structure):
    _fields_ = [("version", c_uint), ("customers", c_size_t), ("churn_rate", c_double),
                ("log_loss", c_double), ("auc", c_double), ("threshold", c_double),
                ("precision", c_double), ("recall", c_double), ("accuracy", c_double)]



class Rankings(ctypes.Structure):
    _fields_ = [("version", c_uint), ("ranks", _P_F64), ("items", c_size_t),
                ("members", c_size_t), ("item_names", POINTER(c_char_p)),
                ("member_names", POINTER(c_char_p))]


class Concordance(ctypes.Structure):
    _fields_ = [("version", c_uint), ("w", c_double), ("chi_square", c_double),
                ("df", c_size_t), ("p_value", c_double), ("s", c_double),
                ("ties_correction", c_double)]


class TeamExerciseResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("team_error", c_double), ("mean_member_error", c_double),
                ("best_member_error", c_double), ("best_member", c_size_t),
                ("beats_average", c_int), ("beats_best", c_int), ("synergy_gain", c_double),
                ("dominant_member", c_size_t), ("team_to_dominant", c_double),
                ("consensus_to_dominant", c_double), ("team_to_consensus", c_double),
                ("groupthink_sign", c_int), ("concordance", Concordance)]


class SwotFactor(ctypes.Structure):
    _fields_ = [("group", c_int), ("name", c_char_p), ("weight", c_double), ("rating", c_double),
                ("note", c_char_p)]


class SwotOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("tows_per_group", c_size_t)]


class TowsPair(ctypes.Structure):
    _fields_ = [("type", c_int), ("internal", c_size_t), ("external", c_size_t), ("score", c_double)]


class SwotResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("ife", c_double), ("efe", c_double),
                ("internal_net", c_double), ("external_net", c_double), ("ie_cell", c_int),
                ("strategy", c_int), ("quadrant", c_int), ("tows", POINTER(TowsPair)),
                ("tows_capacity", c_size_t), ("tows_count", c_size_t)]

# Current layout versions (the CRM_*_VERSION macros); test_abi.py checks them against the
# headers. Output structs are filled in by the library after it checks this number.
VERSIONS = {
    SummaryOptions: 2, CsvOptions: 1, SummaryColumns: 1, SummaryInfo: 1, ClvFitOptions: 1,
    ClvFitInfo: 1, ClvOptions: 1, RfmOptions: 1, RfmResult: 2, ConcentrationOptions: 1,
    ConcentrationResult: 1, TierOptions: 2, TierTable: 2, TierMigrationResult: 2,
    StatusOptions: 1, StageOptions: 1, LoyaltyOptions: 2, LoyaltyInfo: 2,
    ValueAtRiskResult: 1, RetentionCampaign: 1, CampaignPaybackResult: 1,
    AhpOptions: 1, AhpResult: 1,
    ChartOptions: 1,
    StaffingOptions: 1, StaffingResult: 1, PlanColumns: 1, PlanTotals: 1, ContactLog: 1,
    KpiOptions: 1, KpiFigures: 1,
    ServqualOptions: 1, ServqualResult: 1, CategoryOptions: 1, CategoryResult: 1,
    DecisionMatrix: 1, RankOptions: 1, RankResult: 1, SensitivityOptions: 1,
    WeightSensitivityResult: 1, MonteCarloOptions: 1,
    ReliabilityOptions: 1, ReliabilityResult: 1, IpaOptions: 1, IpaResult: 1, GapMeans: 1,
    GapResult: 1, GapSurveys: 1, CsiOptions: 1, CsiResult: 1,
    ProcessSummary: 1, ValueChainResult: 1,
    KMeansOptions: 1, KMeansInfo: 1, ChurnOptions: 1, ChurnMetrics: 1,
    Rankings: 1, Concordance: 1, TeamExerciseResult: 1, SwotOptions: 1, SwotResult: 1,
    PlsOptions: 1, PlsResult: 1,
}


def new(struct, **fields):
    """A struct with its version set and the given fields."""
    out = struct(**fields)
    out.version = VERSIONS[struct]
    return out


# ---- the one table of signatures: name -> (restype, argtypes) ----------------------------
# Functions returning int status get _check as errcheck; a forgotten restype would truncate
# 64-bit pointers, so every function is declared here and nowhere else.
def _out(handle_type):
    return POINTER(POINTER(handle_type))


_SUMMARY, _LEDGER = POINTER(crm_summary), POINTER(crm_ledger)
_MODEL, _RULES = POINTER(crm_clv_model), POINTER(crm_segment_rules)
_INSTRUMENT = POINTER(crm_instrument)
_PROCESS = POINTER(crm_process_map)
_KMEANS, _CHURN = POINTER(crm_kmeans), POINTER(crm_churn)
_PLS = POINTER(crm_pls)


def _enum(name):
    """crm_<name>_name / crm_<name>_parse."""
    return {"crm_%s_name" % name: (c_char_p, [c_int]),
            "crm_%s_parse" % name: (c_int, [c_char_p, POINTER(c_int)])}


def _init(name, struct):
    return {"crm_%s_init" % name: (c_int, [POINTER(struct), c_uint])}


_SIGNATURES = {
    "crm_status_string": (c_char_p, [c_int]),
    "crm_last_error": (c_char_p, []),
    "crm_version_number": (c_int, []),
    "crm_version_string": (c_char_p, []),
    "crm_parse_time": (c_int, [c_char_p, c_char_p, _P_F64]),
    # summaries
    **_init("summary_options", SummaryOptions),
    **_init("csv_options", CsvOptions),
    **_enum("time_unit"),
    "crm_summarize": (c_int, [_out(crm_summary), _P_I64, _P_F64, _P_F64, c_size_t,
                              POINTER(SummaryOptions)]),
    "crm_summarize_csv": (c_int, [_out(crm_summary), c_char_p, POINTER(CsvOptions),
                                  POINTER(SummaryOptions)]),
    "crm_summary_free": (None, [_SUMMARY]),
    "crm_summary_count": (c_int, [_SUMMARY, _P_SIZE]),
    "crm_summary_get": (c_int, [_SUMMARY, POINTER(SummaryColumns), c_size_t, _P_SIZE]),
    "crm_summary_get_info": (c_int, [_SUMMARY, POINTER(SummaryInfo)]),
    "crm_summary_key": (c_int, [_SUMMARY, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_ledger_create": (c_int, [_out(crm_ledger), POINTER(SummaryOptions)]),
    "crm_ledger_free": (None, [_LEDGER]),
    "crm_ledger_add_sale": (c_int, [_LEDGER, c_int64, c_double, c_double]),
    "crm_ledger_add_sales": (c_int, [_LEDGER, _P_I64, _P_F64, _P_F64, c_size_t, _P_SIZE]),
    "crm_ledger_count": (c_int, [_LEDGER, _P_SIZE]),
    "crm_ledger_summary": (c_int, [_LEDGER, _out(crm_summary)]),
    "crm_ledger_customer": (c_int, [_LEDGER, c_int64, POINTER(SummaryColumns), POINTER(c_int)]),
    "crm_cumulative_repeat_transactions": (
        c_int, [_P_I64, _P_F64, c_size_t, c_double, c_int, c_int, _P_I64, c_size_t]),
    # CLV models
    **_init("clv_fit_options", ClvFitOptions),
    **_init("clv_options", ClvOptions),
    **_enum("clv_kind"),
    **_enum("discounting"),
    "crm_clv_fit": (c_int, [_out(crm_clv_model), c_int, _P_F64, _P_F64, _P_F64, _P_F64, c_size_t,
                            POINTER(ClvFitOptions)]),
    "crm_clv_fit_spend": (c_int, [_out(crm_clv_model), _P_F64, _P_F64, _P_F64, c_size_t,
                                  POINTER(ClvFitOptions)]),
    "crm_clv_create": (c_int, [_out(crm_clv_model), c_int, _P_F64, c_size_t]),
    "crm_clv_free": (None, [_MODEL]),
    "crm_clv_kind_of": (c_int, [_MODEL, POINTER(c_int)]),
    "crm_clv_params": (c_int, [_MODEL, POINTER(c_char_p), _P_F64, _P_F64, c_size_t, _P_SIZE]),
    "crm_clv_fit_info_get": (c_int, [_MODEL, POINTER(ClvFitInfo)]),
    "crm_clv_expected_purchases": (c_int, [_MODEL, _P_F64, c_size_t, _P_F64]),
    "crm_clv_probability_of_purchases": (c_int, [_MODEL, c_double, _P_F64, c_size_t, _P_F64]),
    "crm_clv_conditional_expected_purchases": (
        c_int, [_MODEL, c_double, _P_F64, _P_F64, _P_F64, c_size_t, _P_F64]),
    "crm_clv_conditional_probability_of_purchases": (
        c_int, [_MODEL, c_double, _P_F64, _P_F64, _P_F64, _P_F64, c_size_t, _P_F64]),
    "crm_clv_p_alive": (c_int, [_MODEL, _P_F64, _P_F64, _P_F64, c_size_t, _P_F64]),
    "crm_clv_expected_spend": (c_int, [_MODEL, _P_F64, _P_F64, c_size_t, _P_F64]),
    "crm_clv_lifetime_value": (c_int, [_MODEL, _P_F64, _P_F64, _P_F64, _P_F64, c_size_t,
                                       POINTER(ClvOptions), _P_F64]),
    "crm_clv_tracking_curve": (c_int, [_MODEL, _P_F64, c_size_t, _P_F64, c_size_t]),
    "crm_clv_compare_holdout": (c_int, [_MODEL, c_double, _P_F64, _P_F64, _P_F64, _P_F64,
                                        c_size_t, _P_F64, c_int, _P_F64, _P_F64, _P_F64]),
    "crm_clv_save": (c_int, [_MODEL, c_char_p]),
    "crm_clv_load": (c_int, [_out(crm_clv_model), c_char_p, c_int]),
    "crm_clv_to_buffer": (c_int, [_MODEL, c_void_p, c_size_t, _P_SIZE]),
    "crm_clv_from_buffer": (c_int, [_out(crm_clv_model), c_void_p, c_size_t, c_int]),
    # RFM
    **_init("rfm_options", RfmOptions),
    "crm_segment_rules_standard": (c_int, [_out(crm_segment_rules), POINTER(c_char_p), c_size_t]),
    "crm_segment_rules_parse": (c_int, [_out(crm_segment_rules), c_char_p]),
    "crm_segment_rules_free": (None, [_RULES]),
    "crm_segment_rules_count": (c_int, [_RULES, _P_SIZE]),
    "crm_segment_rules_name": (c_int, [_RULES, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_segment_rules_find": (c_int, [_RULES, c_char_p, _P_SIZE]),
    "crm_segment_of": (c_int, [_RULES, c_int, c_int, c_int, _P_SIZE]),
    "crm_rfm_score": (c_int, [_P_F64, _P_F64, _P_F64, c_size_t, POINTER(RfmOptions),
                              POINTER(RfmResult)]),
    # concentration
    **_init("concentration_options", ConcentrationOptions),
    "crm_concentration": (c_int, [_P_F64, c_size_t, POINTER(ConcentrationOptions),
                                  POINTER(ConcentrationResult)]),
    # tiers
    **_enum("tier"),
    **_enum("tier_scheme"),
    **_init("tier_options", TierOptions),
    "crm_tier_default_cuts": (c_int, [c_int, _P_F64, c_size_t, _P_SIZE]),
    "crm_assign_tiers": (c_int, [_P_F64, c_size_t, POINTER(TierOptions), _P_U8, POINTER(TierTable)]),
    "crm_tier_table_of": (c_int, [_P_F64, _P_U8, c_size_t, POINTER(TierTable)]),
    "crm_tier_migration": (c_int, [_P_I64, _P_U8, c_size_t, _P_I64, _P_U8, c_size_t,
                                   POINTER(TierMigrationResult)]),
    # status and stage
    **_enum("customer_status"),
    **_enum("stage"),
    **_init("status_options", StatusOptions),
    **_init("stage_options", StageOptions),
    "crm_classify_status": (c_int, [_P_F64, _P_F64, _P_I64, _P_F64, c_size_t, c_double,
                                    POINTER(StatusOptions), _P_U8, _P_SIZE, _P_F64]),
    "crm_status_of": (c_int, [c_double, c_double, c_int64, c_double, c_double, c_double,
                              POINTER(StatusOptions), _P_U8]),
    "crm_relationship_stages": (c_int, [_P_I64, _P_F64, _P_U8, _P_F64, c_size_t,
                                        POINTER(StageOptions), _P_U8]),
    # loyalty
    **_enum("missing_drivers"),
    **_init("loyalty_options", LoyaltyOptions),
    "crm_loyalty_index": (c_int, [POINTER(_P_F64), c_size_t, c_size_t, POINTER(LoyaltyOptions),
                                  _P_F64, POINTER(c_uint32), POINTER(LoyaltyInfo)]),
    # retention
    **_init("retention_campaign", RetentionCampaign),
    "crm_value_at_risk": (c_int, [_P_F64, _P_U8, c_size_t, POINTER(ValueAtRiskResult)]),
    "crm_campaign_payback": (c_int, [POINTER(RetentionCampaign), POINTER(CampaignPaybackResult)]),
    "crm_at_risk_campaign": (c_int, [POINTER(ValueAtRiskResult), c_double, c_double,
                                     POINTER(RetentionCampaign)]),
    # decision: weights and AHP
    **_enum("rank_weighting"),
    **_enum("priority_method"),
    **_enum("completion"),
    "crm_direct_weights": (c_int, [_P_F64, c_size_t, _P_F64]),
    "crm_rank_weights": (c_int, [_P_F64, c_size_t, c_int, _P_F64]),
    "crm_entropy_weights": (c_int, [_P_F64, c_size_t, c_size_t, _P_F64]),
    "crm_critic_weights": (c_int, [_P_F64, c_size_t, c_size_t, _P_U8, _P_F64]),
    "crm_random_index_table_name": (c_char_p, [c_size_t]),
    "crm_random_index_table": (c_int, [c_char_p, _P_F64, c_size_t, _P_SIZE]),
    **_init("ahp_options", AhpOptions),
    "crm_ahp": (c_int, [_P_F64, c_size_t, POINTER(c_char_p), POINTER(AhpOptions), _P_F64,
                        POINTER(AhpResult)]),
    "crm_synthesize_hierarchy": (c_int, [POINTER(HierarchyNode), c_size_t, _P_F64, c_size_t,
                                         _P_F64, _P_F64]),
    # SVG charts: ..., options, buf, buf_len, out_len
    **_init("chart_options", ChartOptions),
    "crm_line_chart": (c_int, [POINTER(c_char_p), c_size_t, _P_F64, _P_F64, _P_SIZE,
                               POINTER(ChartOptions), c_char_p, c_size_t, _P_SIZE]),
    "crm_category_line_chart": (c_int, [POINTER(c_char_p), c_size_t, POINTER(c_char_p), c_size_t,
                                        _P_F64, _P_F64, _P_F64, POINTER(ChartOptions), c_char_p,
                                        c_size_t, _P_SIZE]),
    "crm_bar_chart": (c_int, [POINTER(c_char_p), c_size_t, POINTER(c_char_p), c_size_t, _P_F64,
                              POINTER(ChartOptions), c_char_p, c_size_t, _P_SIZE]),
    "crm_radar_chart": (c_int, [POINTER(c_char_p), c_size_t, POINTER(c_char_p), c_size_t, _P_F64,
                                c_double, c_double, POINTER(ChartOptions), c_char_p, c_size_t,
                                _P_SIZE]),
    "crm_ipa_chart": (c_int, [POINTER(c_char_p), c_size_t, _P_F64, _P_F64, c_double, c_double,
                              POINTER(ChartOptions), c_char_p, c_size_t, _P_SIZE]),
    "crm_heat_map": (c_int, [_P_F64, c_size_t, c_size_t, POINTER(c_char_p), POINTER(c_char_p),
                             POINTER(ChartOptions), c_char_p, c_size_t, _P_SIZE]),
    # contact centre: Erlang B/C/A, staffing, KPIs
    **_enum("queue_model"),
    **_enum("service_level_definition"),
    **_enum("kpi_grouping"),
    **_init("staffing_options", StaffingOptions),
    **_init("kpi_options", KpiOptions),
    "crm_erlang_b": (c_int, [c_int64, c_double, _P_F64]),
    "crm_erlang_c": (c_int, [c_int64, c_double, _P_F64]),
    "crm_required_agents": (c_int, [c_double, c_double, c_double, POINTER(StaffingOptions),
                                    POINTER(StaffingResult)]),
    "crm_evaluate_staffing": (c_int, [c_int64, c_double, c_double, c_double,
                                      POINTER(StaffingOptions), POINTER(StaffingResult)]),
    "crm_scheduled_agents": (c_int, [c_int64, c_double, _P_I64]),
    "crm_staffing_plan": (c_int, [_P_F64, _P_F64, _P_F64, c_size_t, POINTER(StaffingOptions),
                                  POINTER(PlanColumns), POINTER(PlanTotals)]),
    "crm_contact_kpis": (c_int, [POINTER(ContactLog), POINTER(KpiOptions), POINTER(KpiFigures)]),
    "crm_contact_kpis_by": (c_int, [POINTER(ContactLog), c_int, POINTER(KpiOptions), _P_I64, _P_F64,
                                    POINTER(KpiFigures), c_size_t, _P_SIZE]),
    # quality: instruments, SERVQUAL, category sums
    **_enum("servqual_version"),
    **_enum("missing_policy"),
    **_enum("zone_position"),
    **_init("servqual_options", ServqualOptions),
    **_init("category_options", CategoryOptions),
    "crm_instrument_servqual": (c_int, [_out(crm_instrument), c_int, c_double, c_double]),
    "crm_instrument_audit": (c_int, [_out(crm_instrument)]),
    "crm_instrument_employee": (c_int, [_out(crm_instrument), POINTER(c_char_p), POINTER(c_char_p),
                                        POINTER(c_int), _P_SIZE, c_size_t, c_double, c_double]),
    "crm_instrument_parse": (c_int, [_out(crm_instrument), c_char_p, c_char_p]),
    "crm_instrument_read": (c_int, [_out(crm_instrument), c_char_p]),
    "crm_instrument_free": (None, [_INSTRUMENT]),
    "crm_instrument_name": (c_int, [_INSTRUMENT, c_char_p, c_size_t, _P_SIZE]),
    "crm_instrument_dimension_name": (c_int, [_INSTRUMENT, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_instrument_item_id": (c_int, [_INSTRUMENT, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_instrument_item_text": (c_int, [_INSTRUMENT, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_instrument_scale": (c_int, [_INSTRUMENT, _P_F64, _P_F64]),
    "crm_instrument_dimension_count": (c_int, [_INSTRUMENT, _P_SIZE]),
    "crm_instrument_item_count": (c_int, [_INSTRUMENT, _P_SIZE]),
    "crm_instrument_dimension_items": (c_int, [_INSTRUMENT, c_size_t, _P_SIZE, _P_SIZE]),
    "crm_instrument_item_reverse_coded": (c_int, [_INSTRUMENT, c_size_t, POINTER(c_int)]),
    "crm_servqual": (c_int, [_INSTRUMENT, _P_F64, _P_F64, _P_F64, _P_F64, c_size_t,
                             POINTER(ServqualOptions), POINTER(ServqualResult)]),
    "crm_category_scores": (c_int, [_INSTRUMENT, _P_F64, c_size_t, POINTER(CategoryOptions),
                                    POINTER(CategoryResult)]),
    # decision: ranking and sensitivity
    **_enum("rank_method"),
    **_enum("normalization"),
    **_enum("preference_function"),
    **_enum("criterion_direction"),
    **_enum("weight_distribution"),
    **_init("rank_options", RankOptions),
    **_init("sensitivity_options", SensitivityOptions),
    **_init("monte_carlo_options", MonteCarloOptions),
    "crm_rank": (c_int, [POINTER(DecisionMatrix), _P_F64, POINTER(RankOptions), POINTER(RankResult)]),
    "crm_weight_sensitivity": (c_int, [POINTER(DecisionMatrix), _P_F64, POINTER(RankOptions),
                                       POINTER(SensitivityOptions), POINTER(WeightSensitivityResult)]),
    "crm_rank_acceptability": (c_int, [POINTER(DecisionMatrix), _P_F64, POINTER(RankOptions),
                                       POINTER(MonteCarloOptions), _P_F64, _P_F64]),
    "crm_rank_reversal_on_removal": (c_int, [POINTER(DecisionMatrix), _P_F64, POINTER(RankOptions),
                                             _P_U8, _P_SIZE]),
    "crm_rank_reversal_on_addition": (c_int, [POINTER(DecisionMatrix), _P_F64, _P_F64, c_char_p,
                                              POINTER(RankOptions), POINTER(c_int), _P_SIZE,
                                              c_size_t, _P_SIZE]),
    # quality: reliability, IPA, gaps, CSI (the missing-answer policy is the instruments')
    **_init("reliability_options", ReliabilityOptions),
    "crm_reliability": (c_int, [_P_F64, c_size_t, c_size_t, POINTER(ReliabilityOptions),
                                POINTER(ReliabilityResult)]),
    **_enum("ipa_quadrant"),
    **_enum("ipa_importance"),
    **_enum("ipa_crosshair"),
    **_init("ipa_options", IpaOptions),
    "crm_ipa": (c_int, [_P_F64, c_size_t, c_size_t, _P_F64, c_size_t, _P_F64,
                        POINTER(IpaOptions), POINTER(IpaResult)]),
    **_enum("gap_source"),
    **_enum("gap"),
    "crm_gap_title": (c_char_p, [c_int]),
    "crm_gap_remedy_count": (c_int, [c_int, _P_SIZE]),
    "crm_gap_remedy": (c_int, [c_int, c_size_t, POINTER(c_char_p)]),
    "crm_five_gaps": (c_int, [POINTER(GapMeans), POINTER(GapResult)]),
    **_init("gap_surveys", GapSurveys),
    "crm_gap_means_from_answers": (c_int, [_INSTRUMENT, POINTER(GapSurveys), _P_F64]),
    **_init("csi_options", CsiOptions),
    "crm_csi": (c_int, [_P_F64, c_size_t, c_size_t, POINTER(CsiOptions), POINTER(CsiResult)]),
    "crm_csi_tracking": (c_int, [POINTER(_P_F64), _P_SIZE, c_size_t, c_size_t,
                                 POINTER(CsiOptions), _P_F64, _P_F64, _P_F64, _P_F64, _P_F64,
                                 _P_F64]),
    # PLS satisfaction index models
    **_init("pls_options", PlsOptions),
    **_enum("pls_scheme"),
    **_enum("pls_index_method"),
    "crm_pls_fit": (c_int, [_out(crm_pls), c_char_p, _P_F64, c_size_t, c_size_t,
                            POINTER(c_char_p), POINTER(PlsOptions)]),
    "crm_pls_free": (None, [_PLS]),
    "crm_pls_counts": (c_int, [_PLS, _P_SIZE, _P_SIZE, _P_SIZE, _P_SIZE]),
    "crm_pls_block_name": (c_int, [_PLS, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_pls_indicator_name": (c_int, [_PLS, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_pls_path_blocks": (c_int, [_PLS, c_size_t, _P_SIZE, _P_SIZE]),
    "crm_pls_indicator_block": (c_int, [_PLS, c_size_t, _P_SIZE]),
    "crm_pls_results": (c_int, [_PLS, POINTER(PlsResult)]),
    "crm_pls_scores": (c_int, [_PLS, _P_F64, _P_F64]),
    "crm_pls_bootstrap": (c_int, [_PLS, POINTER(PlsEstimate), POINTER(PlsEstimate),
                                  POINTER(PlsEstimate)]),
    # process maps and the value chain
    **_enum("process_text"),
    **_enum("activity"),
    "crm_process_map_read_csv": (c_int, [_out(crm_process_map), c_char_p]),
    "crm_process_map_parse_csv": (c_int, [_out(crm_process_map), c_char_p, c_size_t, c_char_p]),
    "crm_process_map_free": (None, [_PROCESS]),
    "crm_process_map_summary": (c_int, [_PROCESS, POINTER(ProcessSummary)]),
    "crm_process_map_steps": (c_int, [_PROCESS, POINTER(ProcessStepFigures), c_size_t, _P_SIZE]),
    "crm_process_map_critical_path": (c_int, [_PROCESS, _P_SIZE, c_size_t, _P_SIZE]),
    "crm_process_map_step_text": (c_int, [_PROCESS, c_size_t, c_int, c_char_p, c_size_t, _P_SIZE]),
    "crm_process_map_chart": (c_int, [_PROCESS, c_char_p, c_char_p, c_size_t, _P_SIZE]),
    "crm_process_compare": (c_int, [_PROCESS, _PROCESS, POINTER(ProcessChange), c_size_t, _P_SIZE,
                                    c_char_p, c_size_t, _P_SIZE]),
    "crm_value_chain": (c_int, [POINTER(ActivityFigures), c_size_t, POINTER(ValueChainResult)]),
    # data mining: k-means segments and the churn model
    **_enum("scaling"),
    **_enum("k_selection"),
    **_init("kmeans_options", KMeansOptions),
    "crm_kmeans_fit": (c_int, [_out(crm_kmeans), _P_F64, c_size_t, c_size_t, POINTER(c_char_p),
                               POINTER(KMeansOptions), POINTER(c_int)]),
    "crm_kmeans_free": (None, [_KMEANS]),
    "crm_kmeans_info_get": (c_int, [_KMEANS, POINTER(KMeansInfo)]),
    "crm_kmeans_feature_name": (c_int, [_KMEANS, c_size_t, c_char_p, c_size_t, _P_SIZE]),
    "crm_kmeans_centers": (c_int, [_KMEANS, _P_F64, c_size_t]),
    "crm_kmeans_scores": (c_int, [_KMEANS, POINTER(c_int), _P_F64, _P_F64, c_size_t, _P_SIZE]),
    "crm_kmeans_profiles": (c_int, [_KMEANS, _P_SIZE, _P_F64, _P_F64, c_size_t]),
    "crm_kmeans_assign": (c_int, [_KMEANS, _P_F64, c_size_t, c_size_t, POINTER(c_char_p),
                                  POINTER(c_int)]),
    "crm_kmeans_save": (c_int, [_KMEANS, c_char_p]),
    "crm_kmeans_load": (c_int, [_out(crm_kmeans), c_char_p]),
    "crm_kmeans_to_buffer": (c_int, [_KMEANS, c_void_p, c_size_t, _P_SIZE]),
    "crm_kmeans_from_buffer": (c_int, [_out(crm_kmeans), c_void_p, c_size_t]),
    **_init("churn_options", ChurnOptions),
    "crm_churn_fit": (c_int, [_out(crm_churn), _P_F64, c_size_t, c_size_t, POINTER(c_char_p),
                              _P_F64, POINTER(ChurnOptions), _P_F64]),
    "crm_churn_free": (None, [_CHURN]),
    "crm_churn_coefficients": (c_int, [_CHURN, POINTER(c_char_p), _P_F64, _P_F64, _P_F64, _P_F64,
                                       c_size_t, _P_SIZE]),
    "crm_churn_predict": (c_int, [_CHURN, _P_F64, c_size_t, c_size_t, POINTER(c_char_p), _P_F64]),
    "crm_churn_evaluate": (c_int, [_P_F64, _P_F64, c_size_t, c_double, POINTER(ChurnMetrics),
                                   _P_F64, _P_F64, c_size_t, _P_SIZE, _P_SIZE, _P_F64, _P_F64]),
    "crm_churn_sensitivity": (c_int, [_CHURN, _P_F64, c_size_t, c_size_t, POINTER(c_char_p),
                                      c_char_p, c_double, _P_F64, _P_F64, _P_F64, _P_F64, _P_F64]),
    "crm_churn_drivers": (c_int, [_CHURN, _P_F64, c_size_t, c_size_t, POINTER(c_char_p),
                                  POINTER(c_int), _P_F64, c_size_t, _P_SIZE]),
    "crm_churn_save": (c_int, [_CHURN, c_char_p]),
    "crm_churn_load": (c_int, [_out(crm_churn), c_char_p]),
    "crm_churn_to_buffer": (c_int, [_CHURN, c_void_p, c_size_t, _P_SIZE]),
    "crm_churn_from_buffer": (c_int, [_out(crm_churn), c_void_p, c_size_t]),
    # decision: group decisions and the team exercise
    "crm_kendall_w": (c_int, [POINTER(Rankings), POINTER(Concordance), _P_F64]),
    "crm_kendall_tau": (c_int, [_P_F64, _P_F64, c_size_t, _P_F64]),
    "crm_footrule": (c_int, [_P_F64, _P_F64, c_size_t, _P_F64]),
    "crm_borda": (c_int, [POINTER(Rankings), _P_F64, _P_SIZE, _P_F64, _P_F64]),
    "crm_aggregate_judgments": (c_int, [_P_F64, c_size_t, c_size_t, _P_F64, POINTER(AhpOptions),
                                        _P_F64, POINTER(AhpResult), _P_F64]),
    "crm_aggregate_priorities": (c_int, [_P_F64, c_size_t, c_size_t, _P_F64, POINTER(AhpOptions),
                                         _P_F64, POINTER(AhpResult), _P_F64]),
    "crm_team_exercise": (c_int, [POINTER(Rankings), _P_F64, _P_F64, POINTER(TeamExerciseResult),
                                  _P_F64]),
    # decision: weighted SWOT
    **_enum("swot_group"),
    **_enum("ie_strategy"),
    **_enum("swot_quadrant"),
    **_enum("tows_type"),
    **_init("swot_options", SwotOptions),
    "crm_swot": (c_int, [POINTER(SwotFactor), c_size_t, POINTER(SwotOptions), _P_F64,
                         POINTER(SwotResult)]),
    "crm_swot_ahp": (c_int, [POINTER(SwotFactor), c_size_t, _P_F64, _P_F64, POINTER(AhpOptions),
                             _P_F64, _P_F64, _P_F64]),
    "crm_swot_chart": (c_int, [POINTER(SwotFactor), c_size_t, c_char_p, c_char_p, c_size_t, _P_SIZE]),
    # decision: the decision record
    **_enum("decision_step"),
    **_enum("bias"),
    "crm_decision_record_new": (c_int, [_out(crm_decision_record)]),
    "crm_decision_record_free": (None, [POINTER(crm_decision_record)]),
    "crm_decision_record_set_statement": (c_int, [POINTER(crm_decision_record), c_char_p]),
    "crm_decision_record_set_criteria": (c_int, [POINTER(crm_decision_record), POINTER(c_char_p), _P_U8,
                                                 POINTER(c_char_p), POINTER(c_char_p), c_size_t]),
    "crm_decision_record_set_weights": (c_int, [POINTER(crm_decision_record), _P_F64, c_size_t, c_char_p]),
    "crm_decision_record_set_alternatives": (c_int, [POINTER(crm_decision_record), POINTER(c_char_p),
                                                     c_size_t]),
    "crm_decision_record_set_evaluations": (c_int, [POINTER(crm_decision_record), _P_F64, c_size_t]),
    "crm_decision_record_choose": (c_int, [POINTER(crm_decision_record), c_size_t, c_char_p]),
    "crm_decision_record_note_bias": (c_int, [POINTER(crm_decision_record), c_int, c_char_p]),
    "crm_decision_record_missing_steps": (c_int, [POINTER(crm_decision_record), _P_U8, c_size_t, _P_SIZE]),
    "crm_decision_record_choice": (c_int, [POINTER(crm_decision_record), POINTER(c_int), _P_SIZE]),
    "crm_decision_record_describe": (c_int, [POINTER(crm_decision_record), c_char_p, c_size_t, _P_SIZE]),
    "crm_decision_record_save": (c_int, [POINTER(crm_decision_record), c_char_p]),
    "crm_decision_record_load": (c_int, [_out(crm_decision_record), c_char_p]),
}


# ---- the complaint desk (capi/crmkit/complaint.h) ------------------------------------------
class crm_desk(_Opaque):
    pass


class crm_organisation(_Opaque):
    pass


class DeskOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("clock_mode", c_int), ("time_zone", c_char_p),
                ("day_start_minute", c_int), ("day_end_minute", c_int), ("working_days", c_uint),
                ("holidays", POINTER(c_char_p)), ("holiday_count", c_size_t),
                ("warning_fraction", c_double), ("reopen_window_seconds", c_int64),
                ("first_response_seconds", _P_I64), ("first_response_count", c_size_t),
                ("next_update_seconds", c_int64), ("resolution_seconds", _P_I64),
                ("resolution_count", c_size_t), ("escalation_changes", c_uint),
                ("max_handovers", c_int)]


class DeskEvent(ctypes.Structure):
    _fields_ = [("version", c_uint), ("time", c_int64), ("case_id", c_char_p), ("event", c_int),
                ("actor", c_char_p), ("channel", c_int), ("customer", c_char_p),
                ("category", c_char_p), ("priority", c_int), ("department", c_char_p),
                ("note", c_char_p), ("follows", c_char_p), ("changes", c_uint)]


class AuditEntry(ctypes.Structure):
    _fields_ = [("sequence", c_int64), ("time", c_int64), ("event", c_int), ("before", c_int),
                ("after", c_int), ("changes", c_uint)]


class SlaClock(ctypes.Structure):
    _fields_ = [("status", c_int), ("target_seconds", c_int64), ("start", c_int64),
                ("has_due", c_int), ("due", c_int64), ("has_stopped", c_int), ("stopped", c_int64),
                ("elapsed_seconds", c_int64)]


class CaseInfo(ctypes.Structure):
    _fields_ = [("version", c_uint), ("state", c_int), ("channel", c_int), ("priority", c_int),
                ("opened", c_int64), ("events", c_size_t), ("reopen_count", c_int),
                ("first_response", SlaClock), ("next_update", SlaClock), ("resolution", SlaClock)]


VERSIONS.update({DeskOptions: 2, DeskEvent: 2, CaseInfo: 1})
_DESK = POINTER(crm_desk)
_SIGNATURES.update({
    **_enum("case_state"), **_enum("case_event"), **_enum("channel"), **_enum("priority"),
    **_enum("clock_mode"), **_enum("sla_status"),
    "crm_case_transitions": (c_int, [POINTER(c_int), POINTER(c_int), POINTER(c_int), c_size_t,
                                     _P_SIZE]),
    **_init("desk_options", DeskOptions),
    "crm_desk_open": (c_int, [_out(crm_desk), c_char_p, POINTER(DeskOptions)]),
    "crm_desk_free": (None, [_DESK]),
    "crm_desk_submit": (c_int, [_DESK, POINTER(DeskEvent), c_size_t, c_int, _P_SIZE,
                                POINTER(c_int)]),
    "crm_desk_case_info": (c_int, [_DESK, c_char_p, c_int64, POINTER(CaseInfo)]),
    "crm_desk_list": (c_int, [_DESK, c_int, c_int, c_int64, c_char_p, c_size_t, _P_SIZE]),
    "crm_desk_erase_customer": (c_int, [_DESK, c_char_p, _P_SIZE]),
    "crm_desk_event_count": (c_int, [_DESK, _P_I64]),
    "crm_desk_ping_pong": (c_int, [_DESK, c_char_p, _P_SIZE]),
    "crm_desk_snapshot": (c_int, [_DESK, _P_I64]),
    "crm_desk_case_text": (c_int, [_DESK, c_char_p, c_int, c_char_p, c_size_t, _P_SIZE]),
    "crm_desk_audit": (c_int, [_DESK, c_char_p, POINTER(AuditEntry), c_size_t, _P_SIZE]),
    "crm_desk_audit_text": (c_int, [_DESK, c_char_p, c_size_t, c_int, c_char_p, c_size_t, _P_SIZE]),
    "crm_desk_escalation_reasons": (c_int, [_DESK, c_char_p, c_int64, c_char_p, c_size_t, _P_SIZE]),
    "crm_desk_set_organisation": (c_int, [_DESK, POINTER(crm_organisation)]),
    "crm_organisation_new": (c_int, [_out(crm_organisation)]),
    "crm_organisation_free": (None, [POINTER(crm_organisation)]),
    "crm_organisation_add_unit": (c_int, [POINTER(crm_organisation), c_char_p, c_int]),
    "crm_organisation_add_path": (c_int, [POINTER(crm_organisation), c_char_p, c_char_p, c_double]),
    "crm_organisation_route": (c_int, [POINTER(crm_organisation), c_char_p, c_int, c_char_p, c_size_t,
                                       _P_SIZE, _P_F64]),
})


# ---- complaint quality and analytics (capi/crmkit/complaint.h, second part) ----------------
class crm_complaint_report(_Opaque):
    pass


class Recovery(ctypes.Structure):
    _fields_ = [("version", c_uint), ("case_id", c_char_p), ("time", c_int64), ("actor", c_char_p),
                ("apology", c_int), ("remedy", c_char_p), ("compensation_minor", c_int64),
                ("currency", c_char_p), ("has_follow_up", c_int), ("follow_up", c_int64),
                ("preventive", c_int), ("timely", c_int), ("proactive", c_int), ("feelings", c_int)]


class ImportResult(ctypes.Structure):
    _fields_ = [("version", c_uint), ("rows", c_size_t), ("imported", c_size_t),
                ("already_present", c_size_t), ("flagged", c_size_t), ("rejected", c_size_t)]


class AnalyticsOptions(ctypes.Structure):
    _fields_ = [("version", c_uint), ("has_now", c_int), ("now", c_int64), ("pareto_share", c_double),
                ("complaint_share", c_double), ("word_of_mouth", c_double),
                ("value_customers", POINTER(c_char_p)), ("values", _P_F64), ("value_count", c_size_t)]


class TimeDistribution(ctypes.Structure):
    _fields_ = [("cases", c_size_t), ("median_hours", c_double), ("p90_hours", c_double)]


class ComplaintSummary(ctypes.Structure):
    _fields_ = [("version", c_uint), ("cases", c_size_t), ("events", c_int64), ("judged_at", c_int64),
                ("vital_few", c_size_t), ("first_response_calendar", TimeDistribution),
                ("first_response_business", TimeDistribution), ("resolution_calendar", TimeDistribution),
                ("resolution_business", TimeDistribution), ("reopened", c_size_t),
                ("ever_closed", c_size_t), ("closed_without_escalation", c_size_t), ("closed", c_size_t),
                ("satisfaction_answers", c_size_t), ("satisfaction_mean", c_double),
                ("recoveries", c_size_t), ("complainants", c_size_t), ("dissatisfied", c_double),
                ("silent", c_double), ("told", c_double), ("complainants_valued", c_size_t),
                ("mean_value", c_double), ("revenue_at_risk", c_double), ("timely", c_size_t),
                ("imported", c_size_t)]


VERSIONS.update({Recovery: 1, ImportResult: 1, AnalyticsOptions: 1, ComplaintSummary: 1})
_REPORT = POINTER(crm_complaint_report)
_SIGNATURES.update({
    **_enum("handling_step"), **_enum("taboo"), **_enum("report_table"),
    "crm_desk_record_recovery": (c_int, [_DESK, POINTER(Recovery)]),
    "crm_desk_submit_satisfaction": (c_int, [_DESK, c_char_p, c_int64, c_char_p, c_double, c_double,
                                             c_double, c_char_p]),
    "crm_desk_record_review": (c_int, [_DESK, c_char_p, c_int64, c_char_p, POINTER(c_int), c_size_t,
                                       POINTER(c_int), c_size_t, c_char_p, _P_F64]),
    "crm_desk_import_cfpb": (c_int, [_DESK, c_char_p, POINTER(ImportResult), c_char_p, c_size_t,
                                     _P_SIZE]),
    **_init("analytics_options", AnalyticsOptions),
    "crm_complaint_report_new": (c_int, [_out(crm_complaint_report), _DESK, POINTER(AnalyticsOptions)]),
    "crm_complaint_report_free": (None, [_REPORT]),
    "crm_complaint_report_summary": (c_int, [_REPORT, POINTER(ComplaintSummary)]),
    "crm_complaint_report_table": (c_int, [_REPORT, c_int, c_char_p, c_size_t, _P_SIZE]),
})


# ---- CLV fits over partitions (capi/value/partition.cpp) ----------------------------------
class crm_clv_partition(_Opaque):
    pass


class ClvPartitionStats(ctypes.Structure):
    _fields_ = [("version", c_uint), ("kind", c_int), ("customers", c_double),
                ("repeat_customers", c_double), ("frequency_sum", c_double),
                ("age_sum", c_double), ("spend_sum", c_double), ("unique_rows", c_size_t)]


# crm_clv_log_likelihood_fn: (user, params, n_params, out_log_likelihood, gradient) -> status
ClvLogLikelihoodFn = ctypes.CFUNCTYPE(c_int, c_void_p, _P_F64, c_size_t, _P_F64, _P_F64)
VERSIONS.update({ClvPartitionStats: 1})
_PARTITION = POINTER(crm_clv_partition)
_SIGNATURES.update({
    "crm_clv_partition_create": (c_int, [_out(crm_clv_partition), c_int, _P_F64, _P_F64, _P_F64,
                                         _P_F64, c_size_t]),
    "crm_clv_partition_create_spend": (c_int, [_out(crm_clv_partition), _P_F64, _P_F64, _P_F64,
                                               c_size_t]),
    "crm_clv_partition_free": (None, [_PARTITION]),
    "crm_clv_partition_stats_get": (c_int, [_PARTITION, POINTER(ClvPartitionStats)]),
    "crm_clv_partition_stats_add": (c_int, [POINTER(ClvPartitionStats),
                                            POINTER(ClvPartitionStats)]),
    "crm_clv_partition_log_likelihood": (c_int, [_PARTITION, _P_F64, c_size_t, _P_F64, _P_F64]),
    "crm_clv_fit_partitioned": (c_int, [_out(crm_clv_model), POINTER(ClvPartitionStats),
                                        ClvLogLikelihoodFn, c_void_p, POINTER(ClvFitOptions)]),
})


class _Functions:
    pass


lib = _Functions()
for _name, (_restype, _argtypes) in _SIGNATURES.items():
    _f = getattr(_dll, _name)
    _f.restype = _restype
    _f.argtypes = _argtypes
    if _restype is c_int and _name != "crm_version_number":
        _f.errcheck = _check
    setattr(lib, _name[len("crm_"):], _f)


def defaults(struct, init_name):
    """The library's defaults for `struct` from its crm_<init_name>_init (never retyped)."""
    out = struct()
    getattr(lib, init_name + "_init")(byref(out), VERSIONS[struct])
    return out


def enum_names(name):
    """The names of C enum `name` in value order, from crm_<name>_name."""
    get = getattr(lib, name + "_name")
    names = []
    while get(len(names)) is not None:
        names.append(get(len(names)).decode())
    return tuple(names)


def enum_code(name, text):
    """The value of C enum `name` called `text` (InvalidArgument listing the names)."""
    out = c_int()
    getattr(lib, name + "_parse")(str(text).encode(), byref(out))
    return out.value


class Handle:
    """Owner of one C handle, freed exactly once: by close(), at the end of a with-block, or
    when garbage-collected. Subclasses name their free function in _FREE and may override
    _closed_message for the error raised when the handle is used after close()."""

    _FREE = None
    _handle = None  # class default: __del__ is safe even if __init__ failed

    def _closed_message(self):
        return "%s is closed" % type(self).__name__

    def _live(self):
        if not self._handle:
            raise ValueError(self._closed_message())
        return self._handle

    def close(self):
        if self._handle:
            getattr(lib, self._FREE)(self._handle)
        self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


def library_version():
    """Version string of the loaded libcrmkit."""
    return lib.version_string().decode()


if library_version() != __version__:
    raise ImportError("crmkit: package %s cannot use libcrmkit %s at %s (versions differ; the "
                      "ABI may change between 0.x versions)" % (__version__, library_version(),
                                                              library_path))


def parse_time(text, format="iso"):
    """Day number (days since 1970-01-01, time of day as a fraction) of a time text."""
    out = c_double()
    lib.parse_time(text_arg(text, "text"), text_arg(format, "format") if format else None,
                   byref(out))
    return out.value


def text_arg(value, name):
    """A str (or path) as NUL-free UTF-8 bytes for a C string: C would silently cut the text
    at an embedded NUL (and open another file)."""
    data = os.fsencode(value) if isinstance(value, os.PathLike) else str(value).encode()
    if b"\0" in data:
        raise ValueError("%s contains a NUL character: %r" % (name, value))
    return data
