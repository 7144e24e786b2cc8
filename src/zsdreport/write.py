"""The only place that writes output: each file goes to a temporary name, then is renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from zsdreport.errors import OutputError


def safe_name(name: str) -> str:
    """Return ``name`` usable as a file name on Windows and Linux: no folders, no reserved marks."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    cleaned = cleaned.strip(" .")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned or "report"


# Names Windows gives to devices: a file called CON.md cannot be created there.
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}


def write_all(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file into ``out_dir`` atomically; if any write fails, none is replaced.

    All contents are written to temporary files first and renamed only when all succeeded,
    so a failed build leaves earlier outputs untouched.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"无法创建输出文件夹 {out_dir}：{e.strerror}") from e
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            target = out_dir / name
            if target.resolve().parent != out_dir.resolve():
                raise OutputError(f"输出文件名 {name} 不能指向输出文件夹之外")
            fd, tmp = tempfile.mkstemp(prefix=".zsd-", suffix=".tmp", dir=out_dir)
            staged.append((Path(tmp), target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        for staged_file, target in staged:
            os.replace(staged_file, target)
    except OSError as e:
        raise OutputError(f"写入输出失败：{e}") from e
    finally:
        for staged_file, _ in staged:
            staged_file.unlink(missing_ok=True)
    return [target for _, target in staged]
