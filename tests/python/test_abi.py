"""The ctypes declarations of crmkit/_lib.py checked against the C headers, so that a struct
field, a type or a signature that drifts from capi/crmkit/*.h fails here instead of
corrupting memory: the headers are parsed with pycparser (Debian python3-pycparser) for the
signatures, field names and types, and a C program compiled from them prints sizeof and
offsetof of every struct for the layout."""
import ctypes
import os
import re
import subprocess
import sys
import tempfile

import pytest
from pycparser import c_ast

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "exports"))
import c_header  # noqa: E402

from crmkit import _lib  # noqa: E402

CAPI, INCLUDE = c_header.CAPI, c_header.INCLUDE
CC = os.environ.get("CC", "cc")

# C struct name -> the Python class that mirrors it.
STRUCTS = {
    "crm_summary_options": _lib.SummaryOptions, "crm_csv_options": _lib.CsvOptions,
    "crm_summary_columns": _lib.SummaryColumns, "crm_summary_info": _lib.SummaryInfo,
    "crm_clv_fit_options": _lib.ClvFitOptions, "crm_clv_fit_info": _lib.ClvFitInfo,
    "crm_clv_options": _lib.ClvOptions, "crm_rfm_options": _lib.RfmOptions,
    "crm_rfm_result": _lib.RfmResult, "crm_concentration_options": _lib.ConcentrationOptions,
    "crm_concentration_result": _lib.ConcentrationResult, "crm_tier_options": _lib.TierOptions,
    "crm_tier_table": _lib.TierTable, "crm_tier_migration_result": _lib.TierMigrationResult,
    "crm_status_options": _lib.StatusOptions, "crm_stage_options": _lib.StageOptions,
    "crm_loyalty_options": _lib.LoyaltyOptions, "crm_loyalty_info": _lib.LoyaltyInfo,
    "crm_value_at_risk_result": _lib.ValueAtRiskResult,
    "crm_retention_campaign": _lib.RetentionCampaign,
    "crm_campaign_payback_result": _lib.CampaignPaybackResult,
    "crm_ahp_options": _lib.AhpOptions, "crm_ahp_judgment": _lib.AhpJudgment,
    "crm_ahp_result": _lib.AhpResult, "crm_hierarchy_node": _lib.HierarchyNode,
    "crm_chart_options": _lib.ChartOptions,
    "crm_staffing_options": _lib.StaffingOptions, "crm_staffing_result": _lib.StaffingResult,
    "crm_plan_columns": _lib.PlanColumns, "crm_plan_totals": _lib.PlanTotals,
    "crm_contact_log": _lib.ContactLog, "crm_kpi_options": _lib.KpiOptions,
    "crm_kpi_figures": _lib.KpiFigures,
    "crm_estimate": _lib.Estimate, "crm_servqual_options": _lib.ServqualOptions,
    "crm_servqual_result": _lib.ServqualResult, "crm_category_options": _lib.CategoryOptions,
    "crm_category_result": _lib.CategoryResult,
    "crm_decision_matrix": _lib.DecisionMatrix, "crm_rank_options": _lib.RankOptions,
    "crm_rank_result": _lib.RankResult, "crm_sensitivity_options": _lib.SensitivityOptions,
    "crm_weight_sensitivity_result": _lib.WeightSensitivityResult,
    "crm_monte_carlo_options": _lib.MonteCarloOptions,
    "crm_reliability_options": _lib.ReliabilityOptions,
    "crm_reliability_result": _lib.ReliabilityResult, "crm_ipa_options": _lib.IpaOptions,
    "crm_ipa_result": _lib.IpaResult, "crm_gap_means": _lib.GapMeans,
    "crm_gap_result": _lib.GapResult, "crm_gap_surveys": _lib.GapSurveys,
    "crm_csi_options": _lib.CsiOptions,
    "crm_csi_result": _lib.CsiResult,
    "crm_pls_options": _lib.PlsOptions,
    "crm_pls_result": _lib.PlsResult,
    "crm_pls_estimate": _lib.PlsEstimate,
    "crm_process_summary": _lib.ProcessSummary,
    "crm_process_step_figures": _lib.ProcessStepFigures,
    "crm_process_change": _lib.ProcessChange, "crm_activity_figures": _lib.ActivityFigures,
    "crm_activity_margin": _lib.ActivityMargin, "crm_value_chain_result": _lib.ValueChainResult,
    "crm_kmeans_options": _lib.KMeansOptions, "crm_kmeans_info": _lib.KMeansInfo,
    "crm_churn_options": _lib.ChurnOptions, "crm_churn_metrics": _lib.ChurnMetrics,
    "crm_rankings": _lib.Rankings, "crm_concordance": _lib.Concordance,
    "crm_team_exercise_result": _lib.TeamExerciseResult,
    "crm_swot_factor": _lib.SwotFactor, "crm_swot_options": _lib.SwotOptions,
    "crm_tows_pair": _lib.TowsPair, "crm_swot_result": _lib.SwotResult,
    "crm_desk_options": _lib.DeskOptions, "crm_desk_event": _lib.DeskEvent,
    "crm_sla_clock": _lib.SlaClock, "crm_case_info": _lib.CaseInfo,
    "crm_audit_entry": _lib.AuditEntry,
    "crm_recovery": _lib.Recovery, "crm_import_result": _lib.ImportResult,
    "crm_analytics_options": _lib.AnalyticsOptions, "crm_time_distribution": _lib.TimeDistribution,
    "crm_complaint_summary": _lib.ComplaintSummary,
}
HANDLES = {"crm_summary": _lib.crm_summary, "crm_ledger": _lib.crm_ledger,
           "crm_clv_model": _lib.crm_clv_model, "crm_segment_rules": _lib.crm_segment_rules,
           "crm_instrument": _lib.crm_instrument, "crm_process_map": _lib.crm_process_map,
           "crm_kmeans": _lib.crm_kmeans, "crm_churn": _lib.crm_churn,
           "crm_decision_record": _lib.crm_decision_record, "crm_pls": _lib.crm_pls,
           "crm_desk": _lib.crm_desk, "crm_organisation": _lib.crm_organisation}
