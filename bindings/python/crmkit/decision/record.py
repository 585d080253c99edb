"""The six-step decision record with its bias checklist (crmkit::decision, record.hpp;
capi/decision/record.cpp).

    r = crmkit.decision.DecisionRecord()
    r.set_statement("Which retention campaign?")
    r.set_criteria([("gain", "benefit", "points"), ("cost", "cost", "EUR")])
    r.set_weights([0.6, 0.4], method="ahp")
    r.set_alternatives(["A", "B"])
    r.set_evaluations([[3, 100], [4, 150]])
    r.choose("B", "best TOPSIS closeness")      # refused until steps 1-5 are complete
    r.note_bias("groupthink", "members ranked alone first")
    r.save("campaign.record")
"""
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_size_t, c_uint8

import numpy as np

from .._convert import c_strings, f64, ptr, text
from .._lib import Handle, crm_decision_record, enum_code, enum_names, lib, text_arg

DECISION_STEPS = enum_names("decision_step")
BIASES = enum_names("bias")


class DecisionRecord(Handle):
    """A decision record; every step may be redone (redoing steps 2-5 withdraws a choice)."""
    _FREE = "decision_record_free"

    def __init__(self):
        handle = POINTER(crm_decision_record)()
        lib.decision_record_new(byref(handle))
        self._handle = handle
        self._alternatives = []

    def set_statement(self, statement):
        """Step 1: the decision to be made, in one sentence."""
        lib.decision_record_set_statement(self._live(), text_arg(statement, "statement"))

    def set_criteria(self, criteria):
        """criteria: (name, direction[, unit[, parent]]) with direction "benefit" or "cost";
        a parent names an earlier criterion (a hierarchy)."""
        rows = [tuple(c) + (None,) * (4 - len(c)) for c in criteria]
        names, n = c_strings([r[0] for r in rows], "criterion names")
        directions = np.array([enum_code("criterion_direction", r[1]) for r in rows], dtype=np.uint8)
        units = (c_char_p * max(1, n))(*[None if r[2] is None else text_arg(r[2], "unit") for r in rows])
        parents = (c_char_p * max(1, n))(*[None if r[3] is None else text_arg(r[3], "parent") for r in rows])
        lib.decision_record_set_criteria(self._live(), names, ptr(directions, c_uint8), units, parents, n)

    def set_weights(self, weights, method=None):
        """Step 3: one weight per criterion (in set_criteria's order), and the method that gave them (e.g. "ahp")."""
        w = f64(weights, "weights")
        lib.decision_record_set_weights(self._live(), ptr(w, c_double), w.shape[0],
                                        None if method is None else text_arg(method, "method"))

    def set_alternatives(self, alternatives):
        """Step 4: the names of the alternatives considered."""
        names, n = c_strings(alternatives, "alternatives")
        lib.decision_record_set_alternatives(self._live(), names, n)
        self._alternatives = list(alternatives)

    def set_evaluations(self, values):
        """values: alternatives x criteria."""
        v = np.ascontiguousarray(np.asarray(values, dtype=np.float64).ravel())
        lib.decision_record_set_evaluations(self._live(), ptr(v, c_double), v.shape[0])

    def choose(self, alternative, rationale=None):
        """Step 6: an alternative's name or index; crmkit.InvalidState names the missing
        steps when 1-5 are not complete."""
        index = self._alternatives.index(alternative) if isinstance(alternative, str) else int(alternative)
        lib.decision_record_choose(self._live(), index,
                                   None if rationale is None else text_arg(rationale, "rationale"))

    def note_bias(self, bias, note=None):
        """Marks a bias of BIASES as considered, with a note."""
        lib.decision_record_note_bias(self._live(), enum_code("bias", bias),
                                      None if note is None else text_arg(note, "note"))

    def missing_steps(self):
        """The names of the steps not yet done, in order."""
        steps, count = np.empty(6, dtype=np.uint8), c_size_t()
        lib.decision_record_missing_steps(self._live(), ptr(steps, c_uint8), 6, byref(count))
        return [DECISION_STEPS[s] for s in steps[:count.value]]

    @property
    def choice(self):
        """The chosen alternative's index, or None."""
        chosen, index = c_int(), c_size_t()
        lib.decision_record_choice(self._live(), byref(chosen), byref(index))
        return index.value if chosen.value else None

    def describe(self):
        """The record as readable text: every step, the choice and the bias checklist."""
        record = self._live()
        return text(lambda _h, _i, buf, n, out: lib.decision_record_describe(record, buf, n, out), None, 0)

    def save(self, path):
        """Writes the record to a file (crmkit.IoError if it cannot be written)."""
        lib.decision_record_save(self._live(), text_arg(path, "path"))

    @classmethod
    def load(cls, path):
        """Reads a record saved by save() (crmkit.CorruptData if the file fails its checks)."""
        handle = POINTER(crm_decision_record)()
        lib.decision_record_load(byref(handle), text_arg(path, "path"))
        record = cls.__new__(cls)
        record._handle = handle
        record._alternatives = []
        return record
