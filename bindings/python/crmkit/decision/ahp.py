"""AHP: priorities and consistency of pairwise judgments, incomplete matrices, hierarchies
(crmkit::decision, ahp.hpp; capi/decision/ahp.cpp)."""
from ctypes import POINTER, byref, c_char_p, c_double, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import f64, matrix, ptr
from .._lib import (AhpJudgment, AhpOptions, AhpResult, HierarchyNode, defaults, enum_code,
                    enum_names, lib, new, text_arg)

PRIORITY_METHODS = enum_names("priority_method")
COMPLETIONS = enum_names("completion")
GOAL = -1  # the parent of top-level criteria in synthesize_hierarchy


def random_index_table_names():
    """Names of the bundled random-index tables ("saaty" is the default)."""
    names = []
    while lib.random_index_table_name(len(names)) is not None:
        names.append(lib.random_index_table_name(len(names)).decode())
    return tuple(names)


def random_index_table(name="saaty"):
    """The bundled table `name` as an array: values[n - 1] = RI(n)."""
    count = c_size_t()
    out = np.empty(64)
    lib.random_index_table(text_arg(name, "name"), ptr(out, c_double), out.shape[0], byref(count))
    return out[:count.value].copy()


def ahp(judgments, names=None, *, method=None, completion=None, random_index=None,
        allow_outside_scale=None, reciprocal_tolerance=None, judgments_to_report=None,
        tolerance=None, max_iterations=None):
    """AHP priorities of an n x n pairwise matrix (NaN = missing judgment; a pair given in
    one triangle only is completed by its reciprocal). method: "eigen" (default) or
    "geometric"; completion of missing judgments: "lambda-optimal" (default) or "harker";
    random_index: a bundled table's name or (name, values) with values[n - 1] = RI(n).
    Returns .priorities (dict by name when names are given, else an array), .lambda_max,
    .ci, .cr, .random_index, .random_index_table, .missing, .matrix (completed) and
    .inconsistent (the worst judgments as dicts: row, column, value, error,
    consistent_value, scale_value, cr_if_changed)."""
    a = matrix(judgments, "judgments")
    n = a.shape[0]
    if a.shape[1] != n:
        raise ValueError("judgments must be a square matrix, got shape %s" % (a.shape,))
    opts = defaults(AhpOptions, "ahp_options")
    if method is not None:
        opts.method = enum_code("priority_method", method)
    if completion is not None:
        opts.completion = enum_code("completion", completion)
    table_name = opts.random_index_table.decode()
    own = None
    if random_index is not None:
        if isinstance(random_index, str):
            table_name = random_index
            opts.random_index_table = text_arg(random_index, "random_index")
        else:
            table_name, values = random_index
            own = f64(values, "random_index values")
            opts.random_index_table = text_arg(table_name, "random_index name")
            opts.random_index_values = ptr(own, c_double)
            opts.random_index_count = own.shape[0]
    for field, value in (("allow_outside_scale", allow_outside_scale),
                         ("reciprocal_tolerance", reciprocal_tolerance),
                         ("judgments_to_report", judgments_to_report),
                         ("tolerance", tolerance), ("max_iterations", max_iterations)):
        if value is not None:
            setattr(opts, field, value)
    element_names = None
    if names is not None:
        names = list(names)
        if len(names) != n:
            raise ValueError("%d names for a %d x %d matrix" % (len(names), n, n))
        element_names = (c_char_p * n)(*[text_arg(x, "names") for x in names])
    priorities, completed = np.empty(n), np.empty((n, n))
    worst = (AhpJudgment * max(1, opts.judgments_to_report))()
    result = new(AhpResult, matrix=ptr(completed, c_double), inconsistent=worst,
                 inconsistent_capacity=opts.judgments_to_report)
    lib.ahp(ptr(a, c_double), n, element_names, byref(opts), ptr(priorities, c_double),
            byref(result))
    inconsistent = [dict(row=j.row, column=j.column, value=j.value, error=j.error,
                         consistent_value=j.consistent_value, scale_value=j.scale_value,
                         cr_if_changed=j.cr_if_changed)
                    for j in worst[:result.inconsistent_count]]
    return SimpleNamespace(
        priorities=dict(zip(names, priorities.tolist())) if names is not None else priorities,
        lambda_max=result.lambda_max, ci=result.ci, cr=result.cr,
        random_index=result.random_index, random_index_table=table_name,
        missing=result.missing, completion_iterations=result.completion_iterations,
        matrix=completed, inconsistent=inconsistent)


def synthesize_hierarchy(nodes, leaf_priorities=None):
    """Global weights of a hierarchy's nodes and the alternatives' overall scores. nodes:
    (name, parent, local_weight) with parent an earlier node's index or GOAL;
    leaf_priorities: None or leaves x alternatives (leaves in node order, rows summing to 1).
    Returns .global_weights (array per node) and .scores (array per alternative, or None)."""
    nodes = list(nodes)
    k = len(nodes)
    c_nodes = (HierarchyNode * max(1, k))()
    for i, (name, parent, weight) in enumerate(nodes):
        c_nodes[i].name = text_arg(name, "node name")
        c_nodes[i].parent = c_size_t(-1).value if parent == GOAL else int(parent)
        c_nodes[i].local_weight = float(weight)
    global_weights = np.empty(k)
    leaf = None if leaf_priorities is None else matrix(leaf_priorities, "leaf_priorities")
    alternatives = 0 if leaf is None else leaf.shape[1]
    scores = np.empty(alternatives)
    lib.synthesize_hierarchy(c_nodes, k, None if leaf is None else ptr(leaf, c_double),
                             alternatives, ptr(global_weights, c_double),
                             ptr(scores, c_double) if alternatives else None)
    return SimpleNamespace(global_weights=global_weights,
                           scores=scores if alternatives else None)
