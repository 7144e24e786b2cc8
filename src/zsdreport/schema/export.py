"""The data models as JSON Schema (draft 2020-12), so that editors complete and flag fields."""

from __future__ import annotations

import json
from typing import Any

from zsdreport.schema.base import Model
from zsdreport.schema.report import ReportFile
from zsdreport.schema.section import SectionFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
REPORT_SCHEMA = "report.schema.json"
SECTION_SCHEMA = "section.schema.json"
_MODELS: dict[str, type[Model]] = {REPORT_SCHEMA: ReportFile, SECTION_SCHEMA: SectionFile}


def json_schema(model: type[Model]) -> dict[str, Any]:
    """Return the JSON Schema of the file ``model`` validates, as the editor reads it."""
    return {"$schema": DIALECT, **model.model_json_schema()}


def schema_files() -> dict[str, bytes]:
    """Return each schema file's name and its bytes (UTF-8 JSON, stable, ending in a newline)."""
    return {
        name: (json.dumps(json_schema(model), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        for name, model in _MODELS.items()
    }
