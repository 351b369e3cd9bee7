"""What one `check` run reads once: the config of each input, the rules and the baseline."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from figcheck.cli.arguments import split_codes
from figcheck.cli.pipeline import Job
from figcheck.errors import FigcheckError
from figcheck.inputs.files import articles


class Run:
    """What one `check` run reads once: the configs that apply to each input, the rules, the baseline."""

    def __init__(self, args: argparse.Namespace) -> None:
        from figcheck.config import clear_cache, load_config
        from figcheck.rules import load_rules

        clear_cache()  # a config file may change between runs in one process (tests, notebooks)
        self.args = args
        self.base = load_config(Path(args.config)) if args.config else None
        self.overrides = {"select": split_codes(args.select), "extend_select": split_codes(args.extend_select),
                          "ignore": split_codes(args.ignore), "extend_exclude": split_codes(args.extend_exclude, upper=False),
                          "fail_on": args.fail_on, "max_bytes": args.max_bytes, "timeout": args.timeout}
        self.rules = load_rules()
        first_path = args.stdin_filename if args.paths[0] == "-" and args.stdin_filename else args.paths[0]
        self.first = self.config(first_path)
        if not any(self.first.enabled(r.code) for r in self.rules):
            where = f" in {self.first.path}" if self.first.path else ""
            raise FigcheckError(f"no rule selected: --select, --ignore and the config{where} leave none to run "
                                "(`figcheck check --show-settings PATH` shows them)")
        self.baseline = None
        if args.baseline:
            from figcheck.baseline import load_baseline

            self.baseline = load_baseline(Path(args.baseline))
        self.excluded = 0
        self.gitignore = None
        if args.respect_gitignore:
            from figcheck.gitignore import GitIgnored

            self.gitignore = GitIgnored()

    def config(self, path: str) -> Any:
        from figcheck.config import config_for

        found = self.base if self.base is not None else config_for(source_path(path))
        return found.merged(**self.overrides)

    def setup(self, path: str) -> tuple | None:
        """What a job needs from the config of one input file, or None if it is excluded."""
        cfg = self.config(path)
        if cfg.excluded(path):
            return None
        rules = self.rules
        codes = tuple(r.code for r in rules if cfg.enabled(r.code, path))
        severity = tuple((r.code, cfg.severity_for(r.code, r.severity)) for r in rules
                         if cfg.severity_for(r.code, r.severity) != r.severity)
        return codes, severity, cfg.timeout, tolerances(cfg, rules)

    def jobs(self, documents: bool) -> Iterator[Job]:
        """A job for each article that is not excluded; counts the excluded ones in `excluded`."""
        args = self.args
        skip = self.gitignore.ignored if self.gitignore is not None else None
        # The records of one JSON Lines file share its config: read it once a file, not once a
        # record (a config look-up and 19 per-file-ignores matches cost 0.2 ms an article).
        last: tuple[str, tuple | None] = ("", None)
        for art in articles(args.paths, args.published, self.first.max_bytes, self.first.timeout, args.stdin_filename, skip):
            if art.path != last[0]:
                last = (art.path, self.setup(art.path))
            if last[1] is None:
                self.excluded += 1
            else:
                yield Job(art, "check", *last[1], document=documents)

    def show_settings(self) -> int:
        """Print the settings for the first path, in the config file's own words, and the rules they run."""
        cfg, args = self.first, self.args
        shown = args.stdin_filename if args.paths[0] == "-" and args.stdin_filename else args.paths[0]
        rows = [("path", shown), ("config file", str(cfg.path) if cfg.path else "none (defaults)"),
                ("select", cfg.select if cfg.cli_select is None else f"{list(cfg.cli_select)} (command line)"),
                ("extend-select", [*([] if cfg.cli_select is not None else cfg.extend_select), *cfg.cli_extend_select]),
                ("ignore", [*cfg.ignore, *cfg.cli_ignore]), ("per-file-ignores", dict(cfg.per_file_ignores)),
                ("exclude", cfg.exclude), ("extend-exclude", cfg.extend_exclude),
                ("respect-gitignore", args.respect_gitignore),
                ("severity", {code: level.label for code, level in cfg.severity.items()}),
                ("fail-on", cfg.fail_on.label if cfg.fail_on else "never"), ("tolerance", dict(cfg.tolerance)),
                ("max-bytes", cfg.max_bytes), ("timeout", cfg.timeout),
                ("rules run", [r.code for r in self.rules if cfg.enabled(r.code, shown)])]
        for key, value in rows:
            print(f"{key:<18} {list(value) if isinstance(value, tuple) else value}")
        return 0


def tolerances(config: Any, rules: Any) -> tuple[tuple[str, str, float], ...]:
    """[tolerance] keys as (code, parameter, value): 'slack' sets every rule's slack, 'FC801.tolerance' one rule's.

    A key no rule's parameters answer to is a config error naming the file and key.
    """
    out = []
    for key, value in config.tolerance.items():
        code, _, name = key.rpartition(".")
        hits = [(r.code, name, float(value)) for r in rules
                if (not code or r.code == code) and isinstance(getattr(r.params, name, None), (int, float))
                and not isinstance(getattr(r.params, name, None), bool)]
        if not hits:
            where = config.path.name if config.path else "config"
            raise FigcheckError(f"{where}: tolerance.{key}: no rule has a numeric parameter {name!r}")
        out.extend(hits)
    return tuple(out)


def source_path(label: str) -> Path:
    """The file an input label names; standard input without a name is read as if here."""
    return Path.cwd() if label == "-" else Path(label)
