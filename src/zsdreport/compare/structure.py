"""Sections and items matched by identity (file name, lead sentence, then likeness), not position."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from zsdreport.compare.model import ItemChange, ProseChange
from zsdreport.compare.tokens import diff_tokens, similarity, with_context
from zsdreport.compare.units import KIND_NAMES, Unit, report_units, section_places
from zsdreport.report import Report

SIMILAR = 0.6
"""Two items without the same lead are the same item when their texts are at least this alike."""

LISTED = ("item", "point")


def _kept(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Return the names that keep their relative order (a longest common subsequence)."""
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    return {name for a, _, size in matcher.get_matching_blocks() for name in old[a : a + size]}


def compare_sections(old: Report, new: Report) -> list[ItemChange]:
    """Return the sections added, removed and moved (a section is its file)."""
    old_places, new_places = section_places(old), section_places(new)
    old_names = [s.name for s in old.sections()]
    new_names = [s.name for s in new.sections()]
    kept = _kept(
        [n for n in old_names if n in new_places], [n for n in new_names if n in old_places]
    )
    changes = [
        ItemChange("removed", "section", f"{n}.yaml", old_places[n], None)
        for n in old_names
        if n not in new_places
    ]
    for name in new_names:
        if name not in old_places:
            changes.append(ItemChange("added", "section", f"{name}.yaml", None, new_places[name]))
        elif name not in kept:
            changes.append(
                ItemChange("moved", "section", f"{name}.yaml", old_places[name], new_places[name])
            )
    return changes


def match_units(old: list[Unit], new: list[Unit]) -> list[tuple[Unit, Unit]]:
    """Pair items and points of both periods: the same lead first, then the most alike text."""
    pairs: list[tuple[Unit, Unit]] = []
    free_old = [u for u in old if u.kind in LISTED]
    free_new = [u for u in new if u.kind in LISTED]
    for unit in list(free_new):
        same = [u for u in free_old if u.kind == unit.kind and u.lead and u.lead == unit.lead]
        if len(same) == 1 and sum(u.lead == unit.lead for u in free_new) == 1:
            pairs.append((same[0], unit))
            free_old.remove(same[0])
            free_new.remove(unit)
    scored = sorted(
        (
            (similarity(a.printed, b.printed), n, m)
            for n, a in enumerate(free_old)
            for m, b in enumerate(free_new)
            if a.kind == b.kind
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, n, m in scored:
        if score < SIMILAR:
            break
        if n not in used_old and m not in used_new:
            pairs.append((free_old[n], free_new[m]))
            used_old.add(n)
            used_new.add(m)
    return pairs


def compare_items(old: Report, new: Report) -> tuple[list[ItemChange], list[ProseChange]]:
    """Return items added, removed and moved, and the wording changes of every unit."""
    old_units, new_units = report_units(old), report_units(new)
    pairs = match_units(old_units, new_units)
    # Headings, section text and the preamble are matched by their section, not by wording.
    fixed = {(u.kind, u.section): u for u in old_units if u.kind not in LISTED}
    pairs += [
        (fixed[(u.kind, u.section)], u)
        for u in new_units
        if u.kind not in LISTED and (u.kind, u.section) in fixed
    ]
    by_new = {id(b): a for a, b in pairs}
    matched_old = {id(a) for a, _ in pairs}
    old_sections = {s.name for s in old.sections()}
    new_sections = {s.name for s in new.sections()}
    changes: list[ItemChange] = []
    for unit in old_units:
        if unit.kind in LISTED and id(unit) not in matched_old and unit.section in new_sections:
            changes.append(ItemChange("removed", unit.kind, unit.title, unit.where, None))
    moved = _moved(pairs)
    for unit in new_units:
        if unit.kind not in LISTED:
            continue
        before = by_new.get(id(unit))
        if before is None:
            if unit.section in old_sections:
                changes.append(ItemChange("added", unit.kind, unit.title, None, unit.where))
        elif id(unit) in moved:
            changes.append(ItemChange("moved", unit.kind, unit.title, before.where, unit.where))
    prose = [
        ProseChange(
            KIND_NAMES[b.kind],
            b.title,
            b.where,
            with_context(diff_tokens(a.tokens, b.tokens)),
        )
        for a, b in sorted(pairs, key=lambda p: new_units.index(p[1]))
        if a.keys != b.keys
    ]
    return changes, prose


def _moved(pairs: list[tuple[Unit, Unit]]) -> set[int]:
    """Return the new units that moved: to another section, or out of order within theirs."""
    moved: set[int] = set()
    sections = {b.section for _, b in pairs if b.kind in LISTED}
    for name in sections:
        here = [(a, b) for a, b in pairs if b.kind in LISTED and b.section == name]
        moved |= {id(b) for a, b in here if a.section != name}
        stay = [(a, b) for a, b in here if a.section == name]
        old_order = [str(id(b)) for a, b in sorted(stay, key=lambda p: _position(p[0]))]
        new_order = [str(id(b)) for a, b in sorted(stay, key=lambda p: _position(p[1]))]
        kept = _kept(old_order, new_order)
        moved |= {id(b) for _, b in stay if str(id(b)) not in kept}
    return moved


def _position(unit: Unit) -> tuple[int, int]:
    return LISTED.index(unit.kind), unit.index