HANDLES.update({"crm_complaint_report": _lib.crm_complaint_report})
# CLV fits over partitions: the stats struct, the handle, and the callback typedef (its
# CFUNCTYPE prototype stands where the header names the typedef).
STRUCTS["crm_clv_partition_stats"] = _lib.ClvPartitionStats
HANDLES.update({"crm_clv_partition": _lib.crm_clv_partition,
                "crm_clv_log_likelihood_fn": _lib.ClvLogLikelihoodFn})
SCALARS = {"int": ctypes.c_int, "unsigned int": ctypes.c_uint, "double": ctypes.c_double,
           "size_t": ctypes.c_size_t, "int64_t": ctypes.c_int64, "uint8_t": ctypes.c_uint8,
           "uint16_t": ctypes.c_uint16, "uint32_t": ctypes.c_uint32, "uint64_t": ctypes.c_uint64,
           "char": ctypes.c_char}
@pytest.fixture(scope="module")
def header():
    """(AST, header text) of crmkit.h after the preprocessor (tests/exports/c_header.py)."""
    return c_header.parse(CC)


def _ctype(node):
    """The ctypes type the C type `node` must be declared as (None for void)."""
    if isinstance(node, c_ast.TypeDecl):
        t = node.type
        if isinstance(t, c_ast.IdentifierType):
            name = " ".join(t.names)
            if name == "void":
                return None
            if name in SCALARS:
                return SCALARS[name]
            if name in STRUCTS:
                return STRUCTS[name]
            if name in HANDLES:
                return HANDLES[name]
        if isinstance(t, c_ast.Struct) and t.name in STRUCTS:
            return STRUCTS[t.name]
        raise AssertionError("no ctypes mapping for C type %s" % t)
    if isinstance(node, c_ast.PtrDecl):
        inner = node.type
        if isinstance(inner, c_ast.TypeDecl) and isinstance(inner.type, c_ast.IdentifierType):
            name = " ".join(inner.type.names)
            if name == "char" and "const" in inner.quals:
                return ctypes.c_char_p
            if name == "char":
                return ctypes.c_char_p  # a caller buffer (create_string_buffer passes as one)
            if name == "void":
                return ctypes.c_void_p
        if isinstance(inner, c_ast.FuncDecl):
            return ctypes.CFUNCTYPE  # function pointers: compared by kind only
        return ctypes.POINTER(_ctype(inner))
    raise AssertionError("unexpected C declarator %s" % node)


def _functions(ast):
    for ext in ast.ext:
        if isinstance(ext, c_ast.Decl) and isinstance(ext.type, c_ast.FuncDecl) and \
                ext.name.startswith("crm_"):
            params = ext.type.args.params if ext.type.args else []
            args = [p for p in params if not (isinstance(p.type, c_ast.TypeDecl) and
                                              getattr(p.type.type, "names", None) == ["void"])]
            yield ext.name, _ctype(ext.type.type), [_ctype(p.type) for p in args]


def _structs(ast):
    for ext in ast.ext:
        if isinstance(ext, c_ast.Typedef) and isinstance(ext.type.type, c_ast.Struct) and \
                ext.type.type.decls is not None:
            yield ext.name, [(d.name, _ctype(d.type)) for d in ext.type.type.decls]


def test_every_function_is_declared_with_its_header_signature(header):
    ast, _ = header
    seen = set()
    for name, restype, argtypes in _functions(ast):
        seen.add(name)
        assert name in _lib._SIGNATURES, "%s is in the header but not in _lib._SIGNATURES" % name
        py_restype, py_argtypes = _lib._SIGNATURES[name]
        assert py_restype is restype, "%s returns %s in C, %s in Python" % (name, restype, py_restype)
        assert list(py_argtypes) == argtypes, "%s takes %s in C, %s in Python" % (name, argtypes, py_argtypes)
    assert seen == set(_lib._SIGNATURES), "declared in Python only: %s" % (set(_lib._SIGNATURES) - seen)


