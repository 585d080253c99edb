"""Erlang B and C (crmkit::contact::erlang_b / erlang_c, capi/contact/erlang.cpp)."""
from ctypes import byref, c_double

from .._convert import int_arg
from .._lib import enum_names, lib

QUEUE_MODELS = enum_names("queue_model")  # ("erlang-c", "erlang-a")


def erlang_b(agents, traffic):
    """Share of calls blocked with `agents` lines and `traffic` Erlangs (stable recurrence)."""
    out = c_double()
    lib.erlang_b(int_arg(agents, "agents", -2**63, 2**63 - 1), float(traffic), byref(out))
    return out.value


def erlang_c(agents, traffic):
    """Probability that a call waits (M/M/N); InvalidArgument unless agents > traffic."""
    out = c_double()
    lib.erlang_c(int_arg(agents, "agents", -2**63, 2**63 - 1), float(traffic), byref(out))
    return out.value
