"""``zsdreport git-setup``: let ``git diff`` show built .docx files as text, via ``zsdreport totext``."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from zsdreport.errors import OutputError, UsageError

ATTRIBUTE = "*.docx diff=zsdreport"
DRIVER = "diff.zsdreport.textconv"


def textconv_command() -> str:
    """Return the textconv command: ``zsdreport totext``, by full path when not on PATH."""
    if shutil.which("zsdreport"):
        return "zsdreport totext"
    script = Path(sys.argv[0]).resolve()
    if script.name.startswith("zsdreport") and script.is_file():
        return f"{shlex.quote(str(script))} totext"
    return f"{shlex.quote(sys.executable)} -m zsdreport totext"


def _git(args: list[str], folder: Path) -> str:
    git = shutil.which("git")
    if git is None:
        raise UsageError("找不到 git：请先安装 git")
    result = subprocess.run([git, *args], cwd=folder, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UsageError(f"git {' '.join(args)} 失败：{result.stderr.strip() or result.returncode}")
    return result.stdout.strip()


def git_setup(folder: Path) -> list[str]:
    """Add the .gitattributes line and the textconv driver to the repository at ``folder``."""
    from zsdreport.write import write_all

    if not folder.is_dir():
        raise UsageError(f"找不到文件夹：{folder}")
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder))
    except UsageError as e:
        raise UsageError(f"{folder} 不在 git 仓库中：请在仓库里运行（{e}）") from e
    done: list[str] = []
    attributes = top / ".gitattributes"
    try:
        text = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
    except (OSError, UnicodeDecodeError) as e:
        raise OutputError(f"无法读取 {attributes}：请确认它是 UTF-8 文本") from e
    if ATTRIBUTE not in text.splitlines():
        content = text + ("" if not text or text.endswith("\n") else "\n") + ATTRIBUTE + "\n"
        write_all(top, {".gitattributes": content.encode("utf-8")})
        done.append(f"已在 {attributes} 中加入：{ATTRIBUTE}")
    else:
        done.append(f"{attributes} 中已有：{ATTRIBUTE}")
    command = textconv_command()
    _git(["config", DRIVER, command], top)
    done.append(f'已设置 git config {DRIVER} "{command}"')
    return done
