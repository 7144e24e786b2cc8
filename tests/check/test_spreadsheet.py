"""Text from the data never runs as a spreadsheet formula; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from tests.check.conftest import MINI, Cli, Folder
from zsdreport.spreadsheet import spreadsheet_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x.cn","点我")', '\'=HYPERLINK("http://x.cn","点我")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-2", "-2"),
        ("+3.5", "+3.5"),
        ("566", "566"),
        ("办结率", "办结率"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_text_that_would_start_a_formula_gets_an_apostrophe(value: str, cell: str) -> None:
    assert spreadsheet_cell(value) == cell


def test_metrics_csv_neutralises_labels_units_and_formulas(folder: Folder, cli: Cli) -> None:
    party = MINI["work-party.yaml"].replace(
        "label: 党委理论学习中心组学习, value: 3, unit: 次",
        "label: '=HYPERLINK(\"http://x.cn\",\"学习\")', value: -3, unit: '@次'",
    )
    folder({"work-party.yaml": party})
    run = cli("metrics", "data", "--format", "csv")
    assert run.code == 0, run.err
    rows = list(csv.DictReader(io.StringIO(run.out.lstrip("\ufeff"))))
    first = rows[0]
    assert (first["名称"], first["本期数"], first["单位"]) == (
        '\'=HYPERLINK("http://x.cn","学习")',
        "-3",
        "'@次",
    )
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row.values())
