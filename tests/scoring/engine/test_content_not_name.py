"""Readers open spreadsheets by their content: a file stored without extension (an upload
saved as `download`) or with the wrong one scores as the properly named file does."""

from __future__ import annotations

import csv
import shutil

import pytest

from ckanext.hokkaido.scoring.engine import score_file

from .conftest import CORPUS, rules_of

SPREADSHEET_SUFFIXES = (".xlsx", ".xls", ".ods")


def _corpus_spreadsheets() -> list[str]:
    with open(CORPUS / "manifest.csv", encoding="utf-8", newline="") as stream:
        names = [row["file"] for row in csv.DictReader(stream)]
    return [n for n in names if n.endswith(SPREADSHEET_SUFFIXES)]


def _verdict(result: dict) -> tuple:
    return (
        result["format"],
        result["stars"],
        result["machine_readable"],
        rules_of(result),
        result["error"],
    )


@pytest.mark.parametrize("name", _corpus_spreadsheets())
def test_corpus_spreadsheet_without_extension_scores_as_named(name, tmp_path):
    named = CORPUS / name
    bare = tmp_path / "download"
    shutil.copyfile(named, bare)
    expected = score_file(named)
    assert expected["error"] is None
    assert _verdict(score_file(bare)) == _verdict(expected)


def test_generated_ods_without_extension_scores_as_named(write_ods, tmp_path):
    named = write_ods([["名称", "人口"], ["札幌", 1], ["函館", "1,234"]])
    bare = tmp_path / "upload"
    shutil.copyfile(named, bare)
    expected = score_file(named)
    assert expected["format"] == "ods" and expected["error"] is None
    assert _verdict(score_file(bare)) == _verdict(expected)


@pytest.mark.parametrize(
    "name", [n for n in _corpus_spreadsheets() if n.endswith(".xlsx")][:3] or ["none"]
)
def test_xlsx_named_xls_scores_as_xlsx(name, tmp_path):
    named = CORPUS / name
    misnamed = tmp_path / (named.stem + ".xls")
    shutil.copyfile(named, misnamed)
    expected = score_file(named)
    result = score_file(misnamed)
    assert result["format"] == "xlsx"
    assert _verdict(result) == _verdict(expected)
