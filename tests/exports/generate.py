"""Writes a C program that calls EVERY function the built libcrmkit.so exports with hostile
arguments and checks that each answers with a status instead of crashing.

The functions come from the library's dynamic symbol table (`nm -D --defined-only`), their
signatures from capi/crmkit.h (pycparser), so a function added later is called without an
edit here; an export without a declaration, or a declaration without an export, fails the
program. Each function is called in six argument sets:

  null      every pointer NULL, sizes and integers 0, doubles NaN
  null-huge every pointer NULL, sizes and integers at their maximum, doubles NaN
  empty     out-handles point to a local, other pointers to zeroed memory (an empty string,
            an option struct of version 0), handles NULL, sizes 0, doubles NaN
  live      as `empty` with a live object for every handle (tests/exports/factories.c)
  live-one  as `live` with sizes and integers 1
  live-huge live objects, data pointers NULL, sizes and integers at their maximum

and checked: a status-returning function returns CRM_OK or a CRM_E* code, and a failure has
a message in crm_last_error(); with every pointer NULL, or with NULL data of a huge size
next to live objects, it fails; on failure every out-handle is NULL;
a handle it makes is freed (so ASan also checks for leaks). A crash is reported with the
function and argument set by a signal handler (or by ASan's report under the asan preset).

Usage: generate.py --library libcrmkit.so --out exports_test.c [--cc CC]
"""
import argparse
import subprocess
import sys

from pycparser import c_ast, c_generator

import c_header

# int-returning functions whose result is a value, not a status.
NOT_STATUS = {"crm_version_number": "the library's version number"}

# Functions that succeed with every pointer NULL and every size 0, and why that is their
# contract (with huge sizes they must still fail).
NULL_IS_FINE = {"crm_staffing_plan": "zero intervals with default options and both outputs "
                                     "optional is an empty plan"}

# Functions that succeed with live objects, every data pointer NULL and huge sizes, and why.
HUGE_WITH_NULL_IS_FINE = {
    "crm_kmeans_profiles": "every output is optional; capacity only bounds what is written",
    "crm_segment_rules_standard": "names NULL means all standard rules; n_names is then unused"}

INT_LIMITS = {"int": ("0", "1", "INT_MAX"), "unsigned int": ("0", "1", "UINT_MAX"),
              "size_t": ("0", "1", "SIZE_MAX"), "int64_t": ("0", "1", "INT64_MAX")}
CASES = ("null", "null-huge", "empty", "live", "live-one", "live-huge")
CALLBACK_TYPES = set()  # typedef names of function pointers, filled by functions()
SCRATCH_BYTES = 8192  # per pointer argument: room for the outputs of the small live objects


def exports(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True, capture_output=True,
                         text=True).stdout
    return sorted({f[2] for f in (line.split() for line in out.splitlines())
                   if len(f) == 3 and f[1] == "T" and f[2].startswith("crm_")})


class Param:
    """One parameter: its C type text and what kind of argument it takes."""

    def __init__(self, node, handles, gen):
        self.ctype = gen._generate_type(node.type, emit_declname=False)
        t = node.type
        self.kind, self.handle = "data", None
        if isinstance(t, c_ast.TypeDecl) and " ".join(t.type.names) in CALLBACK_TYPES:
            self.kind = "callback"  # a typedef'd function pointer: passed as NULL
        elif isinstance(t, c_ast.TypeDecl):
            name = " ".join(t.type.names)
            self.kind = "double" if name == "double" else "int"
            self.limits = INT_LIMITS.get(name)
            if self.kind == "int" and self.limits is None:
                raise SystemExit("generate.py: no test values for parameter type %r" % name)
        elif isinstance(t.type, c_ast.FuncDecl):
            self.kind = "callback"
        elif isinstance(t.type, c_ast.PtrDecl) and self._handle_of(t.type.type) in handles:
            self.kind, self.handle = "out", self._handle_of(t.type.type)
        elif self._handle_of(t.type) in handles:
            self.kind, self.handle = "handle", self._handle_of(t.type)

    @staticmethod
    def _handle_of(node):
        if isinstance(node, c_ast.TypeDecl) and isinstance(node.type, c_ast.IdentifierType):
            return " ".join(node.type.names)
        return None

    def argument(self, case, index, local):
        """The C expression passed in `case` (local: the variable for an out-handle or a live
        handle)."""
        huge = case.endswith("huge")
        if self.kind == "double":
            return "NAN"
        if self.kind == "int":
            return "(%s)%s" % (self.ctype, self.limits[2 if huge else 1 if case == "live-one" else 0])
        if self.kind == "callback" or case in ("null", "null-huge"):
            return "NULL"
        if self.kind == "out":
            return "&" + local
        if self.kind == "handle":
            return local if case.startswith("live") else "NULL"
        return "NULL" if huge else "(%s)(void *)(scratch + %d * SCRATCH)" % (self.ctype, index)


