#!/usr/bin/env python3
"""Seeds for fuzz/corpus/snapshot/ and fuzz/corpus/desk/ from real saved states.

snapshot/: each seed is one selector byte (snapshot_fuzzer.cpp: bits 2.. pick the type,
bit 0 clear = the rest is a whole file) followed by a saved file: the golden k-means, churn
and decision-record files (text and binary), and the snapshot blob of a desk built from
data/complaint/events.csv. desk/: that desk's database file, and the same cut in half.
With a second argument DIR, the raw snapshot blob is also written to DIR/snapshot.txt (how
data/golden/complaint/v1/ was made, by the library of format version 1). Needs libcrmkit.so
(CRMKIT_LIBRARY) for the desk. Run from the repository root:
  CRMKIT_LIBRARY=build/release/libcrmkit.so PYTHONPATH=bindings/python python3 fuzz/make_snapshot_corpus.py
"""
import csv
import pathlib
import sqlite3
import sys
import tempfile

import crmkit.complaint

ROOT = pathlib.Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "fuzz/corpus/snapshot"
DESK = ROOT / "fuzz/corpus/desk"
TYPES = {"desk": 0, "kmeans": 1, "churn": 2, "scaler": 3, "record": 4}


def seed(name, kind, payload):
    (SNAPSHOT / name).write_bytes(bytes([TYPES[kind] << 2]) + payload)


def main():
    SNAPSHOT.mkdir(parents=True, exist_ok=True)
    DESK.mkdir(parents=True, exist_ok=True)
    for kind in ("kmeans", "churn"):
        for ext in ("txt", "bin"):
            seed(f"{kind}.{ext}", kind, (ROOT / f"data/golden/mining/v1/{kind}.{ext}").read_bytes())
    for ext in ("txt", "bin"):
        seed(f"record.{ext}", "record", (ROOT / f"data/golden/decision/v1/record.{ext}").read_bytes())
    with open(ROOT / "data/complaint/events.csv", newline="") as f:
        events = [{k: v for k, v in row.items() if v} for row in csv.DictReader(f)]
    with tempfile.TemporaryDirectory() as tmp:
        with crmkit.complaint.Desk(tmp) as desk:
            desk.submit(events)
            desk.snapshot()
        db = pathlib.Path(tmp) / "desk.sqlite3"
        with sqlite3.connect(db) as con:
            (blob,) = con.execute("SELECT data FROM snapshot WHERE id = 1").fetchone()
        seed("desk_events.txt", "desk", blob)
        if len(sys.argv) > 1:
            pathlib.Path(sys.argv[1]).mkdir(parents=True, exist_ok=True)
            (pathlib.Path(sys.argv[1]) / "snapshot.txt").write_bytes(blob)
        data = db.read_bytes()
        (DESK / "events.sqlite3").write_bytes(data)
        (DESK / "events_truncated.sqlite3").write_bytes(data[: len(data) // 2])


if __name__ == "__main__":
    main()
