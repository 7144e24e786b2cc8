"""Pydantic models of the data files. No file access here: plain data in, models out.

The models are imported on first use (``from zsdreport.schema import ReportFile``), so that a
process needing only the style profile (the .docx writer, render/worker.py) defines no others.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zsdreport.schema.report import Output, Period, ReportFile, SectionGroup
    from zsdreport.schema.section import Item, Metric, Point, SectionFile, SubItem, Table
    from zsdreport.schema.style import StyleProfile

_MODULES = {
    "Item": "section",
    "Metric": "section",
    "Output": "report",
    "Period": "report",
    "Point": "section",
    "ReportFile": "report",
    "SectionFile": "section",
    "SectionGroup": "report",
    "StyleProfile": "style",
    "SubItem": "section",
    "Table": "section",
}

__all__ = [
    "Item",
    "Metric",
    "Output",
    "Period",
    "Point",
    "ReportFile",
    "SectionFile",
    "SectionGroup",
    "StyleProfile",
    "SubItem",
    "Table",
]


def __getattr__(name: str) -> Any:
    """Import the model ``name`` from its module the first time it is asked for."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
