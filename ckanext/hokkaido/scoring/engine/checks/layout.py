"""Rules about the shape of a table: where the header is, what lies between and around the
records, and spreadsheet features that break the one-cell-one-value grid."""

from __future__ import annotations

import re

from .. import values
from ..registry import TableCheck, excerpt, register
from ..table import nonempty_count

_NOTE_START = re.compile(
    r"\s*(※|＊|\*|\(?注|（注|注[)）:：\d１-９]|出典|出所|資料[:：]|備考[:：]|Note)"
)
_TOTAL_LABELS = frozenset(
    {
        "計",
        "合計",
        "総計",
        "小計",
        "総数",
        "合算",
        "全体",
        "累計",
        "total",
        "sum",
        "grandtotal",
    }
)
_TOTAL_INSIDE = re.compile(r"(合計|総計|小計)")
# every character whose NFKC form, lower-cased, holds one of 計数算体ts: a value without any
# cannot be a totals label (computed over all code points once, written out here)
_TOTAL_GATE = (
    "計数算体tsTS\u017f\u02e2\u1d40\u1d57\u209b\u209c\u20a8\u2101\u2120-\u2122"
    "\u24ae\u24af\u24c8\u24c9\u24e2\u24e3\u3250\u32cf\u3394\u33a7-\u33b3\u33cf\u33db"
    "\u33dc\ufb05\ufb06\uff33\uff34\uff53\uff54\U0001d400-\U0001d6a3\U0001f110-\U0001f14f"
)
# CJK unified ideographs stay themselves under NFKC: a value whose highest character is one
# that no totals label holds cannot normalise to a totals label (max() spares the NFKC)
_TOTAL_LABEL_CHARS = frozenset("".join(_TOTAL_LABELS))


def _cannot_be_total_label(value: str) -> bool:
    top = max(value)
    return "\u4e00" <= top <= "\u9fff" and top not in _TOTAL_LABEL_CHARS


def _label(value: str) -> str:
    return values.normalize_label(value).lower()


# a label separator that is no space, and that NFKC and lower() neither change nor join
# with its neighbours: _label() of joined cells is the join of their labels
_LABEL_JOIN = "\x00"


def _some_label_is(cells: list[str], label: str) -> bool:
    """Whether _label(cell) == label for some cell; the cells are normalised at once, in C."""
    text = _LABEL_JOIN.join(cells)
    if text.count(_LABEL_JOIN) != len(cells) - 1:
        return True  # a cell holds the separator: cannot tell, so maybe
    return f"{_LABEL_JOIN}{label}{_LABEL_JOIN}" in f"{_LABEL_JOIN}{_label(text)}{_LABEL_JOIN}"


