#!/usr/bin/env python3
"""Forged model files for fuzz/corpus/archive/forged/: mutated payloads whose envelope
checksum is recomputed, so that the loader's field validation is reached (a checksum guards
against damage, not forgery; issue 19 item 9 found undefined behaviour there).

Seeds: the released v1 golden files (data/golden/clv/v1/) and the current-format files under
fuzz/corpus/archive/seeds/, text and binary. For each seed: deterministic single-byte
mutations at random payload offsets, plus, for binary seeds, 30 of the payload bytes that
hold 0 or 1 (the candidates for a flag) set to 0x02, a value no flag may hold. Deterministic (fixed seed): rerunning rewrites the same files.
Run from the repository root: python3 fuzz/make_archive_corpus.py
"""
import pathlib
import random
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz/corpus/archive/forged"
SEEDS = sorted((ROOT / "data/golden/clv/v1").glob("*.*")) + sorted(
    (ROOT / "fuzz/corpus/archive/seeds").glob("*.*"))
RANDOM_PER_SEED = 8


def split(envelope):
    """(header up to the payload length, payload) of an envelope (io/archive.hpp)."""
    tag_len = struct.unpack_from("<I", envelope, 16)[0]
    pos = 20 + tag_len
    payload_len = struct.unpack_from("<Q", envelope, pos)[0]
    header = envelope[:pos + 8]
    payload = envelope[pos + 12:pos + 12 + payload_len]
    return header, payload


def wrap(header, payload):
    crc = zlib.crc32(header + payload) & 0xFFFFFFFF
    return header + struct.pack("<I", crc) + payload


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    rng = random.Random(19)
    count = 0
    for seed in SEEDS:
        data = seed.read_bytes()
        header, payload = split(data)
        assert wrap(header, payload) == data, seed  # the layout is understood
        stem = ("v1-" if "golden" in str(seed) else "") + seed.name.replace(".", "-")
        mutations = [(rng.randrange(len(payload)), rng.randrange(256)) for _ in range(RANDOM_PER_SEED)]
        if seed.suffix == ".bin":
            candidates = [i for i in range(len(payload)) if payload[i] in (0, 1)]
            mutations += [(i, 2) for i in sorted(rng.sample(candidates, min(30, len(candidates))))]
        for offset, value in mutations:
            forged = bytearray(payload)
            forged[offset] = value
            (OUT / f"{stem}-{offset:04d}-{value:02x}").write_bytes(wrap(header, bytes(forged)))
            count += 1
    print(f"wrote {count} forged files to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