def check_struct_fields(c_fields, cls):
    """Mismatches between the header's fields and a ctypes class's (names, order, types)."""
    py_fields = [(n, t) for n, t in cls._fields_]
    problems = []
    if [n for n, _ in c_fields] != [n for n, _ in py_fields]:
        problems.append("%s fields: C %s, Python %s" % (cls.__name__, [n for n, _ in c_fields],
                                                         [n for n, _ in py_fields]))
    for (name, c_type), (_, py_type) in zip(c_fields, py_fields):
        if c_type is not py_type:
            problems.append("%s.%s: C %s, Python %s" % (cls.__name__, name, c_type, py_type))
    return problems


def test_every_struct_has_the_header_fields(header):
    ast, _ = header
    structs = dict(_structs(ast))
    assert set(structs) == set(STRUCTS), "structs in the header: %s" % sorted(structs)
    for c_name, cls in STRUCTS.items():
        assert check_struct_fields(structs[c_name], cls) == []


def layout_from_c(structs):
    """{struct: (sizeof, {field: offsetof})} printed by a C program built from crmkit.h."""
    lines = ["#include <stdio.h>", "#include <stddef.h>", '#include "crmkit.h"', "int main(void) {"]
    for c_name, fields in structs.items():
        lines.append('printf("%s %%zu\\n", sizeof(%s));' % (c_name, c_name))
        for field in fields:
            lines.append('printf("%s.%s %%zu\\n", offsetof(%s, %s));' % (c_name, field, c_name, field))
    lines.append("return 0; }")
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "layout.c"), os.path.join(tmp, "layout")
        with open(src, "w") as f:
            f.write("\n".join(lines))
        subprocess.run([CC, "-std=c99", "-I", CAPI, "-I", INCLUDE, src, "-o", exe], check=True)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    values = dict(line.rsplit(" ", 1) for line in out.splitlines())
    return {c_name: (int(values[c_name]), {f: int(values["%s.%s" % (c_name, f)]) for f in fields})
            for c_name, fields in structs.items()}


def check_layout(c_layout, cls):
    size, offsets = c_layout
    problems = [] if ctypes.sizeof(cls) == size else \
        ["sizeof %s: C %d, Python %d" % (cls.__name__, size, ctypes.sizeof(cls))]
    for name, offset in offsets.items():
        if getattr(cls, name).offset != offset:
            problems.append("%s.%s at %d in C, %d in Python" % (cls.__name__, name, offset,
                                                                 getattr(cls, name).offset))
    return problems


def test_every_struct_has_the_c_layout(header):
    ast, _ = header
    structs = {name: [f for f, _ in fields] for name, fields in _structs(ast)}
    layout = layout_from_c(structs)
    for c_name, cls in STRUCTS.items():
        assert check_layout(layout[c_name], cls) == []


def test_a_drifted_struct_fails_the_checks(header):
    """The checks above are not vacuous: a copy of SummaryOptions with two fields swapped
    (and one with a field's type changed) is caught by both the field and the layout check."""
    ast, _ = header
    c_fields = dict(_structs(ast))["crm_summary_options"]
    fields = list(_lib.SummaryOptions._fields_)
    fields[3], fields[4] = fields[4], fields[3]   # has_end <-> end
    swapped = type("SwappedSummaryOptions", (ctypes.Structure,), {"_fields_": fields})
    assert check_struct_fields(c_fields, swapped)
    c_layout = layout_from_c({"crm_summary_options": [n for n, _ in c_fields]})["crm_summary_options"]
    assert check_layout(c_layout, swapped)
    retyped = list(_lib.SummaryOptions._fields_)
    retyped[1] = ("unit", ctypes.c_int64)
    wrong = type("RetypedSummaryOptions", (ctypes.Structure,), {"_fields_": retyped})
    assert check_struct_fields(c_fields, wrong) and check_layout(c_layout, wrong)


def test_struct_versions_match_the_header_macros(header):
    _, source_text = header
    folder = os.path.join(CAPI, "crmkit")
    text = ""
    for name in sorted(os.listdir(folder)):  # every pillar's header
        with open(os.path.join(folder, name)) as f:
            text += f.read()
    for c_name, cls in STRUCTS.items():
        if cls._fields_[0][0] != "version":
            assert cls not in _lib.VERSIONS, c_name  # plain records carry no version
            continue
        macro = c_name.upper() + "_VERSION"
        m = re.search(r"#define %s (\d+)" % macro, text)
        assert m, "no %s in capi/crmkit/*.h" % macro
        assert _lib.VERSIONS[cls] == int(m.group(1)), c_name


def test_python_constants_match_the_header_macros():
    from crmkit.value import rfm, tiers
    with open(os.path.join(CAPI, "crmkit", "value.h")) as f:
        text = f.read()
    assert rfm.MAX_BINS == int(re.search(r"#define CRM_RFM_MAX_BINS (\d+)", text).group(1))
    assert len(tiers.TIERS) == int(re.search(r"#define CRM_TIER_COUNT (\d+)", text).group(1))


def test_handles_are_distinct_pointer_types():
    from crmkit import value
    with value.Ledger() as ledger:
        summary_free = _lib.lib.summary_free
        with pytest.raises(ctypes.ArgumentError):
            summary_free(ledger._handle)  # a ledger is not a summary
