"""Rules about the cells of numeric columns beyond their characters: numbers stored as text
in a spreadsheet, and annotation marks standing where a number belongs."""

from __future__ import annotations

import re

from .. import values
from ..registry import TableCheck, excerpt, register

# columns whose numbers are identifiers, rightly stored as text
_CODE_LABEL = re.compile(
    r"(?i:コード|番号|code|(?<![a-z])id(?![a-z])|^no\.?$|№|^#|郵便|電話|tel|fax)"
)
# 注記 marks standing in for, or attached to, a value: ※, ※1, 123※, (注), 注2
_ANNOTATION = re.compile(r"※|[(（]注[)）\d１-９]?|^注[\d１-９]*$")


def _numeric_data_columns(layout) -> list[int]:
    """0-based numeric columns none of whose header rows names a code or an identifier."""
    header_rows = layout.sample[(layout.header_row or 1) - 1 : layout.header_end]
    return [
        column
        for column in sorted(layout.numeric_columns)
        if not any(
            column < len(row) and _CODE_LABEL.search(values.normalize_label(row[column]))
            for row in header_rows
        )
    ]


@register
class NumericCellStoredAsText(TableCheck):
    rule = "numeric-cell-stored-as-text"
    severity = "warning"
    soumu = "1-3"
    message = {
        "ja": "数値の列の{count}セルが文字列として保存されています（{column}列目）",
        "en": "{count} cells of a numeric column are stored as text (column {column})",
    }
    hint = {
        "ja": "セルの書式を「文字列」から「数値」に変え、数値として入力し直してください"
        "（エラーチェックの「数値に変換する」が使えます）",
        "en": "Change the cell format from Text to Number and re-enter the values "
        "(Excel's 'Convert to Number')",
    }

    @classmethod
    def applies_to(cls, sheet) -> bool:
        return not sheet.delimited

    def end(self) -> None:
        sheet = self.sheet
        data_start = sheet.layout.data_start
        for column in _numeric_data_columns(sheet.layout):
            rows = sheet.text_number_rows.get(column + 1, [])
            in_header = sum(1 for row in rows if row < data_start)
            count = sheet.text_number_counts.get(column + 1, 0) - in_header
            if count > 0:
                first = next(row for row in rows if row >= data_start)
                self.report(self.at(first, column + 1), count=count, column=column + 1)


@register
class AnnotationInNumericCell(TableCheck):
    rule = "annotation-in-numeric-cell"
    severity = "error"
    soumu = "1-3"
    soumu_csv = "4-3"
    message = {
        "ja": "数値の列に注記記号を含む値「{value}」があります",
        "en": "numeric column holds the annotation mark '{value}'",
    }
    hint = {
        "ja": "「※」などの注記は数値のセルから外し、注記は別の列かメタデータに記載してください"
        "（秘匿・該当なしは「-」「…」「X」などの記号で表します）",
        "en": "Keep annotation marks out of numeric cells; put notes in a separate column "
        "or the metadata",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.columns = sorted(sheet.layout.numeric_columns)
        if not self.columns:
            self.stop()

    def rows(self, chunk):
        # every match of _ANNOTATION holds ※ or 注: columns without either hold no mark
        texts = [chunk.column_text(c) for c in self.columns]
        if None in texts or any("※" in text or "注" in text for text in texts):
            return super().rows(chunk)
        return None

    def row(self, number, cells):
        width = len(cells)
        search = _ANNOTATION.search
        for column in self.columns:
            if column < width:
                value = cells[column]
                if ("※" in value or "注" in value) and search(value):
                    self.report(self.at(number, column + 1), value=excerpt(value.strip()))
        return None
