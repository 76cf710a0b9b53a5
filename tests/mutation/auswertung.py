"""Summarise mutmut's results per module: killed, survived, timed out, and the share killed.

Reads the ``.meta`` files mutmut 3 writes under ``mutants/``; a survivor listed in
``tests/mutation/aequivalent.txt`` (one mutant name per line, ``name  # reason``) counts as
equivalent, not as survived. Prints German, because editors and reviewers read it.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

#: mutmut's exit codes (mutmut/stats.py), folded into the four columns we report.
KILLED = {1, 3, 37}
SURVIVED = {0}
TIMEOUT = {36, 24, -24, 152, 255}
NO_TESTS = {5, 33}


def equivalent(path: Path) -> dict[str, str]:
    """Mutant name → reason, from the hand-kept list of mutants no test can tell apart."""
    found = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            name, _, reason = line.partition("#")
            if name.strip():
                found[name.strip()] = reason.strip()
    return found


def column(code: int | None) -> str:
    if code in KILLED:
        return "getötet"
    if code in SURVIVED:
        return "überlebt"
    if code in TIMEOUT:
        return "Zeitüberschreitung"
    if code in NO_TESTS:
        return "ohne Test"
    return "nicht geprüft"


def main(mutants: Path, aequivalent: Path) -> int:
    known = equivalent(aequivalent)
    per_module: dict[str, Counter] = defaultdict(Counter)
    survivors = []
    for meta in sorted(mutants.rglob("*.py.meta")):
        module = str(meta.relative_to(mutants)).removesuffix(".meta").removeprefix("src/")
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            status = column(code)
            if status == "überlebt" and name in known:
                status = "äquivalent"
            elif status in ("überlebt", "ohne Test"):
                survivors.append(name)
            per_module[module][status] += 1
    if not per_module:
        print("Keine Ergebnisse in .mutation/mutants/ – zuerst „make mutation“ laufen lassen.", file=sys.stderr)
        return 1
    columns = ["getötet", "überlebt", "Zeitüberschreitung", "ohne Test", "äquivalent", "nicht geprüft"]
    width = max(len(m) for m in per_module) + 2
    print("Modul".ljust(width) + "".join(c.rjust(20) for c in columns) + "   getötet in %")
    total = Counter()
    for module, counts in sorted(per_module.items()):
        total.update(counts)
        print(module.ljust(width) + "".join(str(counts[c]).rjust(20) for c in columns) + f"   {share(counts)}")
    print("Summe".ljust(width) + "".join(str(total[c]).rjust(20) for c in columns) + f"   {share(total)}")
    print("\nAnteil = (getötet + Zeitüberschreitung) / (alle geprüften − äquivalent).")
    if survivors:
        print(f"\n{len(survivors)} Mutanten ohne Befund (ansehen mit „.venv/bin/mutmut show NAME“):")
        print("\n".join(f"  {name}" for name in survivors))
    return 0


def share(counts: Counter) -> str:
    checked = sum(v for k, v in counts.items() if k not in ("äquivalent", "nicht geprüft"))
    if not checked:
        return "–"
    return f"{100 * (counts['getötet'] + counts['Zeitüberschreitung']) / checked:.1f}"


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    ordner = Path(sys.argv[1]) if len(sys.argv) > 1 else root / ".mutation" / "mutants"  # another run's mutants/
    sys.exit(main(ordner, root / "tests" / "mutation" / "aequivalent.txt"))
