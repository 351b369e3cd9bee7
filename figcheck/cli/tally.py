"""The summary of a `check` run, counted as results arrive, and the --statistics lines."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from figcheck.cli.streams import say
from figcheck.model import Severity


@dataclass
class Summary:
    """The counts of a run; the JSON shape every report closes with is made by `as_dict`, at the writers."""

    files: int = 0
    errors: int = 0                  # inputs that could not be read or checked
    findings: Counter[Severity] = field(default_factory=Counter)
    figures: int = 0
    checked: int = 0                 # figures taking part in a check
    suppressed: int = 0              # by a comment, a record's figcheck_ignore or the baseline
    relations: dict[str, list[int]] = field(default_factory=dict)   # kind -> [held, failed]

    @property
    def worst(self) -> Severity | int:
        """The highest severity found; 0 when nothing was."""
        return max((severity for severity, n in self.findings.items() if n), default=0)

    def as_dict(self) -> dict[str, Any]:
        return {"files": self.files, "errors": self.errors,
                "findings": {severity.label: self.findings[severity] for severity in Severity},
                "figures": self.figures, "checked": self.checked, "suppressed": self.suppressed,
                "relations": self.relations}


class Tally:
    """Counts results into the summary as they arrive; drops baseline findings; prints notes."""

    def __init__(self, baseline: Any, keep: bool) -> None:
        self.baseline = baseline
        self.results: list[dict[str, Any]] = []
        self.keep = keep  # the results, for --write-baseline
        self.summary = Summary()

    def add(self, result: dict[str, Any]) -> dict[str, Any]:
        summary = self.summary
        where = f"{result['path']}:{result['record']}" if result.get("record") else result["path"]
        for line, codes in result.pop("unused", []):
            say(f"figcheck: {result['path']}:{line}: suppression of {codes} matches nothing")
        for warning in result.pop("warnings", []):
            say(f"figcheck: {where}: warning: {warning}")
        summary.suppressed += result.pop("suppressed", 0)
        if self.baseline is not None and result["findings"]:
            kept, dropped = self.baseline.filter(result["path"], result["findings"], result.get("record"))
            result = {**result, "findings": kept}
            summary.suppressed += dropped
        stats = result.pop("stats", {"figures": 0, "checked": 0})
        summary.files += 1
        summary.errors += result["error"] is not None
        summary.figures += stats["figures"]
        summary.checked += stats["checked"]
        for kind, (n_held, n_failed) in stats.get("relations", {}).items():
            tally = summary.relations.setdefault(kind, [0, 0])
            tally[0] += n_held
            tally[1] += n_failed
        summary.findings.update(placed.finding.severity for placed in result["findings"])
        if self.keep:
            self.results.append({key: value for key, value in result.items() if key != "document"})
        return result


def print_statistics(summary: Summary) -> None:
    from figcheck.report.summary import plural

    f = summary.findings
    print(f"figcheck: {plural(summary.files, 'article')}, {plural(summary.figures, 'figure')}, "
          f"{summary.checked:,} taking part in a check; findings: {plural(f[Severity.ERROR], 'error')}, "
          f"{plural(f[Severity.WARNING], 'warning')}, {plural(f[Severity.INFO], 'info')}; {summary.suppressed:,} suppressed; "
          f"{plural(summary.errors, 'input')} with errors", file=sys.stderr)
    share = summary.checked / summary.figures * 100 if summary.figures else 0.0
    print(f"figcheck: {share:.1f}% of figures take part in a relation that was checked", file=sys.stderr)
    for kind, (n_held, n_failed) in sorted(summary.relations.items()):
        print(f"figcheck: {kind:<11} {n_held + n_failed:>6,} relations checked: {n_held:,} held, {n_failed:,} failed",
              file=sys.stderr)
