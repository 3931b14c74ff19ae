"""Rules about the characters and values inside cells."""

from __future__ import annotations

import re

from .. import values
from ..registry import CELL_EDGE, CellPatternCheck, TableCheck, excerpt, register

_ERA = "明治|大正|昭和|平成|令和"
_ERA_DATE = re.compile(
    rf"^\s*({_ERA})\s*$|({_ERA})\s*([0-9０-９]{{1,2}}|元)\s*年|^\s*[MTSHR]\d{{1,2}}[./]\d{{1,2}}"
)
_PLAIN_NUMBER = values.PLAIN_NUMBER.fullmatch
# a value made of these characters only is never a number written as text: TEXT_NUMBER over
# them is [-+]?\d+(\.\d+)?, a plain number
_PLAIN_CHARS = b"0123456789.eE+-\n"
_WESTERN_YEAR = re.compile(r"(?<![0-9])(18[6-9]\d|19\d\d|20\d\d)(?![0-9])")


@register
class NumberAsText(TableCheck):
    rule = "number-as-text"
    severity = "error"
    soumu = "1-3"
    soumu_csv = "4-3"
    message = {
        "ja": "数値の列に文字を含む値「{value}」があります（桁区切り・単位・全角数字など）",
        "en": "numeric column holds '{value}' (separators, units or full-width digits)",
    }
    hint = {
        "ja": "数値は半角数字だけにし、単位は項目名に（例:「人口（人）」）書いてください",
        "en": "Write plain half-width numbers; put units in the column name",
    }

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.columns = sorted(sheet.layout.numeric_columns)
        if not self.columns:
            self.stop()

    def rows(self, chunk):
        texts = [chunk.column_text(c) for c in self.columns]
        if None in texts or not all(map(_plain_chars_only, texts)):
            return super().rows(chunk)
        return None

    def row(self, number, cells):
        width = len(cells)
        plain = _PLAIN_NUMBER  # a plain number (the usual value) is settled by one match
        for column in self.columns:
            if column < width:
                value = cells[column]
                if value and not plain(value) and values.is_number_as_text(value):
                    self.report(self.at(number, column + 1), value=excerpt(value))
        return None


def _plain_chars_only(text: str) -> bool:
    # deleting the allowed bytes in C is several times faster than a regex scan for the rest
    return text.isascii() and not text.encode("ascii").translate(None, _PLAIN_CHARS)


@register
class WarekiDate(CellPatternCheck):
    rule = "wareki-date"
    severity = "warning"
    soumu = "1-11"
    soumu_csv = "4-9"
    pattern = re.compile(rf"{_ERA}|[MTSHR]\d{{1,2}}[./]\d")
    # looser, but it starts with a character class, which the regex engine scans for fast
    prefilter = re.compile(r"[明大昭平令MTSHR][治正和成\d]")
    # gated on the era's second character: 平 and 大 start many ordinary words (平日, 大通)
    gates = (("治正和成", "(?<=[明大昭平令].)"), ("MTSHR", r"(?=\d)"))
    message = {
        "ja": "和暦「{value}」に西暦が併記されていません",
        "en": "Japanese era date '{value}' without a Western year",
    }
    hint = {
        "ja": "西暦（例: 2024-04-01、2024年度）で記載するか、西暦の列を追加してください",
        "en": "Write Western dates (e.g. 2024-04-01) or add a Western-year column",
    }

    def cell(self, row, column, value, match):
        if _WESTERN_YEAR.search(value):
            return
        if _ERA_DATE.search(value):
            self.report(self.at(row, column), value=excerpt(value.strip()))


@register
class PlatformDependentChar(CellPatternCheck):
    rule = "platform-dependent-char"
    severity = "warning"
    soumu = "1-10"
    soumu_csv = "4-8"
    # circled/parenthesised numbers and ideographs, Roman numerals, unit squares, NEC/IBM
    # extensions; these exist in CP932 only as vendor additions and break in other systems
    chars = (
        "\u2460-\u24ff\u2776-\u2793\u2160-\u2188\u3220-\u3247\u3251-\u32ff\u3300-\u33ff"
        "\u2116\u2121\u222e\u2211\u221f\u22bf\uf900-\ufaff\uffe4\uff07\uff02\u9ad9"
    )
    pattern = re.compile(f"[{chars}]")
    message = {
        "ja": "機種依存文字「{value}」が使われています",
        "en": "platform-dependent character '{value}'",
    }
    hint = {
        "ja": "①→(1)、㈱→(株)、Ⅲ→III、㎡→m2 のように置き換えてください",
        "en": "Replace with plain characters: ① → (1), ㈱ → (株), Ⅲ → III, ㎡ → m2",
    }


