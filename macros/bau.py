"""``make site`` in one process: the check of ``make check``, then ``mkdocs build`` into the given folder.

As two commands the data were loaded twice and Python, pydantic and YAML started twice; here the
build's hook takes the loader's result of the check (``handlungskonzept.loader`` keeps it while no
file has changed). Output and exit codes are those of the two commands.
Usage: ``python macros/bau.py <Zielordner>``.
"""
from __future__ import annotations

import sys

from handlungskonzept.__main__ import main as handlungskonzept

if __name__ == "__main__":
    if handlungskonzept(["check"]) != 0:
        sys.exit(1)
    from mkdocs.__main__ import cli

    cli.main(args=["build", "--site-dir", sys.argv[1]], prog_name="mkdocs")  # exits like `mkdocs build`
