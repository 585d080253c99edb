"""capi/crmkit.h as pycparser sees it: preprocessed with minimal stand-ins for the two
system headers it includes (the real ones use compiler extensions pycparser does not parse).
Shared by tests/python/test_abi.py and tests/exports/generate.py."""
import os
import subprocess
import tempfile

from pycparser import c_parser

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CAPI, INCLUDE = os.path.join(ROOT, "capi"), os.path.join(ROOT, "include")

FAKE_STDDEF = "typedef unsigned long size_t;\n#define NULL ((void *)0)\n"
FAKE_STDINT = ("typedef long int64_t; typedef unsigned char uint8_t;\n"
               "typedef unsigned short uint16_t; typedef unsigned int uint32_t;\n"
               "typedef unsigned long uint64_t;\n")


def parse(cc=None):
    """(AST, preprocessed text) of capi/crmkit.h."""
    cc = cc or os.environ.get("CC", "cc")
    with tempfile.TemporaryDirectory() as fake:
        for name, text in (("stddef.h", FAKE_STDDEF), ("stdint.h", FAKE_STDINT)):
            with open(os.path.join(fake, name), "w") as f:
                f.write(text)
        source = subprocess.run([cc, "-E", "-P", "-nostdinc", "-I", fake, "-I", CAPI, "-I", INCLUDE,
                                 os.path.join(CAPI, "crmkit.h")],
                                check=True, capture_output=True, text=True).stdout
    return c_parser.CParser().parse(source), source