@register
class HalfwidthKatakana(CellPatternCheck):
    rule = "halfwidth-katakana"
    severity = "warning"
    soumu = "1-10"
    soumu_csv = "4-8"
    chars = "\uff61-\uff9f"
    pattern = re.compile(f"[{chars}]+")
    message = {
        "ja": "半角カタカナ「{value}」が使われています",
        "en": "half-width katakana '{value}'",
    }
    hint = {
        "ja": "カタカナは全角で記載してください",
        "en": "Use full-width katakana",
    }


@register
class FullwidthAlnum(CellPatternCheck):
    rule = "fullwidth-alnum"
    severity = "warning"
    chars = "０-９Ａ-Ｚａ-ｚ"
    pattern = re.compile(f"[{chars}]+")
    message = {
        "ja": "全角英数字「{value}」が使われています",
        "en": "full-width letters or digits '{value}'",
    }
    hint = {
        "ja": "英数字は半角で記載してください",
        "en": "Write letters and digits half-width",
    }


@register
class CellLinebreakOrPadding(CellPatternCheck):
    rule = "cell-linebreak-or-padding"
    severity = "warning"
    soumu = "1-5"
    soumu_csv = "4-4"
    chars = "\r\n\u3000 \t"
    # single blanks, not runs: "[ \t]+$" is quadratic on a long run of blanks not at the end
    pattern = re.compile(r"[\r\n]|\u3000|^[ \t]|[ \t]$| {2}")
    prefilter = re.compile("[\r\n\u3000]|(?:^|\x1f)[ \t]|[ \t](?:\x1f|$)| {2}")
    # a blank counts at the start or end of a cell, or before another space
    gates = (
        ("\r\n\u3000", ""),
        (" \t", f"(?:(?<={CELL_EDGE}[ \t])|(?={CELL_EDGE})|(?<=  ))"),
    )
    message = {
        "ja": "セル内の改行・スペースで体裁を整えています（「{value}」）",
        "en": "line break or spacing used for layout in a cell ('{value}')",
    }
    hint = {
        "ja": "セル内の改行、前後の空白、全角スペースによる字揃えを削除してください",
        "en": "Remove in-cell line breaks, leading/trailing blanks and ideographic spaces",
    }

    def cell(self, row, column, value, match):
        shown = value.replace("\r", "").replace("\n", "↵").replace("\u3000", "□")
        self.report(self.at(row, column), value=excerpt(shown))


_HTML_TAGS = (
    "a|b|big|blockquote|br|center|div|em|font|h[1-6]|hr|i|img|li|ol|p|pre|s|small|span|strike"
    "|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul"
)


@register
class HtmlInCell(CellPatternCheck):
    rule = "html-in-cell"
    severity = "warning"
    soumu = "1-5"
    soumu_csv = "4-4"
    pattern = re.compile(
        rf"</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);",
        re.IGNORECASE,
    )
    chars = "<&"
    prefilter = re.compile(r"<[/A-Za-z]|&[#A-Za-z]")
    gates = (("<", "(?=[/A-Za-z])"), ("&", "(?=[#A-Za-z])"))
    message = {
        "ja": "セルに HTML のタグ・文字参照「{value}」が含まれています",
        "en": "cell contains HTML markup '{value}'",
    }
    hint = {
        "ja": "<br> や <font> などの HTML を取り除き、値だけを記載してください"
        "（表や装飾はデータに含めません）",
        "en": "Remove HTML such as <br> or <font>; cells hold plain values, not formatting",
    }


@register
class UndecodableBytes(CellPatternCheck):
    rule = "undecodable-bytes"
    severity = "error"
    chars = "\ufffd"
    pattern = re.compile(chars)
    message = {
        "ja": "文字コードとして解釈できないバイトがあります（文字化け）",
        "en": "bytes that are invalid in the file's encoding (mojibake)",
    }
    hint = {
        "ja": "ファイル全体を1つの文字コード（UTF-8）で保存し直してください",
        "en": "Re-save the whole file in one encoding (UTF-8)",
    }

    def cell(self, row, column, value, match):
        self.report(self.at(row, column))
