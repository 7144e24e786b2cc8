"""`make mutation`: run mutmut over the pure core and print the score per module.

A surviving mutant is either killed by a new test or listed, with a one-line reason, in
mutation-equivalent.txt (``mutant-name  # why it cannot change behaviour``). Exits 1 when a
module scores under 90 %, or when a survivor is neither killed nor listed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "mutation-equivalent.txt"
THRESHOLD = 0.90
KILLED = {"killed", "timeout"}
_RESULT = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+?)\s*$")


def equivalents() -> dict[str, str]:
    """Return each listed equivalent mutant with its reason; a line without a reason is refused."""
    listed: dict[str, str] = {}
    for number, line in enumerate(EQUIVALENT.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        if not reason.strip():
            sys.exit(f"{EQUIVALENT.name}:{number}: give the reason after '#'")
        listed[name.strip()] = reason.strip()
    return listed


def results() -> dict[str, str]:
    """Return every mutant's status as mutmut reports it."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {m["name"]: m["status"] for m in map(_RESULT.match, out.splitlines()) if m}


def module_of(mutant: str) -> str:
    """Return the module of a mutant: ``pkg.mod.x_func__mutmut_3`` or ``pkg.mod.xǁClassǁmethod__…``."""
    return re.split(r"\.x(?:_|ǁ)", mutant, maxsplit=1)[0]


def main() -> int:
    # --report: print the score of the last run again, without running the mutants.
    if "--report" not in sys.argv:
        log = ROOT / "mutants" / "run.log"
        log.parent.mkdir(exist_ok=True)
        with log.open("w", encoding="utf-8") as sink:
            subprocess.run(
                [sys.executable, "-m", "mutmut", "run"], cwd=ROOT, stdout=sink, stderr=sink
            )
    statuses = results()
    listed = equivalents()
    per_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for name, status in sorted(statuses.items()):
        counts = per_module[module_of(name)]
        counts["mutants"] += 1
        if status in KILLED:
            counts["killed"] += 1
        elif name in listed:
            counts["equivalent"] += 1
        else:
            counts["survived"] += 1
            survivors.append(f"{name}: {status}")
    print(f"{'module':40} {'mutants':>7} {'killed':>7} {'equiv.':>7} {'left':>5} {'score':>7}")
    failed = False
    for module, c in sorted(per_module.items()):
        score = c["killed"] / max(1, c["mutants"] - c["equivalent"])
        failed |= score < THRESHOLD
        print(
            f"{module:40} {c['mutants']:7} {c['killed']:7} {c['equivalent']:7} "
            f"{c['survived']:5} {score:7.1%}"
        )
    stale = sorted(set(listed) - set(statuses))
    for name in stale:
        print(f"stale entry in {EQUIVALENT.name} (no such mutant now): {name}")
    if survivors:
        print("\nsurviving mutants (kill them with a test, or list them with a reason):")
        print("\n".join(f"  {s}" for s in survivors))
        print("see one with: .venv/bin/mutmut show NAME")
    return 1 if failed or survivors or stale else 0


if __name__ == "__main__":
    sys.exit(main())
