"""The shipped JSON Schema: up to date, documented in Chinese, and agreeing with `check`."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT
from zsdreport.build import check
from zsdreport.errors import DataError
from zsdreport.schema.export import REPORT_SCHEMA, SECTION_SCHEMA, schema_files

SCHEMA_DIR = ROOT / "schema"
FOLDERS = sorted(p.parent for p in ROOT.glob("data/*/report.yaml")) + sorted(
    p.parent for p in ROOT.glob("tests/data/*/report.yaml")
)
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


class Core12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as the editor's YAML server reads a file: `2023-07-10` is a string."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
]:
    Core12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{tag}", re.compile(pattern), [*first, ""] if tag == "null" else first
    )


def schema(name: str) -> dict[str, Any]:
    return dict(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")))


def schema_for(path: Path) -> str:
    return REPORT_SCHEMA if path.name == "report.yaml" else SECTION_SCHEMA


def errors(path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Core12Loader)
    validator = jsonschema.Draft202012Validator(schema(schema_for(path)))
    return [e.message for e in validator.iter_errors(data)]


def test_shipped_schema_files_are_up_to_date() -> None:
    # Run `zsdreport schema` after changing a model, and commit the result.
    for name, content in schema_files().items():
        assert (SCHEMA_DIR / name).read_bytes() == content, name


def test_schemas_are_draft_2020_12_and_valid() -> None:
    for name in (REPORT_SCHEMA, SECTION_SCHEMA):
        document = schema(name)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(document)


def fields(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for model, definition in [("", document), *document.get("$defs", {}).items()]:
        for key, field in definition.get("properties", {}).items():
            yield f"{model}.{key}", field


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", [REPORT_SCHEMA, SECTION_SCHEMA])
def test_every_field_has_a_chinese_title_description_and_example(name: str) -> None:
    found = list(fields(schema(name)))
    assert len(found) >= 10
    for where, field in found:
        assert CJK.search(field.get("title", "")), where
        assert CJK.search(field.get("description", "")), where
        assert field.get("examples"), where
    for where, definition in schema(name).get("$defs", {}).items():
        assert CJK.search(definition["title"]) and CJK.search(definition["description"]), where


def data_files() -> list[Path]:
    return [p for folder in FOLDERS for p in sorted(folder.glob("*.yaml"))]


def test_there_are_data_folders_to_check() -> None:
    assert ROOT / "data" / "2023H1" in FOLDERS and ROOT / "tests" / "data" / "mini" in FOLDERS


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_matches_its_schema(path: Path) -> None:
    assert errors(path) == []


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_names_its_schema_for_the_editor(path: Path) -> None:
    (target,) = MODELINE.findall(path.read_text(encoding="utf-8"))
    assert (path.parent / target).resolve() == SCHEMA_DIR / schema_for(path)


def test_vscode_maps_the_schemas_and_recommends_the_yaml_extension() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(k).name for k in settings["yaml.schemas"]}
    assert mapped == {REPORT_SCHEMA, SECTION_SCHEMA}
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


# Each mistake changes one line of the mini period; both the schema and `check` must refuse it.
WRONG = {
    "unknown field": ("work-party.yaml", "heading: ", "headline: "),
    "words for a number": ("work-party.yaml", "value: 3,", "value: 三,"),
    "digits out of range": ("work-party.yaml", "digits: 1,", "digits: 9,"),
    "period": ("report.yaml", "period: 2023H1", "period: 2023上半年"),
    "unknown format": ("report.yaml", "sections:", "output: {formats: [doc]}\nsections:"),
    "bad metric id": ("work-party.yaml", "  handled:", "  Handled:"),
}


@pytest.mark.parametrize("case", list(WRONG))
def test_a_wrong_file_is_refused_by_the_schema_and_by_check(case: str, tmp_path: Path) -> None:
    name, old, new = WRONG[case]
    folder = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "data" / "mini", folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert errors(path), "the schema accepts it"
    with pytest.raises(DataError) as refused:
        check(folder)
    assert any(p.file == path and p.is_error for p in refused.value.problems)


def test_schema_command_writes_the_shipped_files(tmp_path: Path) -> None:
    from zsdreport.cli import main

    with pytest.raises(SystemExit) as done:
        main(["schema", "-o", str(tmp_path)])
    assert done.value.code == 0
    for name in (REPORT_SCHEMA, SECTION_SCHEMA):
        assert (tmp_path / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()
