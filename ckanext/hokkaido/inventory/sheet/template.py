"""The empty inventory template: headers with explanatory notes and dropdowns for choices."""

from __future__ import annotations

from typing import BinaryIO

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from . import columns as cols
from .columns import Column
from .values import MULTI_SEPARATOR
from .writer import SHEET_TITLE

CHOICES_SHEET_TITLE = "選択肢"
TEMPLATE_ROWS = 2000
COMMENT_AUTHOR = "北海道オープンデータポータル"
COMMENT_SIZE = (120, 320)  # height, width in points
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
TEXT_FORMAT = "@"  # keeps 管理番号 like 001 and codes like 011002 as text
COLUMN_WIDTH = 22
_SINGLE_ERROR = "一覧の値を選んでください。"
_MULTI_ERROR = f"一覧の値を「{MULTI_SEPARATOR}」で区切って入力してください。"


def write_template_xlsx(fileobj: BinaryIO) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    choices_sheet = workbook.create_sheet(CHOICES_SHEET_TITLE)
    for index, column in enumerate(cols.columns(), start=1):
        _header(sheet, index, column)
        _text_column(sheet, index)
        if column.controlled:
            source = _write_choices(choices_sheet, index, column)
            sheet.add_data_validation(_dropdown(index, column, source))
    sheet.freeze_panes = "A2"
    choices_sheet.sheet_state = "hidden"
    workbook.save(fileobj)


def _header(sheet, index: int, column: Column) -> None:
    cell = sheet.cell(row=1, column=index, value=column.header)
    cell.font = Font(bold=True)
    cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    comment = Comment(_note(column), COMMENT_AUTHOR)
    comment.height, comment.width = COMMENT_SIZE
    cell.comment = comment


def _note(column: Column) -> str:
    lines = [f"【{column.header}】（{column.label_en}）", column.help_ja]
    if column.required:
        lines.append("必須項目です。")
    if column.controlled:
        lines.append("一覧から選んでください。")
    if column.multiple:
        lines.append(f"複数の値は「{MULTI_SEPARATOR}」で区切ります。")
    return "\n".join(line for line in lines if line)


def _text_column(sheet, index: int) -> None:
    dimension = sheet.column_dimensions[get_column_letter(index)]
    dimension.width = COLUMN_WIDTH
    dimension.number_format = TEXT_FORMAT


def _write_choices(choices_sheet, index: int, column: Column) -> str:
    letter = get_column_letter(index)
    choices_sheet.cell(row=1, column=index, value=column.header)
    for row, choice in enumerate(column.choices, start=2):
        choices_sheet.cell(row=row, column=index, value=choice.label_ja)
    last = len(column.choices) + 1
    return f"{quote_sheetname(CHOICES_SHEET_TITLE)}!${letter}$2:${letter}${last}"


def _dropdown(index: int, column: Column, source: str) -> DataValidation:
    # Several values joined with ';' are not in the list, so multi-value columns only warn.
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="information" if column.multiple else "stop",
        errorTitle=column.header,
        error=_MULTI_ERROR if column.multiple else _SINGLE_ERROR,
        promptTitle=column.header[:32],
        prompt=column.help_ja[:255],
        showInputMessage=True,
    )
    letter = get_column_letter(index)
    validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    return validation
