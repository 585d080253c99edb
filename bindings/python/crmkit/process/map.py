"""Process maps: expected visits, cycle time and cost including rework, the critical path,
value-added ratio, hand-offs, redesign candidates, roles, the comparison of a redesign and
the swim-lane drawing (crmkit::process, analysis.hpp and lanes.hpp; capi/process/)."""
import ctypes
import os
from ctypes import byref, c_size_t
from types import SimpleNamespace

import numpy as np

from .._convert import text
from .._lib import (BufferTooSmall, Handle, ProcessChange, ProcessStepFigures, ProcessSummary,
                    crm_process_map, enum_code, lib, new, text_arg)

_NONE = c_size_t(-1).value


class ProcessMap(Handle):
    """A validated, analysed process map: from a CSV file (path) or, with text=, from CSV
    text (the header step,department,duration,cost,value_adding,next and optionally
    role,necessary,rework,duplicate_of,note). Errors name the step and FILE:LINE."""

    _FREE = "process_map_free"

    def __init__(self, path=None, *, text=None, name=None):
        handle = ctypes.POINTER(crm_process_map)()
        if (path is None) == (text is None):
            raise ValueError("give a path or text=, not both")
        if path is not None:
            lib.process_map_read_csv(byref(handle), text_arg(path, "path"))
        else:
            data = text.encode() if isinstance(text, str) else bytes(text)
            lib.process_map_parse_csv(byref(handle), data, len(data),
                                      None if name is None else text_arg(name, "name"))
        self._handle = handle
        summary = new(ProcessSummary)
        lib.process_map_summary(handle, byref(summary))
        n = summary.steps
        self.expected_cycle_time = summary.expected_cycle_time
        self.expected_work_time = summary.expected_work_time
        self.expected_cost = summary.expected_cost
        self.value_added_time = summary.value_added_time
        self.value_added_ratio = summary.value_added_ratio
        self.handoffs = summary.handoffs
        self.rework_probability = summary.rework_probability
        self.critical_path_length = summary.critical_path_length
        figures = (ProcessStepFigures * n)()
        count = c_size_t()
        lib.process_map_steps(handle, figures, n, byref(count))
        path_steps = (c_size_t * max(1, summary.critical_path_count))()
        lib.process_map_critical_path(handle, path_steps, summary.critical_path_count, byref(count))
        self.steps = [self._text(i, "name") for i in range(n)]
        self.critical_path = [self.steps[i] for i in path_steps[:count.value]]
        self.expected_visits = np.array([f.expected_visits for f in figures])
        self.expected_time = np.array([f.expected_time for f in figures])
        self.step_cost = np.array([f.expected_cost for f in figures])
        self.candidates = {self.steps[i]: self._text(i, "reasons")
                           for i, f in enumerate(figures) if f.candidate}
        self.roles = {self.steps[i]: SimpleNamespace(
            suppliers=self._text(i, "suppliers").split("\n"), executor=self._text(i, "executor"),
            customers=self._text(i, "customers").split("\n")) for i in range(n)}
        self.departments = {self.steps[i]: self._text(i, "department") for i in range(n)}

    def _text(self, i, field):
        code = enum_code("process_text", field)
        return text(lambda h, k, buf, size, out: lib.process_map_step_text(h, k, code, buf, size, out),
                    self._live(), i)

    def chart(self, title=None):
        """The swim-lane drawing (SVG text, one lane per department)."""
        return text(lambda h, _, buf, size, out: lib.process_map_chart(
            h, None if title is None else text_arg(title, "title"), buf, size, out), self._live(), 0)

    def compare(self, after):
        """This map (before) against a redesign: a list of dicts (step, change, time, cost), one
        per changed, removed or added step; their time and cost add up to the differences
        in expected work time and cost (after - before)."""
        n = len(self.steps) + len(after.steps)
        changes = (ProcessChange * max(1, n))()
        count, text_len = c_size_t(), c_size_t()
        size = 4096
        while True:
            buf = ctypes.create_string_buffer(size)
            try:
                lib.process_compare(self._live(), after._live(), changes, n, byref(count), buf, size,
                                    byref(text_len))
                break
            except BufferTooSmall:
                size = text_len.value + 1
        what = buf.value.decode("utf-8", "replace").split("\n")
        out = []
        for k, c in enumerate(changes[:count.value]):
            step = self.steps[c.before_step] if c.before_step != _NONE else after.steps[c.after_step]
            out.append(dict(step=step, change=what[k], time=c.time, cost=c.cost))
        return out

    def write_chart(self, path, title=None):
        """Writes the swim-lane drawing to a file (SVG)."""
        with open(os.fspath(path), "w", encoding="utf-8") as f:
            f.write(self.chart(title))
