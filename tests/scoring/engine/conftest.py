"""Helpers that generate test files in tmp_path. Pure unit tests: nothing from CKAN."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckanext.hokkaido.scoring.engine import score_file

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


def rules_of(result: dict) -> set[str]:
    return {f["rule"] for f in result["findings"]}


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "data.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def score_csv(write_csv):
    def score(text: str, name: str = "data.csv", encoding: str = "utf-8", **options) -> dict:
        return score_file(write_csv(text, name, encoding), **options)

    return score


@pytest.fixture
def write_xlsx(tmp_path):
    def write(rows, name: str = "data.xlsx", merge: str | None = None) -> Path:
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Sheet1"
        for row in rows:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_ods(tmp_path):
    def write(rows, name: str = "data.ods", span_first: int = 1, formula: bool = False) -> Path:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableCell, TableRow
        from odf.text import P

        document = OpenDocumentSpreadsheet()
        table = Table(name="Sheet1")
        for index, row in enumerate(rows):
            table_row = TableRow()
            for column, value in enumerate(row):
                attributes = {}
                if index == 0 and column == 0 and span_first > 1:
                    attributes["numbercolumnsspanned"] = span_first
                if formula and index == 1 and column == 1:
                    attributes["formula"] = "of:=1+1"
                if isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value, **attributes)
                else:
                    cell = TableCell(valuetype="string", **attributes)
                cell.addElement(P(text=str(value)))
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
        path = tmp_path / name
        document.save(str(path))
        return path

    return write
