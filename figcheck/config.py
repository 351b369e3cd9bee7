"""Project configuration: figcheck.toml, .figcheck.toml or [tool.figcheck], found like ruff."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import fnmatch
import functools
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

from figcheck import reading
from figcheck.errors import ConfigError
from figcheck.model import Severity

# NOTE: in one folder the first name found wins, in this order; a pyproject.toml without a
# [tool.figcheck] table does not count, so the walk goes on past it (as ruff does).
CONFIG_NAMES = ("figcheck.toml", ".figcheck.toml", "pyproject.toml")

_CODE = re.compile(r"FC\d{0,3}")


def _empty() -> Mapping:
    return MappingProxyType({})


@dataclass(frozen=True)
class Config:
    """The settings for one folder of articles; every field has a default."""

    path: Path | None = None                     # the file it came from; None for defaults
    select: tuple[str, ...] = ("FC",)             # codes or prefixes; "FC" is every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    # The command line is a second layer, as in ruff: its --select replaces the file's select
    # and extend-select, its --ignore adds to the file's ignore, its --extend-select can turn
    # back on a rule the file ignores. None: no --select given.
    cli_select: tuple[str, ...] | None = None
    cli_ignore: tuple[str, ...] = ()
    cli_extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=_empty)  # code or prefix -> level
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)  # glob -> codes
    exclude: tuple[str, ...] = ()                 # globs, matched like per-file-ignores
    extend_exclude: tuple[str, ...] = ()          # more globs, added to exclude (file and --extend-exclude)
    fail_on: Severity | None = Severity.WARNING   # None: findings never fail the run
    tolerance: Mapping[str, float] = field(default_factory=_empty)  # e.g. {"about": 0.1}
    max_bytes: int = 5_000_000
    timeout: float = 10.0

    def enabled(self, code: str, path: str | None = None) -> bool:
        """Whether rule `code` runs (on `path`, when given), with ruff's selection rules.

        The most specific selector wins; at equal length the command line's wins over the
        file's, and within one layer an ignore wins over a select ("select FC1, ignore FC1").
        """
        best = max(((len(prefix), layer, not on) for prefix, layer, on in self._selectors() if code.startswith(prefix)),
                   default=None)
        if best is None or best[2]:
            return False
        if path is not None:
            for pattern, codes in self.per_file_ignores.items():
                if _specificity(code, codes) >= 0 and self._matches(pattern, path):
                    return False
        return True

    def _selectors(self) -> list[tuple[str, int, bool]]:
        """(prefix, layer, turns on) for every selector: layer 0 the file, 1 the command line."""
        file_on = () if self.cli_select is not None else (*self.select, *self.extend_select)
        return ([(s, 0, True) for s in file_on] + [(s, 0, False) for s in self.ignore]
                + [(s, 1, True) for s in (*(self.cli_select or ()), *self.cli_extend_select)]
                + [(s, 1, False) for s in self.cli_ignore])

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of `code` (longest matching prefix), else `default`."""
        best = max((key for key in self.severity if code.startswith(key)), key=len, default=None)
        return default if best is None else self.severity[best]

    def excluded(self, path: str) -> bool:
        """Whether `path`, or a folder it is in, matches an `exclude` or `extend-exclude` glob."""
        return any(self._matches(pattern, path, folders=True) for pattern in (*self.exclude, *self.extend_exclude))

    def merged(self, **overrides: Any) -> Config:
        """A copy with command-line overrides applied; a None value means "not given".

        Values are checked like the file's: `select=["FC1"]`, `fail_on="never"`,
        `severity={"FC101": "info"}` all work, and a bad one raises ConfigError.
        """
        changes: dict[str, Any] = {}
        for name, value in overrides.items():
            if value is None:
                continue
            key = name.replace("_", "-")
            if key not in _FIELDS:
                raise ConfigError(f"command line: unknown setting {name!r}")
            field_name, check = _FIELDS[key]
            checked = check(value, f"command line: {key}")
            if field_name in _LAYERED:  # the command line's own layer, or added to the file's
                field_name = _LAYERED[field_name]
                checked = checked if field_name == "cli_select" else (*getattr(self, field_name), *checked)
            changes[field_name] = checked
        return dataclasses.replace(self, **changes)

    def _matches(self, pattern: str, path: str, folders: bool = False) -> bool:
        candidates = _candidates(path, self.path.parent if self.path else None)
        if folders:
            candidates = [part for whole in candidates for part in _with_parents(whole)]
        return any(_glob(pattern, candidate) for candidate in candidates)


