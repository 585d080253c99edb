"""Prints each command of README.md's "Command line" examples on one line (continuation
lines joined), for run.sh to run as written. Usage: readme_examples.py README.md"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
section = text[text.index("Command line"):text.index("## Building by hand")]
block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
command = ""
for line in block.splitlines():
    command += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line
    if not line.endswith("\\"):
        if command.strip() and not command.lstrip().startswith("#"):
            print(command.strip())
        command = ""