def functions(ast):
    """{name: (return type text, [Param])} of every crm_ function declared in crmkit.h, and the
    handle types (structs declared but not defined)."""
    handles = set()
    for ext in ast.ext:
        if isinstance(ext, c_ast.Typedef) and isinstance(ext.type.type, c_ast.Struct) and \
                ext.type.type.decls is None:
            handles.add(ext.name)
        if isinstance(ext, c_ast.Typedef) and isinstance(ext.type, c_ast.PtrDecl) and \
                isinstance(ext.type.type, c_ast.FuncDecl):
            CALLBACK_TYPES.add(ext.name)
    gen = c_generator.CGenerator()
    found = {}
    for ext in ast.ext:
        if isinstance(ext, c_ast.Decl) and isinstance(ext.type, c_ast.FuncDecl) and \
                ext.name.startswith("crm_"):
            params = ext.type.args.params if ext.type.args else []
            params = [p for p in params if not (isinstance(p.type, c_ast.TypeDecl) and
                                                getattr(p.type.type, "names", None) == ["void"])]
            found[ext.name] = (gen._generate_type(ext.type.type, emit_declname=False), [Param(p, handles, gen) for p in params])
    return found, handles


def free_functions(decls, handles):
    """{handle type: its free function}: the void *_free function taking one such handle."""
    frees = {}
    for name, (ret, params) in decls.items():
        if ret == "void" and name.endswith("_free") and len(params) == 1 and params[0].kind == "handle":
            frees[params[0].handle] = name
    missing = sorted(handles - set(frees))
    if missing:
        raise SystemExit("generate.py: no crm_*_free for handle types %s" % ", ".join(missing))
    return frees


def call_block(name, ret, params, case, frees):
    """The C statements of one call and its checks."""
    lines = ["  {"]
    locals_ = {}
    for i, p in enumerate(params):
        if p.kind == "out" and not case.startswith("null"):
            locals_[i] = "out%d" % i
            lines.append("    %s out%d = (%s)(void *)&sentinel;" % (p.ctype[:-1].strip(), i, p.ctype[:-1].strip()))
        elif p.kind == "handle" and case.startswith("live"):
            locals_[i] = "live%d" % i
            lines.append("    %s *live%d = make_%s();" % (p.handle, i, p.handle))
    args = ", ".join(p.argument(case, i, locals_.get(i)) for i, p in enumerate(params))
    lines.append('    memset(scratch, 0, sizeof scratch);')
    lines.append('    current = "%s (%s)";' % (name, case))
    call = "%s(%s)" % (name, args)
    status_checked = ret == "int" and name not in NOT_STATUS
    if status_checked:
        lines.append("    int status = %s;" % call)
        lines.append("    if (status > 0 || status < CRM_ERROR) fail(\"returned %d, not a status\", status);")
        lines.append("    if (status != CRM_OK && !crm_last_error()[0]) fail(\"failed (%d) with no message\", status);")
        pointers = [p for p in params if p.kind not in ("int", "double")]
        if case.startswith("null") and pointers and not (case == "null" and name in NULL_IS_FINE):
            lines.append("    if (status == CRM_OK) fail(\"returned %d (CRM_OK) with every pointer NULL\", status);")
        sizes = [p for p in params if p.kind == "int" and p.ctype == "size_t"]
        data = [p for p in params if p.kind == "data"]
        if case == "live-huge" and sizes and data and name not in HUGE_WITH_NULL_IS_FINE:
            lines.append("    if (status == CRM_OK) fail(\"returned %d (CRM_OK) for NULL data of a huge size\", status);")
    else:
        lines.append("    %s;" % ("(void)" + call if ret != "void" else call))
    for i, p in enumerate(params):
        if p.kind == "out" and case not in ("null", "null-huge"):
            local = locals_[i]
            lines.append("    if (%s == (void *)&sentinel) %s = NULL;" % (local, local))
            if status_checked:
                lines.append("    if (status != CRM_OK && %s) fail(\"failed (%%d) but left an out-handle set\", status);" % local)
            lines.append("    %s(%s);" % (frees[p.handle], local))
    own_free = ret == "void" and name == frees.get(params[0].handle if params else None)
    for i, p in enumerate(params):
        if p.kind == "handle" and case.startswith("live") and not own_free:
            lines.append("    %s(%s);" % (frees[p.handle], locals_[i]))
    lines.append("  }")
    return lines


