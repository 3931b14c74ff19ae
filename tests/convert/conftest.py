"""Helpers that write source files in tmp_path and convert them. Pure unit tests: nothing
from CKAN (run with -p no:ckan)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ckanext.hokkaido.convert import convert_file

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def kinds(result) -> dict[str, int]:
    return dict(result.report.counts)


def entries(result, kind: str) -> list[dict]:
    return [e for e in result.report.entries() if e["kind"] == kind]


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "data.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path):
    """sheets: {name: rows}; merges: {name: ["A4:A6", …]}."""

    def write(sheets: dict, name: str = "book.xlsx", merges: dict | None = None) -> Path:
        import openpyxl

        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
            for merged in (merges or {}).get(title, []):
                sheet.merge_cells(merged)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_ods(tmp_path):
    """rows of (value, columns spanned) pairs or plain values, in one sheet."""

    def write(rows, name: str = "book.ods", sheet: str = "Sheet1") -> Path:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import CoveredTableCell, Table, TableCell, TableRow
        from odf.text import P

        document = OpenDocumentSpreadsheet()
        table = Table(name=sheet)
        for row in rows:
            table_row = TableRow()
            for value in row:
                text, span = value if isinstance(value, tuple) else (value, 1)
                attributes = {"numbercolumnsspanned": span} if span > 1 else {}
                cell = TableCell(valuetype="string", **attributes)
                cell.addElement(P(text=str(text)))
                table_row.addElement(cell)
                for _ in range(span - 1):
                    table_row.addElement(CoveredTableCell())
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
        path = tmp_path / name
        document.save(str(path))
        return path

    return write


@pytest.fixture
def convert(tmp_path):
    """Converts a file into tmp_path/out/; returns the result."""

    def run(path: Path, out_name: str = "out.csv", **options):
        out_dir = tmp_path / "out"
        out_dir.mkdir(exist_ok=True)
        return convert_file(path, out_dir / out_name, **options)

    return run


@pytest.fixture
def convert_rows(convert):
    """Converts a one-table file; returns (rows of the output, result)."""

    def run(path: Path, **options):
        result = convert(path, **options)
        assert len(result.outputs) == 1, [t.path for t in result.outputs]
        return read_csv(result.outputs[0].path), result

    return run
