"""Load and validate rule files: a rule is data naming a kind; errors name the file and key."""

from __future__ import annotations

import dataclasses
import functools
import re
import string
import tomllib
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from figcheck.errors import RuleFileError
from figcheck.kinds import KINDS
from figcheck.model import Severity

_KEYS = {"code", "name", "kind", "relation", "severity", "message", "params", "docs", "flag", "trap", "todo", "status"}
_CODE = re.compile(r"^FC\d{3}$")


@dataclass(frozen=True)
class Example:
    text: str
    cover: tuple[str, ...] = ()
    why: str = ""
    published: str | None = None
    expect: str = "flag"


@dataclass(frozen=True)
class Rule:
    """One rule file: a kind, its parameters, its message, its docs and examples."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    params: Any
    what: str
    why: str
    flags: tuple[Example, ...]
    traps: tuple[Example, ...]
    todos: tuple[Example, ...]
    path: str
    status: str = "active"
    # The relation its findings report as their kind, when the kind that checks it is not named
    # after it: the per-share line of an earnings digest is a rate, a currency pair a conversion.
    relation: str = ""

    @property
    def reports(self) -> str:
        """The kind its findings carry in every report: its relation, else its kind."""
        return self.relation or self.kind

    def as_dict(self) -> dict[str, Any]:
        """The rule as report formats read it (SARIF rules[], `figcheck rule --format json`)."""
        return {
            "code": self.code, "name": self.name, "kind": self.kind, "relation": self.reports, "severity": self.severity.label,
            "message": self.message, "status": self.status, "params": dataclasses.asdict(self.params),
            "docs": {"what": self.what, "why": self.why},
            "flag": [{"text": e.text, "cover": list(e.cover)} for e in self.flags],
            "trap": [{"text": e.text, "why": e.why} for e in self.traps],
        }


def rules_dir() -> Path:
    """The shipped rule files: `rules/` beside the package in a checkout, else the installed copy."""
    here = Path(__file__).resolve().parent.parent / "rules"
    if here.is_dir() and any(here.glob("FC*.toml")):
        return here
    from importlib import resources

    return Path(str(resources.files("figcheck.rule_files")))


@functools.cache
def load_rules(folder: str | None = None) -> tuple[Rule, ...]:
    """Every rule in the folder, sorted by code; removed rules (tombstones) are left out."""
    path = Path(folder) if folder else rules_dir()
    rules = [load_rule(p) for p in sorted(path.glob("FC*.toml"))]
    codes = [r.code for r in rules]
    dupes = {c for c in codes if codes.count(c) > 1}
    if dupes:
        raise RuleFileError(f"{path}: code used twice: {', '.join(sorted(dupes))}")
    return tuple(r for r in rules if r.status != "removed")


def load_rule(path: Path) -> Rule:
    """One rule file, validated: unknown keys, kinds, params or message fields are errors."""
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleFileError(f"{name}: {exc}") from None
    unknown = set(data) - _KEYS
    if unknown:
        raise RuleFileError(f"{name}: unknown key {sorted(unknown)[0]!r}")
    for key in ("code", "name", "kind", "severity", "message"):
        if not isinstance(data.get(key), str):
            raise RuleFileError(f"{name}: {key}: required, a string")
    if not _CODE.match(data["code"]):
        raise RuleFileError(f"{name}: code: {data['code']!r} is not FC followed by three digits")
    if name != f"{data['code']}-{data['name']}.toml":
        raise RuleFileError(f"{name}: the file must be named {data['code']}-{data['name']}.toml")
    kind = KINDS.get(data["kind"])
    if kind is None:
        raise RuleFileError(f"{name}: kind: unknown kind {data['kind']!r} (known: {', '.join(sorted(KINDS))})")
    relation = data.get("relation", "")
    if relation and (not isinstance(relation, str) or relation not in KINDS):
        raise RuleFileError(f"{name}: relation: unknown relation {relation!r} (known: {', '.join(sorted(KINDS))})")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as exc:
        raise RuleFileError(f"{name}: severity: {exc}") from None
    try:
        params = kind.params(**data.get("params", {}))
    except TypeError as exc:
        raise RuleFileError(f"{name}: params: {exc}") from None
    _check_choices(name, params)
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(data["message"]) if f}
    except ValueError as exc:
        raise RuleFileError(f"{name}: message: {exc}") from None
    if not fields <= set(kind.fields):
        raise RuleFileError(f"{name}: message: unknown field {sorted(fields - set(kind.fields))[0]!r} "
                            f"(kind {kind.name} has {', '.join(kind.fields)})")
    docs = data.get("docs", {})
    if not isinstance(docs.get("what"), str) or not isinstance(docs.get("why"), str):
        raise RuleFileError(f"{name}: docs: needs what and why")
    return Rule(
        code=data["code"], name=data["name"], kind=data["kind"], severity=severity, message=data["message"],
        params=params, what=docs["what"].strip(), why=docs["why"].strip(),
        flags=tuple(_example(name, "flag", e) for e in data.get("flag", [])),
        traps=tuple(_example(name, "trap", e, expect="quiet") for e in data.get("trap", [])),
        todos=tuple(_example(name, "todo", e, expect=e.get("expect", "flag")) for e in data.get("todo", [])),
        path=str(path), status=data.get("status", "active"), relation=relation,
    )


def _check_choices(name: str, params: Any) -> None:
    """A parameter typed Literal["a", "b"] takes one of those values, and a number takes a number."""
    hints = typing.get_type_hints(type(params))
    for f in dataclasses.fields(params):
        value, hint = getattr(params, f.name), hints.get(f.name)
        if typing.get_origin(hint) is typing.Literal and value not in typing.get_args(hint):
            choices = ", ".join(repr(c) for c in typing.get_args(hint))
            raise RuleFileError(f"{name}: params.{f.name}: {value!r} is not one of {choices}")
        if hint in (int, float) and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise RuleFileError(f"{name}: params.{f.name}: expected a number, got {value!r}")


def _example(name: str, section: str, entry: dict, expect: str = "flag") -> Example:
    if not isinstance(entry.get("text"), str):
        raise RuleFileError(f"{name}: {section}: every example needs text")
    extra = set(entry) - {"text", "cover", "why", "published", "expect"}
    if extra:
        raise RuleFileError(f"{name}: {section}: unknown key {sorted(extra)[0]!r}")
    return Example(entry["text"], tuple(entry.get("cover", ())), entry.get("why", ""), entry.get("published"), expect)
