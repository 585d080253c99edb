"""Group decisions: Kendall's W, Borda, tau and footrule distances, group AHP (AIJ, AIP) and
the course's team exercise (crmkit::decision, group.hpp; capi/decision/group.cpp).

Rankings are items x members (one row per item, one column per member); each column ranks
the items 1..n, tied items sharing the mean of their places (2.5)."""
from ctypes import byref, c_char_p, c_double, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import f64, matrix, ptr
from .._lib import (AhpResult, Concordance, Rankings, TeamExerciseResult, lib, new,
                    text_arg)


def _rankings(ranks, items, members):
    """The C view of an items x members array; the array and names are kept alive in it."""
    r = matrix(ranks, "rankings")
    n, m = r.shape

    def names(values, count, what):
        if values is None:
            return None
        values = list(values)
        if len(values) != count:
            raise ValueError("%d %s names for %d %ss" % (len(values), what, count, what))
        return (c_char_p * count)(*[text_arg(x, what + " names") for x in values])

    c = new(Rankings, ranks=ptr(r, c_double), items=n, members=m,
            item_names=names(items, n, "item"), member_names=names(members, m, "member"))
    c._keep = (r, c.item_names, c.member_names)
    return c


def _concordance(c, rank_sums=None):
    return SimpleNamespace(w=c.w, chi_square=c.chi_square, df=c.df, p_value=c.p_value, s=c.s,
                           ties_correction=c.ties_correction, rank_sums=rank_sums)


def kendall_w(rankings, items=None, members=None):
    """Kendall's W with the ties correction of an items x members array of ranks: .w,
    .chi_square (m (n - 1) W), .df, .p_value (upper chi-square tail), .s, .ties_correction,
    .rank_sums (per item)."""
    r = _rankings(rankings, items, members)
    out, sums = new(Concordance), np.empty(r.items)
    lib.kendall_w(byref(r), byref(out), ptr(sums, c_double))
    return _concordance(out, sums)


def _pair(a, b, function):
    x, y = f64(a, "a"), f64(b, "b")
    if x.shape != y.shape:
        raise ValueError("rankings of %d and %d items" % (x.shape[0], y.shape[0]))
    out = c_double()
    function(ptr(x, c_double), ptr(y, c_double), x.shape[0], byref(out))
    return out.value


def kendall_tau(a, b):
    """Kendall's tau-b of two rankings (1 same order, -1 reversed; NaN if one ties all)."""
    return _pair(a, b, lib.kendall_tau)


def footrule(a, b):
    """Spearman's footrule sum |a_i - b_i| (the exercise's error score against an expert)."""
    return _pair(a, b, lib.footrule)


def borda(rankings, items=None, members=None):
    """Borda consensus: .points and .ranks per item (1 = first, ties share), and each
    member's .member_tau and .member_footrule from the consensus."""
    r = _rankings(rankings, items, members)
    points, ranks = np.empty(r.items), np.empty(r.items, dtype=np.uintp)
    tau, foot = np.empty(r.members), np.empty(r.members)
    lib.borda(byref(r), ptr(points, c_double), ptr(ranks, c_size_t), ptr(tau, c_double),
              ptr(foot, c_double))
    return SimpleNamespace(points=points, ranks=ranks.astype(np.int64), member_tau=tau,
                           member_footrule=foot)


def _aggregate(function, matrices, member_weights):
    a = np.ascontiguousarray(np.asarray(matrices, dtype=np.float64))
    if a.ndim != 3 or a.shape[1] != a.shape[2]:
        raise ValueError("matrices must be members x n x n, got shape %s" % (a.shape,))
    members, n = a.shape[0], a.shape[1]
    w = None if member_weights is None else f64(member_weights, "member_weights")
    if w is not None and w.shape[0] != members:
        raise ValueError("%d member weights for %d members" % (w.shape[0], members))
    priorities, completed, member_cr = np.empty(n), np.empty((n, n)), np.empty(members)
    group = new(AhpResult, matrix=ptr(completed, c_double))
    function(ptr(a, c_double), members, n, None if w is None else ptr(w, c_double), None,
             ptr(priorities, c_double), byref(group), ptr(member_cr, c_double))
    return SimpleNamespace(priorities=priorities, matrix=completed, lambda_max=group.lambda_max,
                           ci=group.ci, cr=group.cr, member_cr=member_cr)


def aggregate_judgments(matrices, member_weights=None):
    """AIJ: the AHP of the cell-wise weighted geometric mean of members x n x n judgments
    (NaN = blank). Returns .priorities, .matrix (the group's completed matrix), .lambda_max,
    .ci, .cr and .member_cr (each member's consistency ratio)."""
    return _aggregate(lib.aggregate_judgments, matrices, member_weights)


def aggregate_priorities(matrices, member_weights=None):
    """AIP: the weighted mean of the members' AHP priorities (other figures as AIJ's)."""
    return _aggregate(lib.aggregate_priorities, matrices, member_weights)


def team_exercise(rankings, team, expert, items=None, members=None):
    """The team exercise: each member's error score (footrule from `expert`), the team's,
    synergy (.beats_average, .beats_best, .synergy_gain = mean member error - team error) and
    the sign of groupthink (.dominant_member, .team_to_dominant, .consensus_to_dominant,
    .team_to_consensus, .groupthink_sign); .concordance is Kendall's W of the members."""
    r = _rankings(rankings, items, members)
    t, e = f64(team, "team", r.items), f64(expert, "expert", r.items)
    out, errors = new(TeamExerciseResult), np.empty(r.members)
    lib.team_exercise(byref(r), ptr(t, c_double), ptr(e, c_double), byref(out),
                      ptr(errors, c_double))
    fields = ("team_error", "mean_member_error", "best_member_error", "best_member",
              "synergy_gain", "dominant_member", "team_to_dominant", "consensus_to_dominant",
              "team_to_consensus")
    result = SimpleNamespace(member_errors=errors, **{f: getattr(out, f) for f in fields})
    result.beats_average = bool(out.beats_average)
    result.beats_best = bool(out.beats_best)
    result.groupthink_sign = bool(out.groupthink_sign)
    result.concordance = _concordance(out.concordance)
    return result
