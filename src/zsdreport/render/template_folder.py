"""Template folders: the shipped one, a user's one (checked, never mixed), and exporting."""

from __future__ import annotations

from pathlib import Path

from zsdreport.errors import UsageError

TEMPLATE = "report.md.j2"
"""The document template: the one file a template folder must hold."""

REQUIRED = (TEMPLATE,)


def default_templates() -> Path:
    """Return the folder of the templates that ship with zsdreport."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source tree, where templates/ sits at the top.
    return Path(__file__).resolve().parents[3] / "templates"


def check_folder(folder: Path) -> Path:
    """Return ``folder`` if it holds every required template under its exact name.

    A user's folder replaces the shipped one as a whole: a misnamed file must not quietly
    give the default layout, so it is a usage error naming the file expected.
    """
    if not folder.is_dir():
        raise UsageError(f"找不到模板文件夹：{folder}")
    # Compare names as listed: on Windows and macOS "Report.md.j2" would open as report.md.j2.
    present = {p.name for p in folder.iterdir() if p.is_file()}
    for name in REQUIRED:
        if name in present:
            continue
        near = sorted(p for p in present if _looks_like(p, name))
        hint = f"（文件夹里有 {'、'.join(near)}：请改名为 {name}）" if near else ""
        raise UsageError(
            f"模板文件夹 {folder} 中没有 {name}{hint}；"
            f"可用 zsdreport templates export {folder} 导出默认模板后修改"
        )
    return folder


def _looks_like(name: str, expected: str) -> bool:
    """Tell whether ``name`` is probably a misnamed ``expected`` (case, suffix or stem differs)."""
    stem = expected.split(".")[0]
    lower = name.lower()
    return lower.startswith(stem) or lower.endswith((".j2", ".jinja", ".jinja2"))


def export_templates(folder: Path, *, force: bool = False) -> list[Path]:
    """Write the shipped templates into ``folder`` for editing; refuse to overwrite unless ``force``."""
    from zsdreport.write import write_all

    shipped = sorted(p for p in default_templates().iterdir() if p.is_file())
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} 已存在且不是文件夹")
    existing = [p.name for p in shipped if (folder / p.name).exists()]
    if existing and not force:
        raise UsageError(
            f"{folder} 中已有 {'、'.join(existing)}，未覆盖；确实要用默认模板替换时加 --force"
        )
    return write_all(folder, {p.name: p.read_bytes() for p in shipped})