@register
class TitleRow(TableCheck):
    rule = "title-row"
    severity = "error"
    soumu_csv = "4-1"
    message = {
        "ja": "表の前にタイトル等の行があります（{value}）",
        "en": "a title or caption row precedes the table ({value})",
    }
    hint = {
        "ja": "1行目を項目名の行にし、表題はメタデータ（データセットの説明）に書いてください",
        "en": "Make the first row the header; put the title in the dataset description",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        for row in sheet.layout.title_rows:
            text = " ".join(v for v in sheet.layout.sample[row - 1] if not values.is_blank(v))
            self.report(self.at(row), value=excerpt(text))


@register
class MultiRowHeader(TableCheck):
    rule = "multi-row-header"
    severity = "error"
    soumu = "1-6"
    soumu_csv = "4-1"
    message = {
        "ja": "項目名が複数行（{first}〜{last}行目）にわたっています",
        "en": "the header spans several rows ({first}-{last})",
    }
    hint = {
        "ja": "項目名は1行にまとめ、上位の見出しは「男性_総数」のように連結してください",
        "en": "Use one header row; join group labels into each column name",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        layout = sheet.layout
        if layout.header_row and layout.header_end > layout.header_row:
            self.report(self.at(layout.header_row), first=layout.header_row, last=layout.header_end)


class _HeaderLabelCheck(TableCheck):
    soumu = "1-6"
    soumu_csv = "4-6"

    def header_cells(self) -> list[tuple[int, str]]:
        """Header labels up to the last column that holds a label or, in the sample, data."""
        layout = self.sheet.layout
        if layout.header_row is None:
            return []
        used = [i for row in layout.sample for i, v in enumerate(row) if not values.is_blank(v)]
        width = max(used, default=-1) + 1
        header = layout.header + [""] * (width - len(layout.header))
        return list(enumerate(header[:width], 1))


@register
class BlankHeader(_HeaderLabelCheck):
    rule = "blank-header"
    severity = "error"
    message = {"ja": "{column}列目の項目名が空です", "en": "column {column} has no header label"}
    hint = {
        "ja": "すべての列に項目名を付けてください",
        "en": "Give every column a name",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        row = sheet.layout.header_end if sheet.layout.header_row else None
        header_rows = sheet.layout.sample[sheet.layout.header_row - 1 : row] if row else []
        for column, _label in self.header_cells():
            if all(values.is_blank(r[column - 1]) for r in header_rows if column <= len(r)):
                self.report(self.at(sheet.layout.header_row, column), column=column)


@register
class DuplicateHeader(_HeaderLabelCheck):
    rule = "duplicate-header"
    severity = "error"
    message = {
        "ja": "項目名「{label}」が重複しています（{column}列目）",
        "en": "header label '{label}' is repeated (column {column})",
    }
    hint = {
        "ja": "列ごとに異なる項目名を付けてください",
        "en": "Give each column a distinct name",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        if sheet.layout.header_end > (sheet.layout.header_row or 0):
            return  # labels of a multi-row header repeat by design; that rule reports it
        seen: set[str] = set()
        for column, label in self.header_cells():
            key = values.normalize_label(label)
            if key and key in seen:
                self.report(self.at(sheet.layout.header_row, column), label=label, column=column)
            seen.add(key)


@register
class RaggedRows(TableCheck):
    rule = "ragged-rows"
    severity = "error"
    soumu_csv = "4-5"
    every_row = True
    message = {
        "ja": "この行の列数（{count}）が項目名の列数（{width}）と異なります",
        "en": "this row has {count} fields, the header has {width}",
    }
    hint = {
        "ja": "すべての行の列数を項目名の行とそろえてください",
        "en": "Make every row as wide as the header",
    }

    @classmethod
    def applies_to(cls, sheet) -> bool:
        return sheet.delimited

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.width = sheet.layout.width

    def row(self, number, cells):
        if cells and len(cells) != self.width:
            self.report(self.at(number), count=len(cells), width=self.width)

    def rows(self, chunk):
        return None if chunk.uniform else super().rows(chunk)


@register
class BlankRow(TableCheck):
    rule = "blank-row"
    severity = "warning"
    soumu = "2-1"
    soumu_csv = "4-13"
    every_row = True
    message = {"ja": "空行があります", "en": "blank row inside the table"}
    hint = {
        "ja": "表の途中の空行を削除してください",
        "en": "Delete blank rows between records",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.pending: list[int] = []

    def row(self, number, cells):
        if not any(cells):
            if len(self.pending) < self.reporter.max_per_rule:
                self.pending.append(number)
            return None
        # only blank rows followed by more data split a table; trailing ones are harmless
        for blank in self.pending:
            self.report(self.at(blank))
        self.pending.clear()
        return None

    def rows(self, chunk):
        if chunk.no_blank_row:
            return self.row(chunk.first, chunk.rows[0]) if self.pending else None
        return super().rows(chunk)


@register
class SectionRow(TableCheck):
    rule = "section-row"
    severity = "error"
    soumu = "2-1"
    soumu_csv = "4-13"
    message = {
        "ja": "見出し行「{value}」で表が区切られています",
        "en": "a heading row '{value}' splits the table",
    }
    hint = {
        "ja": "見出しは分類を表す列（例:「施設分類」）の値として各行に入れてください",
        "en": "Move the heading into a category column repeated on every record",
    }

    def rows(self, chunk):
        # usual case: every row has its first two cells filled, so none is a lone heading
        first, second = chunk.column(0), chunk.column(1)
        if (
            first is None
            or second is None
            or chunk.width < 3
            or not all(second)
            or any(map(str.isspace, second))
            or any(map(str.isspace, first))
        ):
            return super().rows(chunk)
        return None

    def row(self, number, cells):
        if len(cells) < 3 or not (first := cells[0]):
            return None
        second = cells[1]
        if second and not second.isspace() and not first.isspace():
            return None  # two filled cells: a record (the usual case, decided cheaply)
        if _NOTE_START.match(first):
            return None
        if nonempty_count(cells) == 1 and _label(cells[0]) not in _TOTAL_LABELS:
            self.report(self.at(number, 1), value=excerpt(cells[0]))
        return None


@register
class NotesRow(TableCheck):
    rule = "notes-row"
    severity = "error"
    soumu = "2-2"
    soumu_csv = "4-14"
    gates = (("※＊*注出資備N", ""),)  # every _NOTE_START match holds one
    message = {
        "ja": "注記・出典の行があります（{value}）",
        "en": "a note or source line sits in the table ({value})",
    }
    hint = {
        "ja": "注記や出典は表から外し、メタデータに記載してください",
        "en": "Move notes and sources out of the table into the metadata",
    }

    def row(self, number, cells):
        for column, value in enumerate(cells[:2], 1):
            if value and _NOTE_START.match(value) and nonempty_count(cells) <= 2:
                self.report(self.at(number, column), value=excerpt(value))
                return None
        return None


@register
class TotalsRow(TableCheck):
    rule = "totals-row"
    severity = "warning"
    soumu = "1-2"
    soumu_csv = "4-5"
    gates = ((_TOTAL_GATE, ""),)
    message = {
        "ja": "合計行があります（{value}）",
        "en": "a totals row is mixed with the records ({value})",
    }
    hint = {
        "ja": "合計は利用者が計算できるので、合計行を削除するか別ファイルにしてください",
        "en": "Drop totals rows (users can compute them) or publish them separately",
    }

    def row(self, number, cells):
        for column, value in enumerate(cells[:3], 1):
            if value and (
                (not _cannot_be_total_label(value) and _label(value) in _TOTAL_LABELS)
                or _TOTAL_INSIDE.search(value)
            ):
                self.report(self.at(number, column), value=excerpt(value))
                return None
        return None


@register
class MultipleTables(TableCheck):
    rule = "multiple-tables"
    severity = "error"
    soumu = "2-2"
    soumu_csv = "4-14"
    every_row = True
    message = {
        "ja": "{row}行目から別の表（項目名の行）が始まっています",
        "en": "another table (a new header row) starts at row {row}",
    }
    hint = {
        "ja": "1シート（1ファイル）には1つの表だけを載せてください",
        "en": "Keep one table per sheet (per file)",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.header_key = [_label(v) for v in sheet.layout.header]
        self.numeric = sheet.layout.numeric_columns
        self.after_blank = False

    def rows(self, chunk):
        # after a non-blank row, a chunk without blank rows can only repeat the header, and
        # then one of its first cells reads as the header's first label
        if self.after_blank or not chunk.no_blank_row or self._may_repeat_header(chunk):
            return super().rows(chunk)
        return None

    def _may_repeat_header(self, chunk) -> bool:
        if len(self.header_key) < 2:
            return False
        first = chunk.column(0)
        return first is None or _some_label_is(first, self.header_key[0])

    def row(self, number, cells):
        if not any(cells):
            self.after_blank = True
            return None
        if self.after_blank and _is_caption(cells):
            return None  # 「表2 …」 between the blank row and the next header
        if (self.after_blank and self._looks_like_header(cells)) or self._repeats_header(cells):
            self.report(self.at(number), row=number)
        self.after_blank = False
        return None

    def _repeats_header(self, cells) -> bool:
        """The header row again, without a blank row before it (a table appended below)."""
        return (
            len(self.header_key) >= 2
            and _label(cells[0]) == self.header_key[0]
            and ([_label(v) for v in cells] == self.header_key)
        )

    def _looks_like_header(self, cells) -> bool:
        if [_label(v) for v in cells] == self.header_key:
            return True
        in_numeric = [cells[c] for c in self.numeric if c < len(cells) and cells[c]]
        return len(in_numeric) >= 2 and not any(values.is_numeric_like(v) for v in in_numeric)


def _is_caption(cells) -> bool:
    """A row holding one text cell only: a table's caption or title."""
    filled = [v for v in cells if not values.is_blank(v)]
    return len(filled) == 1 and not values.is_numeric_like(filled[0])


@register
class MergedCells(TableCheck):
    rule = "merged-cells"
    severity = "error"
    soumu = "1-4"
    message = {
        "ja": "セルが結合されています（{ref}、このシートで計{count}箇所）",
        "en": "merged cells ({ref}; {count} merged ranges in this sheet)",
    }
    hint = {
        "ja": "セルの結合を解除し、各セルに値を入れてください",
        "en": "Unmerge the cells and fill every cell with its value",
    }

    @classmethod
    def applies_to(cls, sheet) -> bool:
        return not sheet.delimited

    def end(self) -> None:
        ranges = self.sheet.merged_ranges
        for min_row, min_col, max_row, max_col in ranges[: self.reporter.max_per_rule]:
            ref = f"{_cell_ref(min_row, min_col)}:{_cell_ref(max_row, max_col)}"
            self.report(self.at(min_row, min_col), ref=ref, count=len(ranges))


@register
class FormulaCell(TableCheck):
    rule = "formula-cell"
    severity = "warning"
    soumu = "1-7"
    message = {
        "ja": "数式が使われています（このシートで{count}セル）",
        "en": "cell holds a formula ({count} formula cells in this sheet)",
    }
    hint = {
        "ja": "数式は「値の貼り付け」で数値に置き換えてください",
        "en": "Replace formulas with their values (paste as values)",
    }

    @classmethod
    def applies_to(cls, sheet) -> bool:
        return not sheet.delimited

    def end(self) -> None:
        for row, column in self.sheet.formula_cells[: self.reporter.max_per_rule]:
            self.report(self.at(row, column), count=self.sheet.formula_count)


@register
class ObjectInSheet(TableCheck):
    rule = "object-in-sheet"
    severity = "warning"
    soumu = "1-8"
    message = {
        "ja": "図形・画像・コメント等のオブジェクトがあります",
        "en": "the sheet contains drawings, images or comments",
    }
    hint = {
        "ja": "オブジェクトを削除し、必要な情報はセルの値にしてください",
        "en": "Remove objects; put the information they carry into cells",
    }

    @classmethod
    def applies_to(cls, sheet) -> bool:
        return not sheet.delimited

    def end(self) -> None:
        if self.sheet.has_objects:
            self.report(self.at())


def _cell_ref(row: int, column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"
