"""What a comparison of two periods holds: changed figures, moved items, prose changes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

FigureStatus = Literal["changed", "renamed", "added", "removed", "unit_changed"]
ItemStatus = Literal["added", "removed", "moved"]
Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class FigureChange:
    """One figure that differs between the periods (unchanged figures are only counted)."""

    id: str
    status: FigureStatus
    label: str
    old_label: str | None
    old: Decimal | None
    new: Decimal | None
    old_text: str
    new_text: str
    change: Decimal | None
    rate: Decimal | None
    unit: str
    old_unit: str | None
    computed: bool

    @property
    def renamed(self) -> bool:
        """Tell whether the label changed (the figure kept its id)."""
        return self.old_label is not None


@dataclass(frozen=True)
class Segment:
    """A run of a character-level diff: kept, deleted (old text) or inserted (new text)."""

    op: Op
    text: str


@dataclass(frozen=True)
class ItemChange:
    """An item (条目) or section (节) added, removed or moved; ``where`` is its printed place."""

    status: ItemStatus
    kind: str
    title: str
    old_where: str | None
    new_where: str | None


@dataclass(frozen=True)
class ProseChange:
    """The wording of one item changed: the diff, cut down to the changes and their context."""

    kind: str
    title: str
    where: str
    segments: list[Segment]


@dataclass(frozen=True)
class MetaChange:
    """A field of report.yaml that differs: period, date, title, signing organs."""

    field: str
    label: str
    old: str
    new: str


@dataclass
class Comparison:
    """Everything ``zsdreport diff`` reports about OLD → NEW."""

    old: str
    new: str
    old_period: str
    new_period: str
    meta: list[MetaChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    unchanged_figures: int = 0
    sections: list[ItemChange] = field(default_factory=list)
    items: list[ItemChange] = field(default_factory=list)
    prose: list[ProseChange] = field(default_factory=list)

    @property
    def different(self) -> bool:
        """Tell whether anything at all differs."""
        return bool(self.meta or self.figures or self.sections or self.items or self.prose)

    def counts(self) -> dict[str, int]:
        """Return how many changes of each kind there are (the summary line and JSON)."""
        figures = [f.status for f in self.figures]
        items = [i.status for i in self.items]
        return {
            "figures_changed": figures.count("changed"),
            "figures_added": figures.count("added"),
            "figures_removed": figures.count("removed"),
            "figures_unit_changed": figures.count("unit_changed"),
            "figures_relabelled": sum(f.renamed for f in self.figures),
            "figures_unchanged": self.unchanged_figures,
            "sections_changed": len(self.sections),
            "items_added": items.count("added"),
            "items_removed": items.count("removed"),
            "items_moved": items.count("moved"),
            "prose_changes": len(self.prose),
        }

    def to_data(self) -> dict[str, Any]:
        """Return the comparison as JSON-ready data (numbers as strings, exactly as printed)."""
        data = asdict(self)
        for figure in data["figures"]:
            for key in ("old", "new", "change", "rate"):
                value = figure[key]
                figure[key] = None if value is None else format(value, "f")
        data["counts"] = self.counts()
        data["different"] = self.different
        return data
