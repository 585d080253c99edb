"""Prints each command of README.md's "Command line" examples (every ```sh block from there
to "## Building by hand", so each pillar's subsection is run too) on one line (continuation
lines joined), for run.sh to run as written. Usage: readme_examples.py README.md"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("Command line"):text.index("## Building by hand")]
block = "".join(re.findall(r"```sh\n(.*?)```", section, re.S))
command = ""
for line in block.splitlines():
    command += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line
    if not line.endswith("\\"):
        if command.strip() and not command.lstrip().startswith("#"):
            print(command.strip())
        command = ""
