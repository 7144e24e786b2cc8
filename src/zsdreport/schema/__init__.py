"""Pydantic models of the data files. No file access here: plain data in, models out."""

from zsdreport.schema.report import Output, Period, ReportFile, SectionGroup
from zsdreport.schema.section import Item, Metric, Point, SectionFile, SubItem, Table
from zsdreport.schema.style import StyleProfile

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
