"""Puts the C headers' comments into Doxygen's form, in place, without moving a declaration:

- the file's opening comment becomes its @file block;
- a comment directly above a declaration (function, typedef, enum, struct, #define) opens
  with slash-star-star; a comment after a field, enum value or macro on its line opens with
  slash-star-star-less-than;
- a function of a family that has none gets the family's text: crm_<enum>_name and
  crm_<enum>_parse, crm_<struct>_init (option structs), crm_<type>_free.

Run after adding functions to capi/crmkit/*.h (the docs test, tests/exports/check_docs.py,
names any function still without documentation):
    python3 capi/doc/doxygen_comments.py capi/crmkit.h capi/crmkit/*.h
Running it twice changes nothing.
"""
import re
import sys
import textwrap

DECLARATION = re.compile(r"^(CRM_API|typedef|#define|struct|enum)\b")


def family_comment(line, text):
    """The family's comment for an undocumented declaration, or None."""
    m = re.match(r"CRM_API const char \*(crm_\w+)_name\(int \w+\);", line)
    if m:
        enum = m.group(1)
        kind = "a %s value" % enum if re.search(r"typedef enum %s\b" % enum, text) else "a value"
        return ("/** The name of `%s` as %s (a static string); NULL for a value that is not "
                "one. Thread-safe. */" % (re.search(r"\(int (\w+)\)", line).group(1), kind))
    m = re.match(r"CRM_API int (crm_\w+)_parse\(const char \*text, int \*(\w+)\);", line)
    if m:
        return ("/** Stores in *%s the value named `text` (a name %s_name gives); CRM_EINVAL "
                "listing the names for any other text, and for NULL. Thread-safe. */"
                % (m.group(2), m.group(1)))
    m = re.match(r"CRM_API int crm_(\w+)_init\((crm_\w+) \*\w+, unsigned int version\);", line)
    if m and ("#define %s_VERSION" % m.group(2).upper()) in text:
        macro = m.group(2).upper()
        return ("/** Fills the struct with the library's defaults for layout `version` (1..%s_VERSION), "
                "the values of %s_INIT; CRM_EINVAL for NULL or an unknown version. */" % (macro, macro))
    m = re.match(r"CRM_API void (crm_\w+)_free\((const )?crm_\w+ \*(\w+)\);", line)
    if m:
        return ("/** Releases `%s` and all it holds; NULL is fine. The handle must not be used "
                "afterwards. */" % m.group(3))
    return None


def wrap(comment):
    """A comment in the headers' 100 columns, continuation lines starting " * "."""
    lines = textwrap.wrap(comment, 97, subsequent_indent=" * ", break_on_hyphens=False)
    return lines


def convert(text):
    lines = text.split("\n")
    out = []
    i = 0
    if lines and lines[0] == "/*":
        lines[0] = "/** @file"
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith("/*") and not stripped.startswith("/**") and not stripped.startswith("/* ----"):
            # The comment's extent, and the line after it.
            end = i
            while "*/" not in lines[end]:
                end += 1
            after = lines[end + 1] if end + 1 < len(lines) else ""
            if DECLARATION.match(after.lstrip()) and line.startswith(stripped):
                line = line.replace("/*", "/**", 1)
        elif re.search(r"\S\s*/\* ", line) and not stripped.startswith(("/*", "*")):
            line = re.sub(r"(?<=\S)(\s*)/\* ", r"\1/**< ", line, count=1)
        if line.startswith("CRM_API"):
            previous = out[-1].rstrip() if out else ""
            documented = previous.endswith("*/") and not previous.lstrip().startswith("/* ----")
            if not documented:
                comment = family_comment(line, text)
                if comment:
                    out += wrap(comment)
        out.append(line)
        i += 1
    return "\n".join(out)


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = convert(text)
        if new != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)


if __name__ == "__main__":
    main(sys.argv[1:])
