"""The one way the command line writes text: control characters from the data are made visible.

A message quotes the data (a file name, a field, a line of a file); an ESC sequence in it could
erase the error from the terminal and print a fake 校验通过, and a lone surrogate would crash
the write. Everything the CLI prints passes through ``say``.
"""

from __future__ import annotations

import typer

from zsdreport.text import visible


def say(text: str, *, err: bool = False, nl: bool = True, data: bool = False) -> None:
    """Print ``text`` with every control or invisible character written out as <U+001B>.

    ``data`` output (CSV, JSON) keeps invisible but harmless characters such as U+200B, which
    are part of the data; control characters and lone surrogates are still written out.
    """
    if data:
        shown = (
            "".join(f"<U+{ord(ch):04X}>" if _harmful(ch) else ch for ch in text)
            if any(_harmful(ch) for ch in text)
            else text
        )
    else:
        shown = visible(text, keep="\n\t")
    typer.echo(shown, err=err, nl=nl)


def _harmful(ch: str) -> bool:
    code = ord(ch)
    return (code < 0x20 and ch not in "\n\t") or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000
