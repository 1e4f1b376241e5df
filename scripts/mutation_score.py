"""``make mutate``: the mutation score of the engine-free core, module by module.

mutmut (pinned in pyproject.toml, configured under ``[tool.mutmut]``) changes the code of each module
one small mutation at a time (a ``<`` for a ``<=``, a word of a message, a ``+ 1`` dropped) and runs the
fast tests that reach the changed function (``tests/unit``, without the fuzz tests, which only ask
for no crash). A mutation that no test notices is a survivor: a bug those tests would let through.

A survivor that changes nothing a reader, an author or a caller can observe (an equivalent mutant)
is listed with its reason in ``tests/data/mutants-equivalent.yml``, by its function and the line it
becomes, and is left out of the score. Any other survivor counts against it, and a module below
``THRESHOLD`` fails the command.

    .venv/bin/python scripts/mutation_score.py                   # every module, from a clean start
    .venv/bin/python scripts/mutation_score.py finding_balance/check.py   # one module
    .venv/bin/python scripts/mutation_score.py --score-only      # the score of the last run again

mutmut runs on one core (``--max-children 1``): the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
#: The modules of the engine-free core whose score is kept (README, "Mutation score").
MODULES = (
    "finding_balance/quiz/model.py",
    "finding_balance/quiz/render.py",
    "finding_balance/quiz/fences.py",
    "finding_balance/check.py",
    "finding_balance/settings.py",
    "finding_balance/disclaimer/settings.py",
    "finding_balance/quick_exit/settings.py",
    "finding_balance/quiz/settings.py",
    "finding_balance/anchors/settings.py",
    "finding_balance/handouts/settings.py",
    "finding_balance/languages/settings.py",
    "finding_balance/anchors/collisions.py",
    "finding_balance/anchors/redirects.py",
    "finding_balance/helplines/data.py",
)
EQUIVALENT_FILE = ROOT / "tests" / "data" / "mutants-equivalent.yml"
THRESHOLD = 90.0
#: mutmut's exit codes of a mutant that a test noticed: a failing test, or a run that no longer ends.
KILLED_CODES = {1, 3, 24, -24, 36, 152, 255}


@dataclass(frozen=True)
class Equivalent:
    """A mutant listed as equivalent: its module, its function and the line(s) it becomes."""

    module: str
    function: str
    becomes: str
    why: str


@dataclass
class Score:
    module: str
    killed: int = 0
    equivalent: int = 0
    survivors: list[str] = field(default_factory=list)

    @property
    def counted(self) -> int:
        return self.killed + len(self.survivors)

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.counted if self.counted else 100.0


def dotted(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def function_of(mutant: str, module: str) -> str:
    """``finding_balance.check.xǁQuizIdsǁnote__mutmut_3`` -> ``QuizIds.note``; ``x_check_page__mutmut_1``
    -> ``check_page``."""
    name = mutant.removeprefix(dotted(module) + ".").rpartition("__mutmut_")[0]
    if name.startswith("xǁ"):
        return ".".join(part for part in name.removeprefix("xǁ").split("ǁ") if part)
    return name.removeprefix("x_")


def read_equivalents() -> list[Equivalent]:
    data = yaml.safe_load(EQUIVALENT_FILE.read_text(encoding="utf-8")) or {}
    return [
        Equivalent(module, entry["function"], entry["becomes"].strip(), entry["why"])
        for module, entries in data.items()
        for entry in entries or []
    ]


def added_lines(mutant: str, module: str) -> str:
    """The lines the mutant writes in place of the original, stripped, one per line."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant  # mutmut's own diff, as ``mutmut show``

    diff = get_diff_for_mutant(mutant, path=module)
    return "\n".join(
        line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")
    )


def run_mutmut(module: str) -> None:
    """Every mutant of ``module`` tried afresh (named mutants are never taken from an earlier run)."""
    print(f"mutmut: {module} ...", flush=True)
    log = ROOT / "mutants" / f"mutmut-{dotted(module)}.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w", encoding="utf-8") as output:
        result = subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", "1", f"{dotted(module)}.*"],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        print(log.read_text(encoding="utf-8")[-3000:])
        sys.exit(f"mutmut failed on {module} (exit {result.returncode}); its output is in {log}")


def score(module: str, equivalents: list[Equivalent], used: set[Equivalent]) -> Score:
    meta = ROOT / "mutants" / f"{module}.meta"
    if not meta.is_file():
        sys.exit(f"no mutmut results for {module}: run without --score-only")
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    listed = [equivalent for equivalent in equivalents if equivalent.module == module]
    result = Score(module)
    for mutant, code in sorted(codes.items()):
        if code in KILLED_CODES:
            result.killed += 1
            continue
        function = function_of(mutant, module)
        becomes = added_lines(mutant, module) if any(e.function == function for e in listed) else None
        match = next((e for e in listed if e.function == function and e.becomes == becomes), None)
        if match is not None:
            used.add(match)
            result.equivalent += 1
        else:
            result.survivors.append(mutant)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", default=list(MODULES), help="modules to try (default: all)")
    parser.add_argument("--score-only", action="store_true", help="score the last run without running mutmut")
    arguments = parser.parse_args()
    unknown = [module for module in arguments.modules if module not in MODULES]
    if unknown:
        parser.error(f"not a module of the core: {', '.join(unknown)} (one of {', '.join(MODULES)})")
    if not arguments.score_only:
        if arguments.modules == list(MODULES):
            shutil.rmtree(ROOT / "mutants", ignore_errors=True)  # no result of an earlier run counts
        for module in arguments.modules:
            run_mutmut(module)

    equivalents = read_equivalents()
    used: set[Equivalent] = set()
    scores = [score(module, equivalents, used) for module in arguments.modules]
    print(f"\n{'module':40} {'mutants':>8} {'killed':>7} {'equiv.':>7} {'survived':>9} {'score':>7}")
    for result in scores:
        total = result.counted + result.equivalent
        print(
            f"{result.module:40} {total:8} {result.killed:7} {result.equivalent:7} "
            f"{len(result.survivors):9} {result.percent:6.1f}%"
        )
    for equivalent in sorted(set(equivalents) - used, key=lambda e: (e.module, e.function)):
        if equivalent.module in arguments.modules:
            print(f"note: {EQUIVALENT_FILE.name} lists a mutant that did not survive: {equivalent.function}")
    failing = [result for result in scores if result.percent < THRESHOLD]
    for result in failing:
        print(f"\n{result.module}: {result.percent:.1f}% is below {THRESHOLD:.0f}%. Survivors (mutmut show NAME):")
        print("\n".join(f"  {mutant}" for mutant in result.survivors))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
