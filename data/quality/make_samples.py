#!/usr/bin/env python3
"""Writes the small sample surveys of data/quality/ used by the README examples and the CLI
tests (seeded: running it again gives the same files byte for byte).

  servqual_sample.csv  40 respondents: id, E1..E22 (desired), P1..P22 (perceived),
                       A1..A22 (adequate), W_tangibles..W_empathy (100 points each);
                       a few answers left blank
  servqual_weights.csv the same respondents' weights alone (for --weights FILE)
  audit_sample.csv     3 managers: id, Q1..Q40 on the self-audit's 1-5 scale
  employee_survey.csv  12 employees of employee.instrument: id, Q<id> columns
  branch_survey.csv    25 customers of a caller's own instrument (branch.instrument):
                       E<id>, P<id> columns

Usage: python3 make_samples.py   (writes next to this script)
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SERVQUAL_SIZES = [("tangibles", 4), ("reliability", 5), ("responsiveness", 4),
                  ("assurance", 4), ("empathy", 5)]
AUDIT_SIZES = [7, 5, 4, 7, 4, 7, 6]


def clip(x, lo, hi):
    return max(lo, min(hi, int(round(x))))


def servqual(rng):
    # Perceptions fall short of the desired level most on reliability and responsiveness;
    # the adequate level sits about two points below the desired one.
    shortfall = {"tangibles": -0.4, "reliability": 1.8, "responsiveness": 1.1,
                 "assurance": 0.4, "empathy": 0.7}
    header = ["id"] + ["%s%d" % (p, i) for p in "EPA" for i in range(1, 23)] + \
        ["W_" + d for d, _ in SERVQUAL_SIZES]
    rows = []
    for r in range(40):
        e, p, a = [], [], []
        for d, size in SERVQUAL_SIZES:
            for _ in range(size):
                desired = clip(rng.gauss(5.9, 0.7), 1, 7)
                e.append(desired)
                a.append(clip(desired - rng.gauss(1.3, 0.6), 1, desired))
                p.append(clip(desired - shortfall[d] + rng.gauss(0, 0.9), 1, 7))
        # 100 points over the five dimensions, reliability weighted most on average.
        raw = [rng.uniform(0.5, 1.5) * base for base in (10, 32, 22, 19, 17)]
        weights = [int(round(100 * x / sum(raw))) for x in raw]
        weights[1] += 100 - sum(weights)
        cells = [str(r + 1)] + [str(x) for x in e + p + a] + [str(w) for w in weights]
        rows.append(cells)
    # A few blanks: one expectation, one perception, one adequate answer.
    rows[3][1 + 6] = ""
    rows[11][1 + 22 + 14] = ""
    rows[20][1 + 44 + 2] = ""
    return header, rows


def weights_only(header_rows):
    header, rows = header_rows
    keep = [i for i, name in enumerate(header) if name.startswith("W_")]
    return [header[i] for i in keep], [[row[i] for i in keep] for row in rows]


def audit(rng):
    header = ["id"] + ["Q%d" % i for i in range(1, 41)]
    level = [4.2, 3.6, 2.6, 3.9, 3.2, 3.0, 3.5]  # finding and solving problems is weakest
    rows = []
    for r in range(3):
        cells = [str(r + 1)]
        for c, size in enumerate(AUDIT_SIZES):
            cells += [str(clip(rng.gauss(level[c], 0.7), 1, 5)) for _ in range(size)]
        rows.append(cells)
    rows[2][1 + 20] = ""  # one manager skipped item 21
    return header, rows


def branch(rng):
    ids = ["S1", "S2", "S3", "W1", "W2", "F1", "F2"]
    header = ["id"] + ["E" + i for i in ids] + ["P" + i for i in ids]
    rows = []
    for r in range(25):
        e = [clip(rng.gauss(4.3, 0.6), 1, 5) for _ in ids]
        p = [clip(x - rng.gauss(0.5, 0.8), 1, 5) for x in e]
        # S3 ("kept me waiting") is worded negatively: raw answers run the other way.
        e[2], p[2] = 6 - e[2], 6 - p[2]
        rows.append([str(r + 1)] + [str(x) for x in e + p])
    return header, rows


def employee(rng):
    ids = ["J1", "J2", "P1", "C1", "C2", "O1", "O2", "I1"]
    level = [3.8, 3.5, 4.1, 3.2, 2.6, 3.0, 3.4, 4.0]  # O2 is worded negatively
    header = ["id"] + ["Q" + i for i in ids]
    rows = [[str(r + 1)] + [str(clip(rng.gauss(m, 0.8), 1, 5)) for m in level] for r in range(12)]
    return header, rows


def write(name, header_rows):
    header, rows = header_rows
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    rng = random.Random(20)
    sample = servqual(rng)
    write("servqual_sample.csv", sample)
    write("servqual_weights.csv", weights_only(sample))
    write("audit_sample.csv", audit(rng))
    write("branch_survey.csv", branch(rng))
    write("employee_survey.csv", employee(rng))
