#!/usr/bin/python3
"""Makes the small synthetic SERVQUAL surveys the README examples of `crmkit alpha`, `ipa`,
`gaps` and `csi` run on (Python's own seeded random, so the files are the same on every
run and machine: `python3 data/quality/make_analysis_samples.py` rewrites them).

Every answer is on SERVQUAL's 1-7 scale, items 1..22 in five dimensions (tangibles 1-4,
reliability 5-9, responsiveness 10-13, assurance 14-17, empathy 18-22). A respondent's
answer to an item = their own level for the dimension + item noise, rounded and clipped.

  analysis_customers.csv  160 customers: expectations E1..E22, perceptions P1..P22,
                          stated importance I1..I22 and overall satisfaction `overall`;
                          about 2% of the answers are left blank
  analysis_managers.csv   12 managers answering the expectation items as they believe
                          customers would: M1..M22
  analysis_provider.csv   6 audits: the service standards S1..S22, the delivered service
                          D1..D22 and the promised service C1..C22, rated on the items
  csi_wave1.csv ..        three yearly waves of 120 customers' perceptions P1..P22, the
  csi_wave3.csv           later waves somewhat better
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DIMENSIONS = [range(1, 5), range(5, 10), range(10, 14), range(14, 18), range(18, 23)]
ITEMS = list(range(1, 23))

# Per dimension: customer expectation, management's belief, the standard, delivery, the
# promise, customer perception, stated importance. Reliability falls short on delivery,
# responsiveness on the standards, empathy on management's knowledge.
LEVELS = {
    "E": [5.6, 6.4, 6.0, 6.1, 5.9],
    "M": [5.5, 6.2, 5.9, 6.0, 4.9],
    "S": [5.6, 6.1, 5.0, 6.0, 5.0],
    "D": [5.7, 5.0, 4.8, 5.9, 4.9],
    "C": [5.8, 6.3, 5.6, 6.0, 5.5],
    "P": [5.7, 5.1, 4.9, 5.8, 4.6],
    "I": [4.2, 6.5, 5.8, 5.5, 4.6],
}


def answer(rng, level):
    return min(7, max(1, round(level + rng.gauss(0, 0.9))))


def respondent(rng, prefixes, shift=0.0, blank=0.0):
    """One row: for each prefix, a personal level per dimension, then item answers."""
    row = {}
    for prefix in prefixes:
        for d, items in enumerate(DIMENSIONS):
            own = LEVELS[prefix][d] + shift + rng.gauss(0, 0.6)
            for i in items:
                row["%s%d" % (prefix, i)] = "" if rng.random() < blank else answer(rng, own)
    return row


def write(name, rows, columns):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        out = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        out.writeheader()
        out.writerows(rows)


def columns(prefixes):
    return ["%s%d" % (p, i) for p in prefixes for i in ITEMS]


def main():
    rng = random.Random(20261203)
    customers = []
    for _ in range(160):
        row = respondent(rng, "EPI", blank=0.02)
        answered = [row["P%d" % i] for i in ITEMS if row["P%d" % i] != ""]
        row["overall"] = answer(rng, sum(answered) / len(answered))
        customers.append(row)
    write("analysis_customers.csv", customers, columns("EPI") + ["overall"])
    write("analysis_managers.csv", [respondent(rng, "M") for _ in range(12)], columns("M"))
    write("analysis_provider.csv", [respondent(rng, "SDC") for _ in range(6)], columns("SDC"))
    for wave, shift in enumerate([0.0, 0.25, 0.45], start=1):
        write("csi_wave%d.csv" % wave, [respondent(rng, "P", shift) for _ in range(120)],
              columns("P"))


if __name__ == "__main__":
    main()
