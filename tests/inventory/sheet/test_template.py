import io

import openpyxl

from ckanext.hokkaido.inventory.sheet import columns as cols
from ckanext.hokkaido.inventory.sheet import parse_inventory, write_template_xlsx
from ckanext.hokkaido.inventory.sheet.template import CHOICES_SHEET_TITLE


def _template():
    buffer = io.BytesIO()
    write_template_xlsx(buffer)
    return buffer.getvalue()


def _sheet():
    return openpyxl.load_workbook(io.BytesIO(_template())).worksheets[0]


def test_template_has_every_column_header_in_order():
    sheet = _sheet()
    assert [c.value for c in sheet[1]] == cols.headers()


def test_every_header_has_a_japanese_note():
    for cell in _sheet()[1]:
        assert cell.comment is not None, cell.value
        assert cell.value in cell.comment.text and cell.comment.text.count("\n") >= 1


def test_every_controlled_column_has_a_dropdown_over_its_labels():
    workbook = openpyxl.load_workbook(io.BytesIO(_template()))
    sheet, choices = workbook.worksheets[0], workbook[CHOICES_SHEET_TITLE]
    by_column = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        by_column[letter] = validation.formula1
    for index, column in enumerate(cols.columns(), start=1):
        letter = openpyxl.utils.get_column_letter(index)
        if not column.controlled:
            assert letter not in by_column
            continue
        listed = [c.value for c in choices[letter][1:] if c.value]
        assert listed == [c.label_ja for c in column.choices]
        assert f"${letter}$2:${letter}${len(listed) + 1}" in by_column[letter]


def test_choices_sheet_is_hidden():
    workbook = openpyxl.load_workbook(io.BytesIO(_template()))
    assert workbook[CHOICES_SHEET_TITLE].sheet_state == "hidden"


def test_empty_template_imports_as_no_rows_and_no_errors():
    parsed = parse_inventory(io.BytesIO(_template()), "template.xlsx")
    assert parsed.ok and parsed.rows == [] and parsed.file_errors == []
