"""Which data folders a set of changed files belongs to: for the pre-commit hook."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

REPORT_FILE = "report.yaml"


def data_folders(files: Iterable[Path]) -> list[Path]:
    """Return the data folders (holding report.yaml) that contain ``files``, each once, in order."""
    found: dict[Path, None] = {}
    for file in files:
        for folder in file.absolute().parents:
            if (folder / REPORT_FILE).is_file():
                found[folder] = None
                break
    cwd = Path.cwd()
    return [_relative(folder, cwd) for folder in found]


def _relative(folder: Path, cwd: Path) -> Path:
    try:
        return folder.relative_to(cwd)
    except ValueError:
        return folder
