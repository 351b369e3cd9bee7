"""The summary of a `check` run, counted as results arrive, and the --statistics lines."""

from __future__ import annotations

import sys
from typing import Any

from figcheck.cli.streams import say
from figcheck.model import Severity


class Tally:
    """Counts results into the summary as they arrive; drops baseline findings; prints notes."""

    def __init__(self, baseline: Any, keep: bool) -> None:
        self.baseline = baseline
        self.results: list[dict[str, Any]] = []
        self.keep = keep  # the results, for --write-baseline
        self.worst: Severity | int = 0   # 0: no finding yet
        self.summary: dict[str, Any] = {"files": 0, "errors": 0, "findings": {"info": 0, "warning": 0, "error": 0},
                                        "figures": 0, "checked": 0, "suppressed": 0, "relations": {}}

    def add(self, result: dict[str, Any]) -> dict[str, Any]:
        summary = self.summary
        where = f"{result['path']}:{result['record']}" if result.get("record") else result["path"]
        for line, codes in result.pop("unused", []):
            say(f"figcheck: {result['path']}:{line}: suppression of {codes} matches nothing")
        for warning in result.pop("warnings", []):
            say(f"figcheck: {where}: warning: {warning}")
        summary["suppressed"] += result.pop("suppressed", 0)
        if self.baseline is not None and result["findings"]:
            kept, dropped = self.baseline.filter(result["path"], result["findings"], result.get("record"))
            result = {**result, "findings": kept}
            summary["suppressed"] += dropped
        stats = result.pop("stats", {"figures": 0, "checked": 0})
        summary["files"] += 1
        summary["errors"] += result["error"] is not None
        summary["figures"] += stats["figures"]
        summary["checked"] += stats["checked"]
        for kind, (n_held, n_failed) in stats.get("relations", {}).items():
            tally = summary["relations"].setdefault(kind, [0, 0])
            tally[0] += n_held
            tally[1] += n_failed
        for placed in result["findings"]:
            severity = placed.finding.severity
            summary["findings"][severity.label] += 1
            self.worst = max(self.worst, severity)
        if self.keep:
            self.results.append({key: value for key, value in result.items() if key != "document"})
        return result


def print_statistics(summary: dict[str, Any]) -> None:
    from figcheck.report.summary import plural

    f = summary["findings"]
    print(f"figcheck: {plural(summary['files'], 'article')}, {plural(summary['figures'], 'figure')}, "
          f"{summary['checked']:,} taking part in a check; findings: {plural(f['error'], 'error')}, "
          f"{plural(f['warning'], 'warning')}, {plural(f['info'], 'info')}; {summary['suppressed']:,} suppressed; "
          f"{plural(summary['errors'], 'input')} with errors", file=sys.stderr)
    share = summary["checked"] / summary["figures"] * 100 if summary["figures"] else 0.0
    print(f"figcheck: {share:.1f}% of figures take part in a relation that was checked", file=sys.stderr)
    for kind, (n_held, n_failed) in sorted(summary.get("relations", {}).items()):
        print(f"figcheck: {kind:<11} {n_held + n_failed:>6,} relations checked: {n_held:,} held, {n_failed:,} failed",
              file=sys.stderr)
