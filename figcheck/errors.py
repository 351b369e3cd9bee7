"""The one error base figcheck raises, and its subclasses.

    FigcheckError            anything the CLI reports as one line and exit code 2
    ├── InputError           an article that cannot be read or parsed
    ├── ConfigError          a bad figcheck.toml / [tool.figcheck]: names the file and key
    ├── RuleFileError        a bad rule file: names the file and key
    ├── LimitError           an article over the size or time limit
    └── OutputError          a report that cannot be written: a full disk, a closed pipe or stream
"""

from __future__ import annotations


class FigcheckError(Exception):
    """Base of every error figcheck raises on purpose."""


class InputError(FigcheckError):
    """An input that cannot be read: missing, binary, bad encoding, broken JSON."""


class ConfigError(FigcheckError):
    """A configuration file with an unknown key or a bad value."""


class RuleFileError(FigcheckError):
    """A rule file with an unknown kind, key, parameter or message field."""


class LimitError(FigcheckError):
    """An article larger or slower than the configured limit."""


class OutputError(FigcheckError):
    """A report destination that failed: no space left, a reader gone, a closed stream."""
