"""Round trips: the seed report, and the .docx and .md that build writes, import and build again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED
from tests.fidelity import differences, ratio, read_text
from tests.importer.conftest import imported, outline_of
from zsdreport.build import build
from zsdreport.load.reader import load_file

MIN_SEED_RATIO = 0.99
MIN_WORD_RATIO = 0.999
MIN_SEED_FIGURES = 60


def built(data: Path, out: Path) -> dict[str, Path]:
    return {p.suffix.lstrip("."): p for p in build(data, out, "md,docx").outputs}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(DATA, tmp_path_factory.mktemp("shipped"))


def test_seed_round_trip(tmp_path: Path, report_figure: Callable[[str], None]) -> None:
    result = imported(SEED, tmp_path / "data")
    outputs = built(tmp_path / "data", tmp_path / "out")
    reference = SEED.read_text(encoding="utf-8")
    for fmt in ("md", "docx"):
        value = ratio(reference, read_text(outputs[fmt]))
        report_figure(
            f"import: seed .txt → data → {fmt}: fidelity {value:.4f} (minimum {MIN_SEED_RATIO})"
        )
        assert value >= MIN_SEED_RATIO, "\n".join(differences(reference, read_text(outputs[fmt])))
    report_figure(
        f"import: figures extracted from the seed: {result.figures} (minimum {MIN_SEED_FIGURES})"
    )
    assert result.figures >= MIN_SEED_FIGURES
    assert outline_of(tmp_path / "data") == outline_of(DATA)


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_built_report_round_trip(
    fmt: str, shipped: dict[str, Path], tmp_path: Path, report_figure: Callable[[str], None]
) -> None:
    imported(shipped[fmt], tmp_path / "data")
    again = built(tmp_path / "data", tmp_path / "out")
    reference = read_text(shipped[fmt])
    value = ratio(reference, read_text(again[fmt]))
    report_figure(
        f"import: built .{fmt} → data → .{fmt}: fidelity {value:.4f} (minimum {MIN_WORD_RATIO})"
    )
    assert value >= MIN_WORD_RATIO, "\n".join(differences(reference, read_text(again[fmt])))
    assert outline_of(tmp_path / "data") == outline_of(DATA)


def test_seed_figures_become_metrics(tmp_path: Path) -> None:
    imported(SEED, tmp_path / "data")
    livelihood = (tmp_path / "data" / "work-livelihood.yaml").read_text(encoding="utf-8")
    revitalization = (tmp_path / "data" / "work-revitalization.yaml").read_text(encoding="utf-8")
    # A run of two figures, a decimal, and a rate that a formula reproduces (kept typed, flagged).
    assert "脱贫户{revitalization_households_1}{revitalization_people_1}" in revitalization
    assert "{label: 脱贫户, value: 1743, unit: 户}" in revitalization
    assert "value: 35.1442, unit: 万元" in livelihood
    rate = load_file(tmp_path / "data" / "work-livelihood.yaml").data["metrics"][
        "livelihood_rate_1"
    ]
    assert rate["value"] == "99.6" and rate["unit"] == "%"
    assert rate["note"].startswith("可由公式 livelihood_cases_2 / livelihood_cases_1 * 100 算出")
    # Years of the period are period words; 二十大 and dates are not figures.
    assert "{year}年以来共接待群众咨询" in livelihood
    assert "{prev_year}年秋季" in revitalization
    assert "二十大" in (tmp_path / "data" / "work-party.yaml").read_text(encoding="utf-8")


def test_no_metrics_keeps_the_prose(tmp_path: Path) -> None:
    result = imported(SEED, tmp_path / "data", metrics=False)
    assert result.figures == 0
    livelihood = (tmp_path / "data" / "work-livelihood.yaml").read_text(encoding="utf-8")
    assert "metrics" not in livelihood and "办结率99.6%" in livelihood
