"""Control characters made visible in human-readable reports, so no article or file name drives the terminal.

An ESC from an article could clear the screen or set the window title; a newline in a file
name could forge a report line, or a GitHub workflow command (`::add-mask::`). The machine
formats escape by their own rules (JSON, XML); the formats people read use these two.
"""

from __future__ import annotations

# C0 and C1 controls and DEL as \xNN; the bidirectional overrides and isolates as \uNNNN, since
# they reorder what is shown ("Trojan Source"); the line and paragraph separators, which some
# terminals and editors break lines at.
_SHOWN = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_SHOWN.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})
_SHOWN.update({c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)})
_PROSE = {**_SHOWN, **{c: " " for c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029)}}


def visible(text: str) -> str:
    """`text` with every control character written out: a file name, an error, a code list."""
    return text.translate(_SHOWN)


def prose(text: str) -> str:
    """`text` for a line of prose: line breaks and tabs read as spaces, other controls written out."""
    return text.translate(_PROSE)
