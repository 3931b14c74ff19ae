import io

import pytest

from ckanext.hokkaido.inventory.sheet import (
    parse_inventory,
    row_to_package_fields,
    write_inventory_csv,
    write_inventory_xlsx,
)
from ckanext.hokkaido.inventory.sheet.cells import neutralise, unneutralise

from .conftest import full_package

WRITERS = [(write_inventory_xlsx, "export.xlsx"), (write_inventory_csv, "export.csv")]
DANGEROUS = ["+81-11-000", "-", "@SUM(A1)", "'quoted", "''x", "a=b"]


def _round_trip(packages, writer, filename):
    buffer = io.BytesIO()
    writer(packages, buffer)
    parsed = parse_inventory(io.BytesIO(buffer.getvalue()), filename)
    assert parsed.file_errors == [] and parsed.ok, parsed
    return [row_to_package_fields(r) for r in parsed.rows]


@pytest.mark.parametrize("writer, filename", WRITERS)
def test_export_then_import_is_a_no_op(writer, filename):
    packages = [
        full_package(),
        full_package(
            inventory_id="002",
            title="申請者データ",
            disclosure="closed",
            nondisclosure_reason=["personal_info", "other"],
            nondisclosure_note="委託契約",
            publication_status="unpublished",
            license_id="other-closed",
            file_formats=[],
            standard_dataset="",
            target_areas=[],
        ),
    ]
    assert _round_trip(packages, writer, filename) == packages


@pytest.mark.parametrize("writer, filename", WRITERS)
def test_formula_like_cells_survive_the_round_trip(writer, filename):
    packages = [full_package(inventory_id=str(i), notes=text) for i, text in enumerate(DANGEROUS)]
    assert [p["notes"] for p in _round_trip(packages, writer, filename)] == DANGEROUS


@pytest.mark.parametrize("writer, filename", WRITERS)
def test_a_stored_formula_is_exported_harmless_and_refused_on_import(writer, filename):
    buffer = io.BytesIO()
    writer([full_package(notes='=HYPERLINK("http://evil")')], buffer)
    parsed = parse_inventory(io.BytesIO(buffer.getvalue()), filename)
    assert [e.code for e in parsed.rows[0].errors] == ["formula"]


def test_csv_export_is_utf8_with_bom_and_neutralised():
    buffer = io.BytesIO()
    write_inventory_csv([full_package(title="=1+2")], buffer)
    data = buffer.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "'=1+2" in data.decode("utf-8-sig")


def test_xlsx_export_holds_no_formula_cells():
    import openpyxl

    buffer = io.BytesIO()
    write_inventory_xlsx([full_package(title="=1+2", notes="@x")], buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert sheet["B2"].value == "'=1+2"


def test_export_uses_japanese_labels():
    buffer = io.BytesIO()
    write_inventory_csv([full_package()], buffer)
    text = buffer.getvalue().decode("utf-8-sig")
    assert "電子ファイル" in text and "CSV;PDF" in text and "CC BY 4.0" in text


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@a", "\tx", "\rx", "'a", "plain", ""])
def test_neutralise_is_undone_exactly(text):
    assert unneutralise(neutralise(text)) == text
    assert not neutralise(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_unneutralise_leaves_a_user_typed_apostrophe():
    assert unneutralise("'abc") == "'abc"


def test_parsed_rows_can_be_exported_directly():
    buffer = io.BytesIO()
    write_inventory_csv([full_package()], buffer)
    rows = parse_inventory(io.BytesIO(buffer.getvalue()), "a.csv").rows
    again = io.BytesIO()
    write_inventory_csv(rows, again)
    assert again.getvalue() == buffer.getvalue()


def test_an_exported_workbook_declares_its_size():
    import zipfile

    from ckanext.hokkaido.inventory.sheet import write_inventory_xlsx

    buffer = io.BytesIO()
    write_inventory_xlsx([{"inventory_id": "A-1", "title": "一覧"}] * 3, buffer)

    with zipfile.ZipFile(buffer) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:' in sheet and b'4"/>' in sheet
