"""The validated report: the report file, its sections in order, and every figure."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from zsdreport.figures.figure import Figure
from zsdreport.figures.references import expand
from zsdreport.load.reader import Source
from zsdreport.schema import ReportFile, SectionFile
from zsdreport.text import prose


# Named tuples, not dataclasses: defined at every start, where a dataclass costs ~1 ms each.
class Section(NamedTuple):
    """A section file as used in the report."""

    name: str
    source: Source
    data: SectionFile


class Part(NamedTuple):
    """A top-level part (一、二、…): one section, or a heading over area sections."""

    heading: str | None
    sections: list[Section]


@dataclass
class Report:
    """Everything ``build`` needs, validated."""

    root: Path
    meta: ReportFile
    source: Source
    parts: list[Part]
    figures: dict[str, Figure] = field(default_factory=dict)
    previous: dict[str, Figure] = field(default_factory=dict)
    """The previous period's figures, loaded when report.yaml asks for a 主要指标对比表."""
    comparisons: dict[str, str] = field(default_factory=dict)
    """What {x.上期}, {x.增减}, {x.增幅} … print (periods/compare.py)."""

    def words(self) -> dict[str, str]:
        """Return what {name} in prose expands to: period words and every figure."""
        words = self.meta.period.words()
        words.update({key: figure.text for key, figure in self.figures.items()})
        words.update(self.comparisons)
        return words

    def title(self) -> str:
        """Return the title as printed: references expanded, punctuation full-width."""
        return prose(expand(self.meta.title, self.words()))

    def output_name(self) -> str:
        """Return the output file name (without suffix) as output.filename asks, unsanitised."""
        return expand(self.meta.output.filename, {**self.words(), "title": self.title()})

    def sections(self) -> list[Section]:
        """Return every section in document order."""
        return [s for part in self.parts for s in part.sections]
