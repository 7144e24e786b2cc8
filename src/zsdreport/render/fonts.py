"""Which of the chosen fonts this machine has (fontconfig), so a PDF build can warn."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

from zsdreport.render.print_style import KINDS

if TYPE_CHECKING:
    from zsdreport.render.print_style import PrintStyle


def installed_families() -> set[str] | None:
    """Return the font family names fontconfig knows, or None when fc-list is unavailable."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        result = subprocess.run(
            [fc_list, "--format", "%{family}\n"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    families: set[str] = set()
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        families.update(name.strip() for name in line.split(",") if name.strip())
    return families


def missing_fonts(style: PrintStyle, families: set[str]) -> list[str]:
    """Return the profile's fonts (in order, once each) that are not among ``families``."""
    wanted = dict.fromkeys(style.font(kind) for kind in KINDS)
    return [name for name in wanted if name not in families]