def program(decls, handles, exported):
    frees = free_functions(decls, handles)
    mismatches = ["exported but not declared in crmkit.h: " + n for n in exported if n not in decls]
    mismatches += ["declared in crmkit.h but not exported: " + n for n in decls if n not in exported]
    out = ["/* Generated by tests/exports/generate.py from the exports of libcrmkit.so: do not edit. */",
           "#define _XOPEN_SOURCE 700 /* mkdtemp */", "#include <limits.h>", "#include <math.h>", "#include <signal.h>", "#include <stdint.h>",
           "#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "#include <unistd.h>",
           '#include "factories.c"', "",
           "#define SCRATCH %d" % SCRATCH_BYTES,
           "static _Alignas(16) unsigned char scratch[%d * SCRATCH];" % max(len(p) for _, p in decls.values()),
           "static int sentinel;",
           "static const char *current = \"\";",
           "static int failures, calls;",
           "#define fail(what, value) (++failures, fprintf(stderr, \"%s: \" what \"\\n\", current, value))",
           "",
           "#ifndef __SANITIZE_ADDRESS__",
           "static void crashed(int sig) {",
           "  static const char head[] = \"crashed (signal) in \";",
           "  (void)sig;",
           "  if (write(2, head, sizeof head - 1) < 0 || write(2, current, strlen(current)) < 0 || write(2, \"\\n\", 1) < 0) {}",
           "  _exit(3);",
           "}",
           "#endif", ""]
    names = sorted(n for n in decls if n in exported)
    for name in names:
        ret, params = decls[name]
        out.append("static void call_%s(void) {" % name)
        seen = set()
        for case in CASES:
            block = call_block(name, ret, params, case, frees)
            key = "\n".join(l for l in block if "current =" not in l)
            if key in seen:
                continue  # the same arguments as an earlier set (e.g. no pointers at all)
            seen.add(key)
            out += block
            out.append("  ++calls;")
        out.append("}")
    out += ["", "int main(void) {",
            "  static const char *const mismatches[] = {%s};" % ", ".join(
                ['"%s"' % m for m in mismatches] + ["NULL"]),
            "  for (const char *const *m = mismatches; *m; ++m) { fprintf(stderr, \"%s\\n\", *m); ++failures; }",
            "#ifndef __SANITIZE_ADDRESS__ /* ASan reports a crash better: with the stack */",
            "  signal(SIGSEGV, crashed); signal(SIGBUS, crashed); signal(SIGFPE, crashed); signal(SIGILL, crashed);",
            "#endif",
            "  snprintf(desk_dir, sizeof desk_dir, \"/tmp/crmkit-exports-XXXXXX\");",
            "  if (!mkdtemp(desk_dir)) { perror(\"mkdtemp\"); return 2; }"]
    out += ["  call_%s();" % n for n in names]
    out += ["  char rm[96];",
            "  snprintf(rm, sizeof rm, \"rm -rf '%s'\", desk_dir);",
            "  if (system(rm) != 0) fprintf(stderr, \"could not remove %s\\n\", desk_dir);",
            "  printf(\"%%d exported functions, %%d calls, %%d failures\\n\", %d, calls, failures);" % len(names),
            "  return failures ? 1 : 0;", "}", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cc")
    args = ap.parse_args()
    ast, _ = c_header.parse(args.cc)
    decls, handles = functions(ast)
    text = program(decls, handles, set(exports(args.library)))
    with open(args.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    sys.exit(main())
