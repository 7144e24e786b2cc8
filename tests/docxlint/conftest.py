"""Fixtures for the .docx checker: lint a python-docx Document saved under tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document as DocumentObject

from tests.docxlint.samples import conforming, save
from zsdreport.docxlint import LintResult, lint_docx

Lint = Callable[[DocumentObject], LintResult]


def failing(result: LintResult) -> set[str]:
    """Return the ids of every rule that did not pass, errors and warnings alike."""
    return {r.rule_id for r in result if not r.passed}


@pytest.fixture
def lint(tmp_path: Path) -> Lint:
    """Return a function that saves a Document and lints it."""

    def run(doc: DocumentObject) -> LintResult:
        return lint_docx(save(doc, tmp_path))

    return run


@pytest.fixture
def doc() -> DocumentObject:
    """Return a fresh conforming document for a test to break."""
    return conforming()