def find_config(start: Path) -> Path | None:
    """The closest config file at or above `start` (a file or a folder), or None."""
    folder = Path(os.path.abspath(start))
    if not os.path.isdir(folder):  # os.path.isdir says False where Path.is_dir raises (EACCES)
        folder = folder.parent
    for place in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = place / name
            if _is_file(candidate) and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _is_file(path: Path) -> bool:
    # A folder the user may not enter hides its config: it has none we could read, so the walk
    # goes on upwards (PermissionError here once ended the run with a traceback).
    try:
        return path.is_file()
    except OSError:
        return False


def load_config(path: Path) -> Config:
    """Read and check one config file; any problem is a ConfigError naming the file and key."""
    shown = _shown(path)
    data = _read_toml(path, shown)
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("figcheck") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{shown}: no [tool.figcheck] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{shown}: tool.figcheck: expected a table")
        data, prefix = table, "tool.figcheck."
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FIELDS:
            close = difflib.get_close_matches(key.replace("_", "-"), list(_FIELDS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"{shown}: {prefix}{key}: unknown key{hint}")
        name, check = _FIELDS[key]
        changes[name] = check(value, f"{shown}: {prefix}{key}")
    return Config(path=path, **changes)


def config_for(start: Path) -> Config:
    """The config that applies to `start` (a file or folder); defaults when there is none."""
    folder = Path(os.path.abspath(start))
    if not os.path.isdir(folder):  # os.path.isdir says False where Path.is_dir raises (EACCES)
        folder = folder.parent
    return _config_for_folder(folder)


def clear_cache() -> None:
    """Forget the configs found so far (for tests, or a long-running process)."""
    _config_for_folder.cache_clear()
    _load_cached.cache_clear()


@functools.cache
def _config_for_folder(folder: Path) -> Config:
    found = find_config(folder)
    return Config() if found is None else _load_cached(found)


@functools.cache
def _load_cached(path: Path) -> Config:
    # Folders under one config share one parse.
    return load_config(path)


def _has_table(path: Path) -> bool:
    # NOTE: a broken pyproject.toml is reported rather than skipped: it may hold our table.
    data = _read_toml(path, _shown(path))
    tool = data.get("tool")
    return isinstance(tool, dict) and "figcheck" in tool


def _read_toml(path: Path, shown: str) -> dict[str, Any]:
    """A config file through the guarded reader: regular, at most 1 MB, TOML nested at most 32 deep."""
    if not os.path.lexists(path):
        raise ConfigError(f"{shown}: no such file")
    try:
        raw = reading.read_bytes(path, reading.MAX_CONFIG_BYTES, kind=ConfigError)
        text = raw.decode("utf-8")
    except ConfigError as error:
        raise ConfigError(f"{shown}: cannot read: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{shown}: cannot read: not UTF-8 ({error.reason} at byte {error.start})") from None
    return reading.load_toml(text, shown)


def _shown(path: Path) -> str:
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _specificity(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector that is a prefix of `code`; -1 when none is."""
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


def _candidates(path: str, base: Path | None) -> list[str]:
    """The spellings of `path` a glob may match: as given, from the config's folder, basename."""
    given = PurePosixPath(path.replace(os.sep, "/"))
    spellings = [str(given).removeprefix("./")]
    if base is not None:
        # Outside the config's folder, only the other spellings apply.
        with contextlib.suppress(ValueError):
            spellings.append(Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix())
    spellings.append(given.name)
    return list(dict.fromkeys(spellings))


def _with_parents(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _glob(pattern: str, path: str) -> bool:
    # fnmatch's "*" already crosses "/", so "**" needs help only at the ends: "**/x.md"
    # must match a top-level "x.md" and "drafts/**" the folder "drafts" itself.
    pattern = pattern.removeprefix("./")
    if fnmatch.fnmatchcase(path, pattern):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatchcase(path, pattern[3:]):
        return True
    return pattern.endswith("/**") and fnmatch.fnmatchcase(path, pattern[:-3])


# -- checks: each takes the raw value and "file: key" for its message --------------------------

def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ConfigError(f"{where}: expected a list of strings, got {_type(value)}")
    for item in value:
        if not isinstance(item, str):
            raise ConfigError(f"{where}: expected a list of strings, found {item!r}")
    return tuple(value)


def _codes(value: Any, where: str) -> tuple[str, ...]:
    codes = _string_list(value, where)
    for code in codes:
        _check_code(code, where)
    return codes


def _check_code(code: str, where: str) -> None:
    if not _CODE.fullmatch(code):
        raise ConfigError(f"{where}: {code!r} is not a rule code or prefix (like FC101 or FC1)")
    known = _known_codes()
    if not any(rule.startswith(code) for rule in known):
        # A selector that matches no rule would leave a run quietly green: say which code was meant.
        hint = f" (did you mean {_nearest(code, known)}?)"
        raise ConfigError(f"{where}: {code!r} matches no rule{hint}; `figcheck rule --all` lists them")


def _nearest(code: str, known: Iterable[str]) -> str:
    """The known code or prefix of the same length closest to `code`: most leading characters
    in common, then the nearest number ("FC203" -> "FC202", not "FC503")."""
    candidates = {rule[: len(code)] for rule in known}

    def distance(candidate: str) -> tuple[int, int]:
        common = next((i for i, (a, b) in enumerate(zip(code, candidate, strict=False)) if a != b), len(code))
        digits = abs(int(candidate[2:] or 0) - int(code[2:] or 0))
        return -common, digits

    return min(sorted(candidates), key=distance)


@functools.cache
def _known_codes() -> tuple[str, ...]:
    from figcheck.rules import load_rules

    return tuple(rule.code for rule in load_rules())


def _severity(value: Any, where: str) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {_type(value)}")
    try:
        return Severity.parse(value)
    except ValueError as error:
        raise ConfigError(f"{where}: {error}") from None


def _severities(value: Any, where: str) -> Mapping[str, Severity]:
    table = _table(value, where)
    for code in table:
        _check_code(code, f"{where}.{code}")
    return MappingProxyType({code: _severity(v, f"{where}.{code}") for code, v in table.items()})


def _per_file(value: Any, where: str) -> Mapping[str, tuple[str, ...]]:
    table = _table(value, where)
    return MappingProxyType({glob: _codes(v, f"{where}.{glob}") for glob, v in table.items()})


def _fail_on(value: Any, where: str) -> Severity | None:
    if isinstance(value, str) and value.strip().lower() == "never":
        return None
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {_type(value)}")
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(
            f"{where}: unknown level {value!r} (use info, warning, error or never)"
        ) from None


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{where}: expected a number, got {_type(value)}")
    if not math.isfinite(value) or value < 0:
        raise ConfigError(f"{where}: expected a finite number >= 0, got {value!r}")
    return float(value)


def _tolerances(value: Any, where: str) -> Mapping[str, float]:
    table = _table(value, where)
    return MappingProxyType({name: _number(v, f"{where}.{name}") for name, v in table.items()})


def _positive_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{where}: expected a whole number, got {_type(value)}")
    if value <= 0:
        raise ConfigError(f"{where}: expected a number above 0, got {value}")
    return value


def _positive(value: Any, where: str) -> float:
    number = _number(value, where)
    if number <= 0:
        raise ConfigError(f"{where}: expected a number above 0, got {value!r}")
    return number


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a table, got {_type(value)}")
    return value


def _type(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


# Fields the command line layers over the file's rather than replacing (see Config.cli_select).
_LAYERED = {"select": "cli_select", "ignore": "cli_ignore", "extend_select": "cli_extend_select",
            "extend_exclude": "extend_exclude"}

# File key -> (Config field, check). Adding a setting is one line here plus the field.
_FIELDS: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "extend-select": ("extend_select", _codes),
    "severity": ("severity", _severities),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "exclude": ("exclude", _string_list),
    "extend-exclude": ("extend_exclude", _string_list),
    "fail-on": ("fail_on", _fail_on),
    "tolerance": ("tolerance", _tolerances),
    "max-bytes": ("max_bytes", _positive_int),
    "timeout": ("timeout", _positive),
}
