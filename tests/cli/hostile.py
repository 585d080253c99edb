#!/usr/bin/env python3
"""Hostile inputs to the crmkit CLI under a 768 MiB address-space limit (`ulimit -v`): each
must end with exit code 1 and one line "crmkit: error: ..." naming the limit or the damage,
never a crash, an abort on a failed allocation, or a hang. Sizes claimed in headers (an
archive's payload length, a text length inside a model or a desk snapshot) are far beyond
the limit, so any attempt to allocate them would fail here.
Usage: hostile.py CRMKIT_BINARY DATA_DIR (with crmkit importable: PYTHONPATH, CRMKIT_LIBRARY)"""
import base64
import csv
import pathlib
import re
import resource
import sqlite3
import struct
import subprocess
import sys
import tempfile
import zlib

LIMIT = 768 << 20
cli, data = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
failures = []


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def expect_error(pattern, *args):
    r = subprocess.run([str(cli), *map(str, args)], capture_output=True, text=True,
                       preexec_fn=limited, timeout=120)
    err = r.stderr.strip()
    if r.returncode != 1 or len(err.splitlines()) != 1 or not err.startswith("crmkit: error:") \
            or not re.search(pattern, err):
        failures.append(f"{' '.join(map(str, args))}: exit {r.returncode}, stderr {err[:300]!r} "
                        f"(wanted exit 1 and /{pattern}/)")


def envelope_parts(envelope):
    """(header up to the payload length, payload) of an io/archive.hpp envelope."""
    tag_len = struct.unpack_from("<I", envelope, 16)[0]
    pos = 20 + tag_len
    payload_len = struct.unpack_from("<Q", envelope, pos)[0]
    return envelope[:pos], envelope[pos + 12:pos + 12 + payload_len]


def envelope(head, payload, claimed=None):
    """An envelope with a correct checksum (a forgery, not damage) around `payload`."""
    header = head + struct.pack("<Q", len(payload) if claimed is None else claimed)
    return header + struct.pack("<I", zlib.crc32(header + payload) & 0xFFFFFFFF) + payload


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    # A record longer than CsvOptions::max_record_bytes (16 MiB): one 20 MiB line.
    (tmp / "long.csv").write_bytes(b"customer_id,date,amount\n1,2020-01-01," + b"9" * (20 << 20) + b"\n")
    expect_error(r"long\.csv:2:1: record longer than the limit of 16777216 bytes", "summarize", tmp / "long.csv")
    # More fields than CsvOptions::max_fields (10,000) in the header.
    (tmp / "wide.csv").write_text(",".join(f"c{i}" for i in range(50000)) + "\n")
    expect_error(r"wide\.csv:1:[0-9]+: more than 10000 fields in one record", "summarize", tmp / "wide.csv")

    # A model file whose envelope claims a 10 GB payload.
    head, payload = envelope_parts((data / "golden/mining/v1/churn.bin").read_bytes())
    (tmp / "claims10g.crm").write_bytes(envelope(head, payload, claimed=10_000_000_000))
    expect_error(r"archive: .*payload", "churn", "score", data / "cdnow/cdnow_customers_summary.csv",
                 "--model-file", tmp / "claims10g.crm")
    # A decision record whose statement claims 10 GB of text (checksum recomputed).
    head, payload = envelope_parts((data / "golden/decision/v1/record.bin").read_bytes())
    statement = b"Which retention campaign do we launch this quarter?"
    at = payload.index(statement)
    forged = payload[:at - 8] + struct.pack("<Q", 10_000_000_000) + payload[at:]
    (tmp / "record.bin").write_bytes(envelope(head, forged))
    expect_error(r"exceeds", "decision", tmp / "record.bin")

    # A desk whose snapshot (format 2, written by the library through the Python binding)
    # claims a 10 GB case id; envelope and checksum intact.
    desk = tmp / "desk"
    import crmkit.complaint
    with open(data / "complaint/events.csv", newline="") as f:
        events = [{k: v for k, v in row.items() if v} for row in csv.DictReader(f)]
    with crmkit.complaint.Desk(str(desk)) as d:
        d.submit(events)
        d.snapshot()
    with sqlite3.connect(desk / "desk.sqlite3") as con:
        (blob,) = con.execute("SELECT data FROM snapshot WHERE id = 1").fetchone()
        head, text = envelope_parts(blob)
        # Text archive: a text field is its length, an empty line, then its bytes in base64.
        field = b" 6\n\n" + base64.b64encode(b"C-1001")
        if field not in text:
            failures.append("the snapshot does not hold C-1001 as expected")
        forged_text = text.replace(field, b" 10000000000\n\n" + base64.b64encode(b"C-1001"), 1)
        con.execute("UPDATE snapshot SET data = ? WHERE id = 1", (envelope(head, forged_text),))
    con.close()
    expect_error(r"desk\.sqlite3: the snapshot is damaged: .*10000000000 bytes exceeds the limit",
                 "complaints", "list", "--desk", desk)
    # The database file itself damaged: its header claims pages it does not have.
    raw = bytearray((desk / "desk.sqlite3").read_bytes())
    raw[28:32] = struct.pack(">I", 0x7FFFFFFF)  # in-header database size, in pages
    raw[100:4096] = b"\xff" * (4096 - 100)
    (desk / "desk.sqlite3").write_bytes(bytes(raw))
    expect_error(r"desk\.sqlite3", "complaints", "list", "--desk", desk)

for f in failures:
    print("FAIL:", f)
print(f"hostile inputs under ulimit -v {LIMIT >> 20} MiB: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
