"""JSON lines report: one finding, or one unreadable file, per line."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    """Each finding as its JSON object with "path" added; each errored file as {path, error}."""
    lines = []
    for file in report["files"]:
        head = {"path": file["path"], **({"record": file["record"]} if file.get("record") else {})}
        if file.get("error"):
            lines.append(json.dumps({**head, "error": file["error"]}, ensure_ascii=False))
        for finding in file.get("findings", []):
            lines.append(json.dumps({**head, **finding}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
