"""The C API reference builds cleanly and documents every C function.

Runs Doxygen with the project's configuration (plus XML output) and fails when
- a function declared in crmkit.h (pycparser, c_header.py) is missing from the reference or
  has no description there;
- Doxygen warns about anything but an undocumented field, macro or type (a malformed
  comment, an unknown command, a tag it cannot parse) or about an undocumented function.
First the same configuration runs on a small header with one undocumented function, which
must be caught, so the check cannot pass vacuously. Doxygen missing is a failure.

Usage: check_docs.py --doxygen DOXYGEN --doxyfile Doxyfile --out DIR [--cc CC]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import c_header


def run_doxygen(doxygen, doxyfile, out, overrides=""):
    """Doxygen with `doxyfile` and later settings appended (they win); returns (functions with
    their description text, warning lines)."""
    os.makedirs(out, exist_ok=True)
    with open(doxyfile, encoding="utf-8") as f:
        config = f.read()
    config += "\nOUTPUT_DIRECTORY = %s\nWARN_LOGFILE = %s/warnings.log\nGENERATE_XML = YES\n%s\n" % (
        out, out, overrides)
    subprocess.run([doxygen, "-"], input=config, text=True, check=True, cwd=out)
    with open(os.path.join(out, "warnings.log"), encoding="utf-8") as f:
        warnings = [line.rstrip() for line in f if "warning:" in line or "error:" in line]
    functions, unnamed = {}, {}
    for name in os.listdir(os.path.join(out, "xml")):
        if not name.endswith("_8h.xml"):
            continue
        root = ET.parse(os.path.join(out, "xml", name)).getroot()
        for member in root.iter("memberdef"):
            if member.get("kind") == "function":
                text = "".join(member.find("briefdescription").itertext()) + \
                    "".join(member.find("detaileddescription").itertext())
                functions[member.findtext("name")] = text.strip()
                unnamed[member.findtext("name")] = [
                    p.findtext("declname") for p in member.findall("param")
                    if p.findtext("declname") and p.findtext("declname") not in CONVENTIONAL and
                    not re.match(r"(const )?crm_\w+ \*$", "".join(p.find("type").itertext()).strip()) and
                    not re.search(r"\b%s\b" % re.escape(p.findtext("declname")), text)]
    return functions, warnings, unnamed


# Parameters the mainpage's rules describe for every function (options, the out-handle, the
# buffer triple) and the object a function works on (a crm_* pointer, e.g. the handle); the
# others are counted when a description does not name them.
CONVENTIONAL = {"opts", "out", "buf", "buf_len", "out_len"}


def failing(warnings):
    """The warnings that fail the check."""
    return [w for w in warnings if "is not documented" not in w or "(function)" in w]


def self_check(doxygen, doxyfile, tmp):
    folder = os.path.join(tmp, "probe")
    os.makedirs(folder)
    with open(os.path.join(folder, "probe.h"), "w") as f:
        f.write("/** @file\n * A header for the check. */\n"
                "/** Documented. */\nint crm_probe_documented(int x);\n"
                "int crm_probe_forgotten(int x);\n")
    functions, warnings, _ = run_doxygen(doxygen, doxyfile, os.path.join(tmp, "probe-out"),
                                      "INPUT = %s\nUSE_MDFILE_AS_MAINPAGE =" % folder)
    bad = failing(warnings)
    if functions.get("crm_probe_forgotten", "") or not any("crm_probe_forgotten" in w for w in bad) or \
            functions.get("crm_probe_documented") != "Documented.":
        sys.exit("FAIL: the check does not catch an undocumented function: %s %s" % (functions, warnings))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--doxygen", default="")
    ap.add_argument("--doxyfile", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cc")
    args = ap.parse_args()
    if not args.doxygen or not os.path.exists(args.doxygen):
        sys.exit("FAIL: doxygen not found: install Debian's doxygen (build.sh installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        self_check(args.doxygen, args.doxyfile, tmp)

    functions, warnings, unnamed = run_doxygen(args.doxygen, args.doxyfile, args.out)
    ast, _ = c_header.parse(args.cc)
    declared = {ext.name for ext in ast.ext
                if type(ext).__name__ == "Decl" and type(ext.type).__name__ == "FuncDecl" and
                ext.name.startswith("crm_")}
    problems = ["%s: not in the reference (undocumented)" % n for n in sorted(declared - set(functions))]
    problems += ["%s: empty description" % n for n in sorted(declared) if n in functions and not functions[n]]
    problems += [re.sub(r"^.*?/capi/", "capi/", w) for w in failing(warnings)]
    for p in problems:
        print("FAIL:", p)
    others = len(warnings) - len(failing(warnings))
    print("%d C functions documented of %d declared; %d fields, macros and types without a "
          "comment (not checked); reference: %s" % (sum(1 for n in declared if functions.get(n)),
                                                    len(declared), others,
                                                    os.path.join(args.out, "html", "index.html")))
    partial = sorted(n for n in declared if unnamed.get(n))
    print("%d functions name every parameter but the conventional ones (opts, out, buffers, the "
          "object worked on) in "
          "their description; the others leave some to their prose or the parameter's name: %s"
          % (len(declared) - len(partial), ", ".join(partial)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
