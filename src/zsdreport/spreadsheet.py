"""Cells for spreadsheets: user text written to CSV or xlsx can never become a formula.

Excel, WPS and LibreOffice run a cell that starts with = + - @ (or a tab or carriage return
before one) as a formula: a label such as ``=HYPERLINK("http://…")`` in the data would be a link
or a command in the clerk's spreadsheet. Such text gets a leading apostrophe, which the
spreadsheet shows as text (OWASP "CSV injection"); numbers such as -2 or +3.5 stay numbers.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_cell(value: str) -> str:
    """Return ``value`` safe for a spreadsheet cell: text that would start a formula gets a ' first."""
    if value.startswith(_FORMULA_START) and _NUMBER.fullmatch(value) is None:
        return "'" + value
    return value
