"""The five-gap model per dimension (crmkit::quality::five_gaps, capi/quality/gaps.cpp).

    g = crmkit.quality.five_gaps(expectations=[6, 5], perceptions=[4.5, 5.2], management=...)
    g.gaps            # dimensions x 5 (gap1..gap5), NaN = not computable
    g.main_contributor, g.remedies[d]   # per dimension
    m = crmkit.quality.gap_means(instrument, expectations=E, perceptions=P)  # from answers
    g = crmkit.quality.five_gaps(dimensions=instrument.dimensions, **m)
"""
from ctypes import byref, c_char_p, c_double, c_int, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import f64, ptr
from .._lib import GapMeans, GapResult, GapSurveys, defaults, enum_code, enum_names, lib, new
from .instrument import answers, missing_options

GAPS = enum_names("gap")
SOURCES = enum_names("gap_source")


def gap_title(gap):
    """"knowledge", "standards", "delivery", "communication" or "customer"."""
    return lib.gap_title(enum_code("gap", gap)).decode()


def gap_remedies(gap):
    """The remedies the course material lists for `gap` ("gap1".."gap5"), in its order."""
    code = enum_code("gap", gap)
    n = c_size_t()
    lib.gap_remedy_count(code, byref(n))
    texts = []
    for i in range(n.value):
        text = c_char_p()
        lib.gap_remedy(code, i, byref(text))
        texts.append(text.value.decode())
    return texts


def _ranked(codes):
    return [GAPS[c] for c in codes if c >= 0]


def _remedies(ranked):
    """Remedies of the ranked gaps, in that order: the order the library defines."""
    return [(gap, text) for gap in ranked for text in gap_remedies(gap)]


def five_gaps(*, dimensions=None, **sources):
    """Gaps per dimension from per-dimension means of the sources measured (keyword
    arguments named as in SOURCES: expectations, management, specifications, delivered,
    communicated, perceptions; a NaN entry = not measured for that dimension). dimensions:
    optional names (default "0", "1", ...).

    Returns dimensions, gaps (dimensions x 5; NaN = not computable), main_contributor (gap
    name or None per dimension), ranked (gaps 1-4 that fall short, largest shortfall first)
    and remedies ((gap, text) pairs in that order) per dimension, and overall_* the same for
    the sources' means over the dimensions."""
    unknown = set(sources) - set(SOURCES)
    if unknown:
        raise ValueError("unknown sources %s (known: %s)" % (sorted(unknown), ", ".join(SOURCES)))
    arrays = {name: f64(v, name) for name, v in sources.items() if v is not None}
    if not arrays:
        raise ValueError("five_gaps needs at least one source")
    n = next(iter(arrays.values())).shape[0]
    for name, arr in arrays.items():
        if arr.shape[0] != n:
            raise ValueError("%s has %d values; %s has %d" % (name, arr.shape[0],
                                                               next(iter(arrays)), n))
    names = [str(d) for d in range(n)] if dimensions is None else [str(d) for d in dimensions]
    if len(names) != n:
        raise ValueError("%d dimension names for %d dimensions" % (len(names), n))
    gaps = np.empty((n, len(GAPS)))
    main = np.empty(n, np.intc)
    ranked = np.empty((n, len(GAPS) - 1), np.intc)
    overall_gaps = np.empty(len(GAPS))
    overall_ranked = np.empty(len(GAPS) - 1, np.intc)
    means = new(GapMeans, dimensions=n, **{name: ptr(a, c_double) for name, a in arrays.items()})
    out = new(GapResult, gaps=ptr(gaps, c_double), main_contributor=ptr(main, c_int),
              ranked=ptr(ranked, c_int), overall_gaps=ptr(overall_gaps, c_double),
              overall_ranked=ptr(overall_ranked, c_int))
    lib.five_gaps(byref(means), byref(out))
    per_ranked = [_ranked(r) for r in ranked]
    overall = _ranked(overall_ranked)
    return SimpleNamespace(
        dimensions=names, gaps=gaps,
        main_contributor=[GAPS[m] if m >= 0 else None for m in main],
        ranked=per_ranked, remedies=[_remedies(r) for r in per_ranked],
        overall_gaps=overall_gaps,
        overall_main_contributor=GAPS[out.overall_main_contributor]
        if out.overall_main_contributor >= 0 else None,
        overall_ranked=overall, overall_remedies=_remedies(overall))



def gap_means(instrument, *, missing=None, min_answered=None, **sources):
    """Dimension means of each source's answers to `instrument` (keyword arguments named as
    in SOURCES, each respondents x items, NaN = unanswered): scored as the instrument says
    (scale checked, reverse-coded items reversed, missing answers by `missing`, default the
    library's), a dimension's mean = the mean of its item means. Returns {source: array of
    one mean per dimension}, NaN for a source not given; pass it to five_gaps(**means)."""
    unknown = set(sources) - set(SOURCES)
    if unknown:
        raise ValueError("unknown sources %s (known: %s)" % (sorted(unknown), ", ".join(SOURCES)))
    mats = {name: answers(v, instrument, name) for name, v in sources.items() if v is not None}
    surveys = missing_options(defaults(GapSurveys, "gap_surveys"), missing, min_answered)
    for name, m in mats.items():
        setattr(surveys, name, ptr(m, c_double))
        setattr(surveys, name + "_respondents", m.shape[0])
    out = np.empty((len(SOURCES), len(instrument.dimensions)))
    lib.gap_means_from_answers(instrument._live(), byref(surveys), ptr(out, c_double))
    return dict(zip(SOURCES, out))
