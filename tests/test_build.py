"""The shipped period end to end: fidelity to the clerk's original, figures as data, outputs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.fidelity import differences, ratio, read_text
from zsdreport.build import build

MIN_RATIO = 0.995


def built(data: Path, out: Path, formats: str = "md,docx") -> dict[str, Path]:
    result = build(data, out, formats)
    return {p.suffix.lstrip("."): p for p in result.outputs}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.conftest import DATA

    return built(DATA, tmp_path_factory.mktemp("out"))


def test_output_names_come_from_the_title(outputs: dict[str, Path]) -> None:
    assert sorted(p.name for p in outputs.values()) == [
        "祖师殿镇2023年上半年工作总结.docx",
        "祖师殿镇2023年上半年工作总结.md",
    ]


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_text_matches_the_original_report(
    fmt: str, outputs: dict[str, Path], report_figure: Callable[[str], None]
) -> None:
    reference = SEED.read_text(encoding="utf-8")
    candidate = read_text(outputs[fmt])
    value = ratio(reference, candidate)
    report_figure(
        f"fidelity of the {fmt} text to the seed report: {value:.4f} (minimum {MIN_RATIO})"
    )
    assert value >= MIN_RATIO, "\n".join(differences(reference, candidate))


@pytest.mark.parametrize("template", ["default", "custom"])
def test_docx_paragraphs_carry_exactly_the_markdown_text(
    template: str, outputs: dict[str, Path], tmp_path: Path
) -> None:
    import docx

    from tests.conftest import DATA
    from tests.custom_template import ADDED, customised
    from tests.markdown_reader import read_blocks

    if template == "custom":
        result = build(DATA, tmp_path / "out", "md,docx", customised(tmp_path / "tpl"))
        outputs = {p.suffix.lstrip("."): p for p in result.outputs}
    markdown = [text for _, text in read_blocks(outputs["md"].read_text(encoding="utf-8"))]
    paragraphs = [p.text for p in docx.Document(str(outputs["docx"])).paragraphs if p.text.strip()]
    assert paragraphs == markdown
    assert (ADDED in markdown) == (template == "custom")


def test_changing_one_metric_changes_every_place_it_is_printed(
    shipped_data: Path, tmp_path: Path
) -> None:
    before = built(shipped_data, tmp_path / "before")
    party = shipped_data / "work-party.yaml"
    text = party.read_text(encoding="utf-8")
    declaration = re.search(r"^  village_count: \{.*value: 18,.*$", text, re.M)
    assert declaration, "village_count is declared with value 18"
    party.write_text(
        text.replace(declaration.group(), declaration.group().replace("18", "1234")),
        encoding="utf-8",
    )
    after = built(shipped_data, tmp_path / "after")
    for fmt in ("md", "docx"):
        old, new = read_text(before[fmt]), read_text(after[fmt])
        uses = old.count("18个村")
        assert uses >= 2
        assert new.count("1234个村") == uses
        assert new.count("18个村") == 0
        assert new.replace("1234个村", "18个村") == old


def test_a_derived_figure_follows_its_inputs(shipped_data: Path, tmp_path: Path) -> None:
    livelihood = shipped_data / "work-livelihood.yaml"
    text = livelihood.read_text(encoding="utf-8")
    livelihood.write_text(text.replace("value: 566,", "value: 500,"), encoding="utf-8")
    markdown = read_text(built(shipped_data, tmp_path, "md")["md"])
    assert "办结500件，办结率88.0%" in markdown


def test_every_arabic_figure_in_the_body_comes_from_data(
    shipped_data: Path, tmp_path: Path
) -> None:
    """Typing a digit into the prose would defeat figures-as-data; years come from the period."""
    from zsdreport.check.validate import load_report, prose_fields

    report, _ = load_report(shipped_data)
    assert report is not None
    typed = [
        (s.path.name, path, m.group())
        for s, path, text in prose_fields(report)
        for m in re.finditer(r"\d+", re.sub(r"\{[a-z_]+\}", "", text))
    ]
    assert typed == []
    assert len(report.figures) >= 75
