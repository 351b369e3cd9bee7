"""Which files a folder walk leaves out because git ignores them (.gitignore, .git/info/exclude)."""

from __future__ import annotations

import os
from pathlib import Path

from pathspec import GitIgnoreSpec


class GitIgnored:
    """Answers `ignored(path, is_dir)` for paths met in a walk, reading each .gitignore once.

    As git does: the .gitignore files from the repository's top down to the path's folder apply,
    a deeper file's pattern wins over a shallower one, and `!pattern` re-includes. Outside a
    repository the .gitignore files of the walked folders still apply (an export of a repo).
    NOTE: a folder that is ignored is never entered, so nothing under it can be re-included,
    which is git's rule too.
    """

    def __init__(self) -> None:
        self._specs: dict[Path, GitIgnoreSpec | None] = {}
        self._tops: dict[Path, Path | None] = {}

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        """Whether git would ignore `path` (a file, or a folder when `is_dir`)."""
        path = Path(os.path.abspath(path))
        top = self._top(path.parent)
        folders = [path.parent, *path.parent.parents]
        if top is not None:
            folders = folders[: folders.index(top) + 1]
        verdict = None
        # Shallow to deep, so the deepest .gitignore with an opinion has the last word.
        for folder in reversed(folders):
            spec = self._spec(folder, info=folder == top)
            if spec is None:
                continue
            relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(relative)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)

    def _top(self, folder: Path) -> Path | None:
        """The repository's top folder (the one holding .git), or None outside a repository."""
        if folder not in self._tops:
            found = next((place for place in (folder, *folder.parents) if (place / ".git").exists()), None)
            self._tops[folder] = found
        return self._tops[folder]

    def _spec(self, folder: Path, info: bool) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            # .git/info/exclude first: the top .gitignore's lines come later and so win over it.
            files = ([folder / ".git" / "info" / "exclude"] if info else []) + [folder / ".gitignore"]
            for file in files:
                try:
                    lines += file.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue  # no such file, or unreadable: git skips it too
            self._specs[folder] = GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]
